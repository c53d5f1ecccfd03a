/**
 * Runs the whole engine over every fixture and demands an exact match of rule ids and lines.
 * The fixtures of one folder are linted together, as one run (compose override files, extends
 * and include files see each other); each fixture is checked against the findings in it.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveInlineConfig, settingsForFile } from '../src/core/config.js';
import { detectFormat } from '../src/core/detect.js';
import { collectProjectFacts, createEnvironment } from '../src/core/environment.js';
import { lintSource, prepareFormats } from '../src/core/lint.js';
import { decode } from '../src/core/load.js';
import { findRule } from '../src/core/registry.js';
import type { Finding } from '../src/core/types.js';
import { fixtureRuleCandidates, listFixtures, parseFixture, readFixture } from './helpers/fixtures.js';

const root = join(import.meta.dirname, '..', 'fixtures');
const ALWAYS = ['dockerfile-syntax', 'file-unreadable', 'yaml-syntax'];

const all = listFixtures(root);
/** A run per rule folder (`<format>/<rule>/`, sub-folders included). */
const groupOf = (path: string): string => path.slice(root.length + 1).split(/[\\/]/).slice(0, 2).join('/');
const folders = new Map<string, string[]>();
for (const path of all) folders.set(groupOf(path), [...(folders.get(groupOf(path)) ?? []), path]);
const runs = new Map<string, Promise<Map<string, Finding[]>>>();

/** Lints every fixture of a group in one run; returns the findings by display path. */
function lintFolder(dir: string): Promise<Map<string, Finding[]>> {
  let run = runs.get(dir);
  if (!run) {
    run = (async () => {
      const env = createEnvironment();
      const files = folders.get(dir)!.map((path) => {
        const { text, problem } = decode(readFixture(path));
        const format = text === undefined ? 'unknown' : (detectFormat(path, text, true) ?? 'unknown');
        return { path, name: path.slice(root.length + 1), text, problem, format };
      });
      collectProjectFacts(files.filter((f) => f.text !== undefined).map((f) => ({ absolute: f.path, display: f.name, format: f.format, text: f.text! })), env);
      const byFile = new Map<string, Finding[]>();
      for (const f of files) {
        const spec = parseFixture(f.text ?? '');
        const named = fixtureRuleCandidates(root, f.path).filter((id) => findRule(id));
        const config =
          spec.config ??
          ({ extends: [], rules: Object.fromEntries([...ALWAYS, ...named].map((id) => [id, findRule(id)!.rule.meta.severity])) } as Record<string, unknown>);
        await prepareFormats([f.format]);
        const { rules } = settingsForFile(resolveInlineConfig(config, root), f.path);
        const result = lintSource(f.name, f.text, f.format, rules, f.problem, { absolutePath: f.path, env });
        for (const finding of result.findings) {
          const list = byFile.get(finding.file) ?? [];
          if (!list.some((x) => x.ruleId === finding.ruleId && x.span.start === finding.span.start && x.message === finding.message)) list.push(finding);
          byFile.set(finding.file, list);
        }
      }
      return byFile;
    })();
    runs.set(dir, run);
  }
  return run;
}

describe('fixtures', () => {
  for (const path of all) {
    const name = path.slice(root.length + 1);
    it(name, async () => {
      const { text } = decode(readFixture(path));
      const spec = parseFixture(text ?? '');
      expect(spec.problems, 'fixture markers').toEqual([]);
      const findings = (await lintFolder(groupOf(path))).get(name.split('\\').join('/')) ?? [];
      const actual = findings.map((f) => `${f.range.start.line + 1}: ${f.ruleId}`).sort();
      const expected = spec.expectations.map((e) => `${e.line}: ${e.ruleId}`).sort();
      expect(actual, findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId} ${f.message}`).join('\n')).toEqual(expected);
    });
  }
});
