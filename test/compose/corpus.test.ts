/** Every compose file of the real-world corpus lints without a crash or an internal error. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../src/core/lint-files.js';
import { resolveInlineConfig } from '../../src/core/config.js';

const corpus = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', 'real');
const index = join(corpus, 'INDEX.tsv');

describe.skipIf(!existsSync(index))('compose corpus', () => {
  it('lints every compose file without an internal error', async () => {
    const paths = readFileSync(index, 'utf8')
      .split('\n')
      .map((line) => line.split('\t'))
      .filter((cols) => cols[1] === 'compose')
      .map((cols) => join(corpus, cols[0]!));
    expect(paths.length).toBeGreaterThan(100);
    const config = resolveInlineConfig({ extends: 'plimsoll:all' }, corpus);
    const result = await lintFiles(paths, { cwd: corpus, config });
    expect(result.files.filter((f) => f.format === 'compose').length).toBe(paths.length);
    expect(result.findings.filter((f) => f.ruleId === 'internal-error').map((f) => `${f.file}: ${f.message}`)).toEqual([]);
  }, 120_000);
});
if (!existsSync(index)) console.log(`compose corpus test skipped: ${corpus} is absent`);
