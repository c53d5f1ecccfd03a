/**
 * Fixture expectations live in the fixture itself:
 *   # expect-next-line: rule-a, rule-b     findings on the next line that is not an expectation
 *   key: value  # expect: rule-a            findings on this line (YAML)
 *   # expect: none                          no findings at all
 *   # fixture-config: {"rules": {…}}        the configuration to lint with
 * A fixture under fixtures/<folder>/<rule-id>/ (or named <rule-id>.<ext>) runs with that
 * rule enabled plus the parse-error rules; `# fixture-config` replaces that choice.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';

export interface Expectation {
  line: number; // 1-based
  ruleId: string;
}

export interface FixtureSpec {
  expectations: Expectation[];
  expectNone: boolean;
  config?: Record<string, unknown>;
  problems: string[];
}

const NEXT_LINE = /#\s*expect-next-line:\s*(.+?)\s*$/;
const SAME_LINE = /\S.*#\s*expect:\s*(.+?)\s*$/;
const OWN_LINE = /^\s*#\s*expect:\s*(.+?)\s*$/;
const CONFIG = /^\s*#\s*fixture-config:\s*(\{.*\})\s*$/;

const ids = (list: string): string[] => list.split(/[\s,]+/).filter(Boolean);

export function parseFixture(text: string): FixtureSpec {
  const lines = text.split(/\r?\n/);
  const spec: FixtureSpec = { expectations: [], expectNone: false, problems: [] };
  const isDirective = (l: string) => NEXT_LINE.test(l) || OWN_LINE.test(l) || CONFIG.test(l);
  lines.forEach((line, i) => {
    const config = CONFIG.exec(line);
    if (config) {
      try {
        spec.config = JSON.parse(config[1]!) as Record<string, unknown>;
      } catch {
        spec.problems.push(`line ${i + 1}: fixture-config is not valid JSON`);
      }
      return;
    }
    const next = NEXT_LINE.exec(line);
    if (next) {
      let target = i + 1;
      while (target < lines.length && isDirective(lines[target]!)) target++;
      if (target >= lines.length) spec.problems.push(`line ${i + 1}: expect-next-line has no next line`);
      for (const ruleId of ids(next[1]!)) spec.expectations.push({ line: target + 1, ruleId });
      return;
    }
    const own = OWN_LINE.exec(line);
    if (own) {
      if (own[1] === 'none') spec.expectNone = true;
      else spec.problems.push(`line ${i + 1}: "# expect:" on its own line must be "none"; use expect-next-line`);
      return;
    }
    const same = SAME_LINE.exec(line);
    if (same) for (const ruleId of ids(same[1]!)) spec.expectations.push({ line: i + 1, ruleId });
  });
  if (!spec.expectNone && spec.expectations.length === 0 && spec.problems.length === 0) {
    spec.problems.push('the fixture has no expectation; add "# expect: none" if it should be clean');
  }
  if (spec.expectNone && spec.expectations.length > 0) spec.problems.push('"# expect: none" together with other expectations');
  return spec;
}

export function listFixtures(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!name.endsWith('.md')) out.push(path);
    }
  };
  walk(root);
  return out;
}

/** The rule a fixture is about: its folder name or its file name before the first dot. */
export function fixtureRuleCandidates(root: string, path: string): string[] {
  const rel = relative(root, path).split(/[\\/]/);
  const fileStem = basename(path).split('.')[0]!;
  return [...rel.slice(0, -1), fileStem, basename(dirname(path))];
}

export function readFixture(path: string): Buffer {
  return readFileSync(path);
}
