/**
 * Every Dockerfile of the real-world corpus (../shared/corpus/real, listed in INDEX.tsv) lints
 * with every rule on, without an exception or an internal-error finding. Skipped, with a
 * message, when the corpus is not beside the checkout.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveInlineConfig } from '../src/core/config.js';
import { lintFiles } from '../src/core/lint-files.js';

const CORPUS = resolve(import.meta.dirname, '../../shared/corpus/real');
const INDEX = join(CORPUS, 'INDEX.tsv');
const present = existsSync(INDEX);
if (!present) console.warn(`corpus.test.ts: skipped, no corpus at ${CORPUS}`);

function dockerfiles(): string[] {
  return readFileSync(INDEX, 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .filter((cols) => cols[1] === 'dockerfile')
    .map((cols) => cols[0]!);
}

describe.skipIf(!present)('real-world corpus', () => {
  it('lints every Dockerfile with every rule, without an internal error', async () => {
    const paths = dockerfiles();
    expect(paths.length).toBeGreaterThan(900);
    const files = paths.map((p) => ({ absolute: join(CORPUS, p), display: p, explicit: true }));
    const config = resolveInlineConfig({ extends: 'plimsoll:all' }, CORPUS);
    const result = await lintFiles([], { cwd: CORPUS, config, files });
    expect(result.files.length).toBe(paths.length);
    expect(result.files.filter((f) => f.format !== 'dockerfile').map((f) => f.path)).toEqual([]);
    const crashes = result.findings.filter((f) => f.ruleId === 'internal-error').map((f) => `${f.file}: ${f.message}`);
    expect(crashes).toEqual([]);
    expect(result.findings.length).toBeGreaterThan(0);
  }, 120_000);
});
