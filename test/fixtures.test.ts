/** Runs the whole engine over every fixture and demands an exact match of rule ids and lines. */
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveInlineConfig, settingsForFile } from '../src/core/config.js';
import { detectFormat } from '../src/core/detect.js';
import { collectProjectFacts, createEnvironment, type ProjectFile } from '../src/core/environment.js';
import { lintSource, prepareFormats } from '../src/core/lint.js';
import { decode } from '../src/core/load.js';
import { findRule } from '../src/core/registry.js';
import { fixtureRuleCandidates, listFixtures, parseFixture, readFixture } from './helpers/fixtures.js';

const root = join(import.meta.dirname, '..', 'fixtures');
const ALWAYS = ['dockerfile-syntax', 'file-unreadable', 'yaml-syntax'];

describe('fixtures', () => {
  for (const path of listFixtures(root)) {
    const name = path.slice(root.length + 1);
    it(name, async () => {
      const { text, problem } = decode(readFixture(path));
      const spec = parseFixture(text ?? '');
      expect(spec.problems, 'fixture markers').toEqual([]);
      const named = fixtureRuleCandidates(root, path).filter((id) => findRule(id));
      const config =
        spec.config ??
        ({
          extends: [],
          rules: Object.fromEntries([...ALWAYS, ...named].map((id) => [id, findRule(id)!.rule.meta.severity])),
        } as Record<string, unknown>);
      const format = text === undefined ? 'unknown' : (detectFormat(path, text, true) ?? 'unknown');
      await prepareFormats([format]);
      const { rules } = settingsForFile(resolveInlineConfig(config, root), path);
      // The files of a fixture's folder are one project (a CRD beside its custom resources).
      const env = createEnvironment();
      collectProjectFacts(folderFiles(dirname(path)), env);
      const result = lintSource(name, text, format, rules, problem, { absolutePath: path, env });
      const actual = result.findings.map((f) => `${f.range.start.line + 1}: ${f.ruleId}`).sort();
      const expected = spec.expectations.map((e) => `${e.line}: ${e.ruleId}`).sort();
      expect(actual, result.findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId} ${f.message}`).join('\n')).toEqual(expected);
    });
  }
});

function folderFiles(dir: string): ProjectFile[] {
  return listFixtures(dir)
    .filter((p) => dirname(p) === dir)
    .flatMap((p) => {
      const { text } = decode(readFixture(p));
      const format = text === undefined ? undefined : detectFormat(p, text, true);
      return text === undefined || !format ? [] : [{ absolute: p, display: p, format, text }];
    });
}
