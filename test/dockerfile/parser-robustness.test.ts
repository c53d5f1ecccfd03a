/**
 * The parser never throws, and every span it produces lies inside the source: checked on
 * generated Dockerfile-like text (a seeded generator, so failures reproduce) and through all rules.
 */
import { describe, expect, it } from 'vitest';
import type { Span } from '../../src/core/types.js';
import { parseDockerfile } from '../../src/parse/dockerfile/parser.js';
import { lintText } from '../../src/index.js';

/** Deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'FROM', 'RUN', 'CMD', 'COPY', 'ADD', 'ENV', 'ARG', 'LABEL', 'ONBUILD', 'HEALTHCHECK', 'SHELL', 'USER', 'WORKDIR', 'EXPOSE',
  'alpine', 'AS', 'x', '--mount=type=cache,target=/x', '--from=', '--chown', '--', '--platform=$P', '<<EOF', '<<-"E"', 'EOF',
  '\\', '`', '\n', '\r\n', '\n', '\n', '\t', ' ', ' ', ' ', '#', '# escape=`', '# syntax=x', '[', ']', '"', "'", ',', '=', '$',
  '${', '}', '${A:-', '${A:+b}', '$A', 'A=1', '"a b"', '["a", "b"]', '[1]', '\uFEFF', 'é', '😀', '\u0000', '{{', 'NONE', 'CMD',
];

function generate(next: () => number): string {
  const length = Math.floor(next() * 60);
  let text = next() < 0.7 ? 'FROM a\n' : '';
  for (let i = 0; i < length; i++) text += PIECES[Math.floor(next() * PIECES.length)]! + (next() < 0.5 ? ' ' : '');
  return text;
}

function spansOf(value: unknown, found: Span[] = [], seen = new Set<unknown>()): Span[] {
  if (!value || typeof value !== 'object' || seen.has(value)) return found;
  seen.add(value);
  const v = value as Record<string, unknown>;
  if (typeof v.start === 'number' && typeof v.end === 'number' && Object.keys(v).length === 2) found.push(v as unknown as Span);
  for (const child of Object.values(v)) spansOf(child, found, seen);
  return found;
}

describe('parser robustness', () => {
  it('never throws and keeps every span inside the source, on 2,000 generated inputs', () => {
    const next = random(20240601);
    for (let n = 0; n < 2000; n++) {
      const source = generate(next);
      let df: ReturnType<typeof parseDockerfile>;
      try {
        df = parseDockerfile(source);
      } catch (error) {
        throw new Error(`parser threw on ${JSON.stringify(source)}: ${String(error)}`);
      }
      for (const span of spansOf(df)) {
        if (!(span.start >= 0 && span.start <= span.end && span.end <= source.length)) {
          throw new Error(`span ${JSON.stringify(span)} outside ${JSON.stringify(source)}`);
        }
      }
      for (const ins of df.instructions) {
        // A keyword may be split by a line continuation; its span then covers both pieces.
        const written = source.slice(ins.keywordSpan.start, ins.keywordSpan.end);
        expect([written[0], written.at(-1)]).toEqual([ins.keywordText[0], ins.keywordText.at(-1)]);
      }
    }
  });

  it('runs every rule on generated inputs without an internal error', () => {
    const next = random(7);
    for (let n = 0; n < 200; n++) {
      const source = generate(next);
      const findings = lintText(source, { filename: 'Dockerfile', config: { extends: 'plimsoll:all' } }).findings;
      const crashes = findings.filter((f) => f.ruleId === 'internal-error');
      expect(crashes, JSON.stringify(source)).toEqual([]);
      for (const f of findings) {
        expect(f.offsets.start, f.ruleId).toBeLessThanOrEqual(f.offsets.end);
        expect(f.offsets.end, f.ruleId).toBeLessThanOrEqual(source.replace(/^\uFEFF/, '').length);
      }
    }
  });

  it('parses a 10 MB Dockerfile in bounded time', () => {
    const block = 'RUN apt-get update && \\\n    apt-get install -y curl git \\\n    && rm -rf /var/lib/apt/lists/*\nENV A=1 B=$A\nCOPY --chown=app src/ /app/\n';
    const source = `FROM debian:12\n${block.repeat(Math.ceil(10_000_000 / block.length))}`;
    const started = performance.now();
    const df = parseDockerfile(source);
    const ms = performance.now() - started;
    expect(df.instructions.length).toBeGreaterThan(200_000);
    expect(df.errors).toEqual([]);
    // Generous bound: it takes about a second here; the point is "finishes", not a benchmark.
    expect(ms).toBeLessThan(30_000);
  });
});
