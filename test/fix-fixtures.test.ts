/**
 * A property of `--fix` over every fixture it changes, with every rule on: fixing twice
 * equals fixing once, the fixed text still parses, and no finding of a rule that has no safe
 * fix disappears: a fix repairs what it is for, and never hides a problem it cannot fix.
 * (A fixable rule's unfixed instance may go with the others: sorting a package list puts the
 * duplicates side by side, where the duplicate fix removes them.)
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveInlineConfig, settingsForFile } from '../src/core/config.js';
import { detectFormat } from '../src/core/detect.js';
import { createEnvironment } from '../src/core/environment.js';
import { fixSource, PARSE_ERROR_RULES } from '../src/core/fix.js';
import { lintSource, prepareFormats } from '../src/core/lint.js';
import { decode } from '../src/core/load.js';
import { registeredRules } from '../src/core/registry.js';
import { hiddenByFixes } from './helpers/fix-property.js';
import { listFixtures, readFixture } from './helpers/fixtures.js';

const root = join(import.meta.dirname, '..', 'fixtures');
const config = resolveInlineConfig({ extends: 'plimsoll:all' }, root);

describe('--fix over every fixture it changes', async () => {
  const cases = listFixtures(root).flatMap((path) => {
    const { text, problem } = decode(readFixture(path));
    if (text === undefined || problem) return [];
    const format = detectFormat(path, text, true);
    if (format !== 'dockerfile' && format !== 'compose' && format !== 'kubernetes') return [];
    return [{ path, name: path.slice(root.length + 1), text, format }];
  });
  await prepareFormats(new Set(cases.map((c) => c.format)));
  const exercised = new Set<string>();

  for (const { path, name, text, format } of cases) {
    const { rules } = settingsForFile(config, path);
    const fix = (source: string) => fixSource(lintSource, name, source, format, rules, undefined, { env: createEnvironment(), absolutePath: path });
    const once = fix(text);
    if (once.output === once.original) continue;
    const before = lintSource(name, text, format, rules, undefined, { env: createEnvironment(), absolutePath: path });
    for (const f of before.findings) if (f.fix?.safe) exercised.add(f.ruleId);

    it(name, () => {
      expect(once.problem, 'a pass was dropped because its result did not parse').toBeUndefined();
      const after = lintSource(name, once.output, format, rules, undefined, { env: createEnvironment(), absolutePath: path });
      expect(after.findings.filter((f) => PARSE_ERROR_RULES.includes(f.ruleId)).map((f) => f.message)).toEqual([]);

      const twice = fix(once.output);
      expect(twice.fixed).toBe(0);
      expect(twice.output).toBe(once.output);

      expect(hiddenByFixes(once.original, before.findings, once.output, after.findings)).toEqual([]);
    });
  }

  it('exercises every rule that has a safe fix', () => {
    const safe = registeredRules().filter((r) => r.rule.meta.fixable === 'safe').map((r) => r.rule.id);
    expect(safe.filter((id) => !exercised.has(id))).toEqual([]);
  });
});
