/**
 * Runs the whole engine over every fixture and demands an exact match of rule ids and lines.
 * The fixtures of one folder are linted together, as one run (compose override files, extends
 * and include files see each other); each fixture is checked against the findings in it.
 * Graph fixtures are projects: every case folder under fixtures/graph/<rule>/ is one run,
 * with files in sub-folders, so relationships across files and folders are what is tested.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveInlineConfig, settingsForFile } from '../src/core/config.js';
import { detectFormat } from '../src/core/detect.js';
import { createEnvironment } from '../src/core/environment.js';
import { lintProject, resolveImages, type ProjectInput } from '../src/core/lint-project.js';
import { prepareFormats } from '../src/core/lint.js';
import { decode } from '../src/core/load.js';
import { findRule } from '../src/core/registry.js';
import type { Finding } from '../src/core/types.js';
import { fixtureRuleCandidates, listFixtures, parseFixture, readFixture } from './helpers/fixtures.js';

const root = join(import.meta.dirname, '..', 'fixtures');
const ALWAYS = ['dockerfile-syntax', 'file-unreadable', 'yaml-syntax'];

const all = listFixtures(root);
/** A run per rule folder (`<format>/<rule>/`), or per case folder of a graph rule (`graph/<rule>/<case>/`), sub-folders included. */
const groupOf = (path: string): string => {
  const segments = path.slice(root.length + 1).split(/[\\/]/);
  return segments.slice(0, segments[0] === 'graph' ? Math.min(3, segments.length - 1) : 2).join('/');
};
const folders = new Map<string, string[]>();
for (const path of all) folders.set(groupOf(path), [...(folders.get(groupOf(path)) ?? []), path]);
const runs = new Map<string, Promise<Map<string, Finding[]>>>();

/** Lints every fixture of a group in one run; returns the findings by display path. */
function lintFolder(dir: string): Promise<Map<string, Finding[]>> {
  let run = runs.get(dir);
  if (!run) {
    run = (async () => {
      const inputs = folders.get(dir)!.map((path): ProjectInput => {
        const { text, problem } = decode(readFixture(path));
        const format = text === undefined ? 'unknown' : (detectFormat(path, text, true) ?? 'unknown');
        const spec = parseFixture(text ?? '');
        const named = fixtureRuleCandidates(root, path).filter((id) => findRule(id));
        const config =
          spec.config ??
          ({ extends: [], rules: Object.fromEntries([...ALWAYS, ...named].map((id) => [id, findRule(id)!.rule.meta.severity])) } as Record<string, unknown>);
        const loaded = resolveInlineConfig(config, root);
        const { rules, settings } = settingsForFile(loaded, path);
        const input: ProjectInput = { display: path.slice(root.length + 1).split('\\').join('/'), absolute: path, format, rules };
        if (text !== undefined) input.text = text;
        if (problem) input.problem = problem;
        const images = resolveImages(join(path, '..'), settings.images);
        if (images) input.images = images;
        return input;
      });
      await prepareFormats(new Set(inputs.map((i) => i.format)));
      const { results } = lintProject(inputs, createEnvironment());
      const byFile = new Map<string, Finding[]>();
      for (const finding of results.flatMap((r) => r.findings)) {
        const list = byFile.get(finding.file) ?? [];
        if (!list.some((x) => x.ruleId === finding.ruleId && x.span.start === finding.span.start && x.message === finding.message)) list.push(finding);
        byFile.set(finding.file, list);
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
