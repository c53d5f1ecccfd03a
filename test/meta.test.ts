/** Every rule is registered, documented, covered by a fixture, and has valid metadata. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { allRuleGroups } from '../rules/index.js';
import { registeredRules } from '../src/core/registry.js';
import { listFixtures, parseFixture } from './helpers/fixtures.js';
import { docExamples } from './helpers/docs.js';

const root = join(import.meta.dirname, '..');
const TOOLS = ['hadolint', 'buildkit', 'kube-linter', 'kube-score', 'polaris', 'checkov', 'trivy', 'kubeconform', 'dclint', 'kics', 'compose'];
const fixtureText = listFixtures(join(root, 'fixtures')).map((p) => {
  const text = readFileSync(p, 'latin1');
  return { path: p, expected: new Set(parseFixture(text).expectations.map((e) => e.ruleId)) };
});

describe('rule registry', () => {
  it('registers every rule file of every folder, under an id equal to its file name', () => {
    for (const group of allRuleGroups) {
      const dir = join(root, 'rules', group.folder);
      const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => basename(f, '.ts')).sort();
      expect(group.rules.map((r) => r.id).sort(), `rules/${group.folder}/index.ts`).toEqual(files);
    }
  });

  it('has unique ids', () => {
    const ids = registeredRules().map((r) => r.rule.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('rule metadata', () => {
  const ajv = new Ajv2020({ strict: false });
  for (const { rule, docs } of registeredRules()) {
    it(rule.id, () => {
      const m = rule.meta;
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(m.description.length).toBeGreaterThan(10);
      expect(m.formats.length).toBeGreaterThan(0);
      for (const f of m.formats) expect(['dockerfile', 'compose', 'kubernetes']).toContain(f);
      expect(['error', 'warning', 'info']).toContain(m.severity);
      expect(['correctness', 'security', 'reliability', 'efficiency', 'style']).toContain(m.category);
      expect([false, 'safe', 'unsafe']).toContain(m.fixable);
      for (const s of m.sources) {
        expect(TOOLS, `${rule.id} source tool`).toContain(s.tool);
        expect(s.id.length).toBeGreaterThan(0);
      }
      expect(Object.keys(m.messages).length).toBeGreaterThan(0);
      if (m.options) {
        const validate = ajv.compile(m.options);
        expect(validate(m.defaults ?? {}), `${rule.id} defaults match its options schema`).toBe(true);
      }
      const doc = join(root, docs);
      expect(existsSync(doc), `${docs} exists`).toBe(true);
      const text = readFileSync(doc, 'utf8');
      expect(text.startsWith(`# ${rule.id}\n`), `${docs} starts with "# ${rule.id}"`).toBe(true);
      const examples = docExamples(text);
      expect(examples.some((e) => e.kind === 'failing'), `${docs} has a failing example`).toBe(true);
      expect(examples.some((e) => e.kind === 'passing'), `${docs} has a passing example`).toBe(true);
      expect(fixtureText.some((f) => f.expected.has(rule.id)), `a fixture expects ${rule.id}`).toBe(true);
    });
  }
});

describe('graph rule fixtures', () => {
  // Relationships are checked across files and folders: each graph rule's fixtures must show it.
  for (const group of allRuleGroups.filter((g) => g.folder === 'graph')) {
    for (const rule of group.rules) {
      it(rule.id, () => {
        const posix = (path: string) => path.split('\\').join('/');
        const mine = fixtureText.filter((f) => posix(f.path).includes(`/fixtures/graph/${rule.id}/`));
        const folders = new Set(mine.map((f) => posix(f.path).slice(0, posix(f.path).lastIndexOf('/'))));
        expect(mine.length, 'fixture files').toBeGreaterThanOrEqual(2);
        expect(folders.size, 'fixture folders').toBeGreaterThanOrEqual(2);
        expect(mine.some((f) => f.expected.has(rule.id)), 'a failing case').toBe(true);
        expect(mine.some((f) => !f.expected.has(rule.id)), 'a file with a passing case').toBe(true);
      });
    }
  }
});
