/**
 * Every rule over the Kubernetes files of the real-world corpus: no crash, no internal
 * error. A deterministic sixteenth of the files by default; PLIMSOLL_FULL_CORPUS=1 runs all.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/index.js';

const root = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', 'real');
const present = existsSync(join(root, 'INDEX.tsv'));

describe.skipIf(!present)('Kubernetes corpus', () => {
  it('lints every Kubernetes file without a crash or an internal error', () => {
    const rows = readFileSync(join(root, 'INDEX.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
    const all = rows.filter((r) => r[1] === 'k8s').map((r) => r[0]!);
    const files = process.env.PLIMSOLL_FULL_CORPUS ? all : all.filter((_, i) => i % 16 === 0);
    const problems: string[] = [];
    let linted = 0;
    for (const file of files) {
      let text: string;
      try {
        text = readFileSync(join(root, file), 'utf8');
      } catch {
        continue;
      }
      try {
        const { findings } = lintText(text, { filename: join(root, file), config: { extends: 'plimsoll:all' } });
        for (const f of findings) if (f.ruleId === 'internal-error') problems.push(`${file}: ${f.message}`);
        linted++;
      } catch (error) {
        problems.push(`${file}: threw ${(error as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
    expect(linted).toBeGreaterThan(files.length * 0.9);
  }, 120_000);
});

if (!present) console.warn(`Kubernetes corpus test skipped: ${root} is absent.`);
