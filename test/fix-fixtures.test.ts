/**
 * A property of `--fix` over every fixture it changes, with every rule on: fixing twice
 * equals fixing once, the fixed text still parses, and no finding of a rule that has no safe
 * fix disappears: a fix repairs what it is for, and never hides a problem it cannot fix.
 * (A fixable rule's unfixed instance may go with the others: sorting a package list puts the
 * duplicates side by side, where the duplicate fix removes them.)
 */
import { join } from 'node:path';
import { diffLines } from 'diff';
import { describe, expect, it } from 'vitest';
import { resolveInlineConfig, settingsForFile } from '../src/core/config.js';
import { detectFormat } from '../src/core/detect.js';
import { createEnvironment } from '../src/core/environment.js';
import { fixSource, PARSE_ERROR_RULES } from '../src/core/fix.js';
import { lintSource, prepareFormats } from '../src/core/lint.js';
import { decode } from '../src/core/load.js';
import { findRule } from '../src/core/registry.js';
import { listFixtures, readFixture } from './helpers/fixtures.js';

const root = join(import.meta.dirname, '..', 'fixtures');
const config = resolveInlineConfig({ extends: 'plimsoll:all' }, root);

/**
 * Where each line of `before` is in `after` (0-based): unchanged lines move with the edits
 * above them; a line a fix rewrote maps to its replacement, a removed one to what follows.
 */
function lineMap(before: string, after: string): number[] {
  const map: number[] = [];
  let newLine = 0;
  const parts = diffLines(before, after);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const count = part.count ?? 0;
    if (part.added) {
      newLine += count;
    } else if (part.removed) {
      const replacement = parts[i + 1]?.added ? (parts[i + 1]!.count ?? 0) : 0;
      for (let j = 0; j < count; j++) map.push(newLine + Math.min(j, Math.max(replacement - 1, 0)));
    } else {
      for (let j = 0; j < count; j++) map.push(newLine + j);
      newLine += count;
    }
  }
  return map;
}

describe('--fix over every fixture it changes', async () => {
  const cases = listFixtures(root).flatMap((path) => {
    const { text, problem } = decode(readFixture(path));
    if (text === undefined || problem) return [];
    const format = detectFormat(path, text, true);
    if (format !== 'dockerfile' && format !== 'compose' && format !== 'kubernetes') return [];
    return [{ path, name: path.slice(root.length + 1), text, format }];
  });
  await prepareFormats(new Set(cases.map((c) => c.format)));
  let changed = 0;

  for (const { path, name, text, format } of cases) {
    const { rules } = settingsForFile(config, path);
    const fix = (source: string) => fixSource(lintSource, name, source, format, rules, undefined, { env: createEnvironment(), absolutePath: path });
    const once = fix(text);
    if (once.output === once.original) continue;
    changed++;

    it(name, () => {
      expect(once.problem, 'a pass was dropped because its result did not parse').toBeUndefined();
      const after = lintSource(name, once.output, format, rules, undefined, { env: createEnvironment(), absolutePath: path });
      expect(after.findings.filter((f) => PARSE_ERROR_RULES.includes(f.ruleId)).map((f) => f.message)).toEqual([]);

      const twice = fix(once.output);
      expect(twice.fixed).toBe(0);
      expect(twice.output).toBe(once.output);

      const before = lintSource(name, text, format, rules, undefined, { env: createEnvironment(), absolutePath: path });
      // A finding stays when its rule still says the same, or still reports on its line wherever
      // that line moved (the message may change with the text: a package list a fix shortened).
      const moved = lineMap(once.original, once.output);
      const left = new Set([...after.findings.map((f) => `${f.ruleId}: ${f.message}`), ...after.findings.map((f) => `${f.ruleId}@${f.range.start.line}`)]);
      const stays = (f: (typeof before.findings)[number]) => left.has(`${f.ruleId}: ${f.message}`) || left.has(`${f.ruleId}@${moved[f.range.start.line] ?? -1}`);
      const lost = before.findings.filter((f) => findRule(f.ruleId)?.rule.meta.fixable !== 'safe' && !stays(f));
      expect(lost.map((f) => `${f.range.start.line + 1}: ${f.ruleId}: ${f.message}`)).toEqual([]);
    });
  }

  it('covers the fixtures of every rule with a safe fix', () => {
    expect(changed).toBeGreaterThan(20);
  });
});
