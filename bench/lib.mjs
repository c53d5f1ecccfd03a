// Timing helpers for the bench: medians over repetitions, and child processes for
// cold start and peak memory (RSS is only meaningful per process).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** Runs `fn` `reps` times (after one warm-up unless told otherwise) and returns the median in ms. */
export async function time(fn, reps = 5, warmup = true) {
  if (warmup) await fn();
  const samples = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

/** Median wall time of a command run as a fresh process. */
export function processTime(command, args, reps = 10, options = {}) {
  spawnSync(command, args, { stdio: 'ignore', ...options });
  const samples = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    spawnSync(command, args, { stdio: 'ignore', ...options });
    samples.push(performance.now() - t);
  }
  return median(samples);
}

/** Runs a node script in a child process that prints one JSON line; returns it. */
export function childJson(script, args, options = {}) {
  const r = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', maxBuffer: 1 << 26, ...options });
  const line = r.stdout.trim().split('\n').at(-1);
  if (r.status !== 0 || !line) throw new Error(`${script} failed: ${r.stderr.slice(0, 500)}`);
  return JSON.parse(line);
}

export function corpusFiles(corpus) {
  const rows = readFileSync(join(corpus, 'INDEX.tsv'), 'utf8').trim().split('\n').slice(1);
  const byFormat = { k8s: [], compose: [], dockerfile: [] };
  for (const row of rows) {
    const [path, format] = row.split('\t');
    if (byFormat[format]) byFormat[format].push(join(corpus, path));
  }
  return byFormat;
}

export function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

export const ms = (v) => (v === undefined ? 'n/a' : `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ms`);
export const ratio = (a, b) => (a === undefined || b === undefined || b === 0 ? 'n/a' : `${(a / b).toFixed(2)}×`);
export const mb = (bytes) => (bytes === undefined ? 'n/a' : `${(bytes / 1048576).toFixed(0)} MB`);
