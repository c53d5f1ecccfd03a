/**
 * The real-world corpus (../shared/corpus/real) through --fix-dry-run and the SARIF
 * formatter: fixes never break a file, converge (fixing the fixed text changes nothing) and
 * hide no finding they cannot fix, and the SARIF of thousands of real findings is valid.
 * Skips when the corpus is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv4Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { FixSession } from '../src/cli/fix-command.js';
import { defaultConfig, settingsForFile } from '../src/core/config.js';
import { fixSource } from '../src/core/fix.js';
import { discoverFiles } from '../src/core/discover.js';
import { lintFiles } from '../src/core/lint-files.js';
import { lintSource } from '../src/core/lint.js';
import { toSarif } from '../src/report/sarif.js';
import { hiddenByFixes } from './helpers/fix-property.js';

const CORPUS = resolve(import.meta.dirname, '..', '..', 'shared', 'corpus', 'real');
const present = existsSync(join(CORPUS, 'INDEX.tsv'));
if (!present) console.warn(`corpus-ci.test: ${CORPUS} is absent; the corpus checks are skipped.`);

describe.skipIf(!present)('the real-world corpus', () => {
  it('is fixed without breaking a file, converges, and gives valid SARIF', { timeout: 300_000 }, async () => {
    const session = new FixSession('dry-run', CORPUS);
    // Every file with PLIMSOLL_SLOW_TESTS=1; otherwise a fixed sample, to keep the suite short.
    const every = process.env.PLIMSOLL_SLOW_TESTS ? 1 : 3;
    const files = (await discoverFiles(['.'], CORPUS)).filter((_, i) => i % every === 0);
    const result = await lintFiles([], { cwd: CORPUS, noConfig: true, files, lintFile: session.lintFile });
    const report = await session.finish();
    expect(report.warnings).toEqual([]); // no pass was dropped for leaving a file unparseable
    expect(report.fixedFiles).toBeGreaterThan(100 / every);
    console.log(`corpus: ${result.files.length} files, ${report.fixedProblems} fixes in ${report.fixedFiles} files`);

    // Every changed file: fixing its fixed text again changes nothing…
    const config = defaultConfig(CORPUS);
    const changed = report.stdout.split(/^--- a\//m).slice(1).map((chunk) => chunk.slice(0, chunk.indexOf('\n')));
    expect(changed).toHaveLength(report.fixedFiles);
    for (const path of changed) {
      const file = result.files.find((f) => f.path === path)!;
      const { rules } = settingsForFile(config, join(CORPUS, path), new Map());
      const once = fixSource(lintSource, path, readFileSync(join(CORPUS, path), 'utf8'), file.format, rules);
      expect(once.output, path).not.toBe(once.original);
      expect(fixSource(lintSource, path, once.output, file.format, rules).output, path).toBe(once.output);
      // …and hides no finding of a rule that has no safe fix.
      const before = lintSource(path, once.original, file.format, rules);
      expect(hiddenByFixes(once.original, before.findings, once.output, once.result.findings), path).toEqual([]);
    }

    const ajv = new Ajv4Module.default({ allErrors: false, strict: false, unicodeRegExp: false });
    addFormatsModule.default(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(import.meta.dirname, 'assets', 'sarif-schema-2.1.0.json'), 'utf8')) as object);
    const sarif = toSarif(result, { color: false, cwd: CORPUS });
    expect(sarif.runs[0]!.results.length).toBeGreaterThan(1000 / every);
    expect(validate(JSON.parse(JSON.stringify(sarif))), JSON.stringify(validate.errors)).toBe(true);
  });
});
