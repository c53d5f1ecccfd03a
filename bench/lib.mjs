// Timing helpers for the bench: medians of wall and CPU time over repetitions, child
// processes for cold start and peak memory (RSS is only meaningful per process).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const USAGE = join(import.meta.dirname, 'usage.cjs');

export const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/**
 * Runs `fn` `reps` times after one warm-up and returns the medians of wall time and of CPU
 * time (process.cpuUsage: every thread of this process, worker threads included), in ms.
 */
export async function time(fn, reps = 5, warmUp = true) {
  if (warmUp) await fn();
  const wall = [];
  const cpu = [];
  for (let i = 0; i < reps; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await fn();
    wall.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

/** Runs `node -r usage.cjs …args` once; its wall time, CPU time, peak RSS and stdout. */
export function child(args, options = {}) {
  const t = performance.now();
  const r = spawnSync(process.execPath, ['-r', USAGE, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe', 'pipe'], ...options });
  const wall = performance.now() - t;
  const usage = JSON.parse((r.output[3] || '{}').trim().split('\n').at(-1) || '{}');
  return { wall, cpu: usage.cpuMs, maxRss: usage.maxRss, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Medians of wall time, CPU time and peak RSS of a command run `reps` times as a fresh process (after one warm-up). */
export function processTime(args, reps = 10, options = {}) {
  child(args, options);
  const runs = Array.from({ length: reps }, () => child(args, options));
  return { wall: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)), maxRss: median(runs.map((r) => r.maxRss)) };
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

export const ms = (v) => (v === undefined || Number.isNaN(v) ? 'n/a' : `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ms`);
/** Wall / CPU of a timing. */
export const wc = (t) => (t ? `${ms(t.wall)} / ${ms(t.cpu)}` : 'n/a');
export const ratio = (a, b) => (a === undefined || b === undefined || b === 0 ? 'n/a' : `${(a / b).toFixed(2)}×`);
/** Ratio of CPU times, wall ratio after it. */
export const ratios = (a, b) => (a && b ? `${ratio(a.cpu, b.cpu)} (wall ${ratio(a.wall, b.wall)})` : 'n/a');
export const mb = (bytes) => (bytes === undefined ? 'n/a' : `${(bytes / 1048576).toFixed(0)} MB`);
