/**
 * The fast YAML reader (scan.ts) must give exactly what the `yaml`-package reader gives —
 * nodes, spans, values, comments — or give up. Checked on hand-written edge cases, on
 * every YAML fixture, on mutated corpus files, and on the corpus itself (a deterministic
 * eighth by default; PLIMSOLL_FULL_CORPUS=1 reads every file).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { YamlFile } from '../../src/parse/yaml/parse.js';
import { readWithYamlLibrary } from '../../src/parse/yaml/read-with-library.js';
import { scanYaml } from '../../src/parse/yaml/scan.js';

const corpus = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', 'real');
const haveCorpus = existsSync(join(corpus, 'INDEX.tsv'));

/** The first difference between two values (order-insensitive for node fields, ordered inside `value`), or undefined. */
function difference(a: unknown, b: unknown, path = '', ordered = false): string | undefined {
  if (typeof a === 'symbol' && typeof b === 'symbol') return a.description === b.description ? undefined : path;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime() ? undefined : path;
  if (typeof a !== typeof b) return `${path}: ${typeof a} vs ${typeof b}`;
  if (a === null || b === null || typeof a !== 'object') return Object.is(a, b) ? undefined : `${path}: ${String(a)} vs ${String(b)}`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: list vs not`;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  let ka = Object.keys(ra);
  let kb = Object.keys(rb);
  if (!ordered) {
    ka = ka.sort();
    kb = kb.sort();
  }
  if (ka.join('\0') !== kb.join('\0')) return `${path}: keys ${ka.join(',')} vs ${kb.join(',')}`;
  for (const k of ka) {
    // An alias's target is the anchored node: the same node when both spans agree.
    const d = k === 'target' ? difference((ra[k] as { span?: unknown })?.span, (rb[k] as { span?: unknown })?.span, `${path}.target`) : difference(ra[k], rb[k], `${path}.${k}`, ordered || k === 'value');
    if (d) return d;
  }
  return undefined;
}

function fastAsFile(text: string, version: '1.1' | '1.2'): YamlFile | undefined {
  const fast = scanYaml(text, version);
  if (!fast) return undefined;
  return { comments: fast.comments, documents: fast.documents.map((d, index) => ({ index, span: d.span, root: d.root, value: d.value, errors: [], warnings: [] })) };
}

/** undefined when the readers agree (or the fast one gave up); otherwise the difference. */
function disagreement(text: string, version: '1.1' | '1.2'): string | undefined {
  const fast = fastAsFile(text, version);
  if (!fast) return undefined;
  return difference(fast, readWithYamlLibrary(text, { version }));
}

const cases: Record<string, string> = {
  'nested maps and sequences': 'a:\n  b: 1\n  c:\n  - x\n  - y: 2\n    z: [1, {q: r}]\nd: e\n',
  'trailing comments at every depth': 'a:\n  b:\n    c: 1\n      # deeper\n    # at c\n  # at b\n# top\nd: 2\n  # after d\n',
  'comments ending a nested collection before a dedent': 'spec:\n  containers:\n  - name: x\n    image: y\n    # resources:\n    #   cpu: 1\n  volumes: []\n',
  'empty values, with and without comments': 'a:\nb: # why\nc:\n  # later\nd:\n',
  'empty sequence items': '- \n-\n- # c\n  # more\n- x\n',
  'plain scalars over several lines': 'a: one\n  two\n\n  three\nb: - not a list\n  # c\n',
  'quoted scalars, escapes and folding': 'a: "x\\ty \\u00e9 \\\n   z"\nb: \'it\'\'s\n\n  here\'\nc: "  spaced  "\n',
  'block scalars with chomping and indentation indicators': 'a: |\n  x\n\n  y\n\nb: >-\n  f\n   more\n  g\nc: |+\n  k\n\n\nd: |2\n    two\n   one\ne: >1-\n  z\n',
  'anchors, aliases and merge keys': 'base: &b {x: 1, y: 2}\nlist: &l [1, 2]\nm:\n  <<: *b\n  y: 3\nn:\n  <<: [*b, {z: 4}]\no: *l\np: &s scalar\nq: *s\n',
  'YAML 1.1 and 1.2 scalars': 'a: yes\nb: 010\nc: 0x1F\nd: 1_000\ne: 12:30\nf: .inf\ng: ~\nh: 2001-12-14\ni: 1e3\nj: on\nk: y\n',
  'several documents': '# lead\n---\na: 1\n...\n# between\n---\n---\n# only a comment\n---\nb: [1,\n  2]\n',
  'JSON': '{\n  "apiVersion": "v1",\n  "kind": "List",\n  "items": [\n    {"a": 1, "b": null, "c": [true, false]}\n  ]\n}\n',
  'an indented root': '  a: 1\n  b:\n    - c\n    # tail\n',
  'special keys': '"quoted key": 1\n\'single\': 2\n? explicit\n: v\n',
  'duplicate keys': 'a: 1\na: 2\n',
  'tabs and tags': 'a:\t1\nb: !!str 2\n',
};

describe('the fast YAML reader', () => {
  it('agrees with the yaml-package reader on edge cases (or leaves them to it)', () => {
    const answered: string[] = [];
    for (const [name, text] of Object.entries(cases)) {
      for (const version of ['1.1', '1.2'] as const) {
        expect(disagreement(text, version), `${name} (${version})`).toBeUndefined();
        if (scanYaml(text, version)) answered.push(name);
      }
    }
    // It must actually read the plain subset, not give up on everything.
    for (const name of ['nested maps and sequences', 'trailing comments at every depth', 'block scalars with chomping and indentation indicators', 'anchors, aliases and merge keys', 'several documents', 'JSON']) {
      expect(answered, name).toContain(name);
    }
    for (const name of ['duplicate keys', 'tabs and tags', 'special keys']) expect(answered, name).not.toContain(name);
  });

  it('agrees on every YAML fixture and rule example', () => {
    const root = join(import.meta.dirname, '..', '..');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const path = join(dir, entry);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ya?ml|json)$/.test(entry)) files.push(path);
      }
    };
    walk(join(root, 'fixtures'));
    expect(files.length).toBeGreaterThan(50);
    const problems = files.flatMap((f) => (['1.1', '1.2'] as const).map((v) => disagreement(readFileSync(f, 'utf8'), v)).filter(Boolean).map((d) => `${f}: ${d}`));
    expect(problems).toEqual([]);
  });

  it.skipIf(!haveCorpus)('agrees on mutated corpus files', () => {
    const rows = readFileSync(join(corpus, 'INDEX.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
    const small = rows.filter((r) => (r[1] === 'k8s' || r[1] === 'compose') && Number(r[3]) < 4000).map((r) => r[0]!);
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const inserts = ['# c', '  # deep', '', '---', '- x', 'k: v', '  - y', '<<: *a', "'s'", '|', '[a, b]', 'key:', 'a: &a {x: 1}', 'b: *a', '|2-'];
    const problems: string[] = [];
    let answered = 0;
    for (let i = 0; i < 600; i++) {
      const lines = readFileSync(join(corpus, pick(small)), 'utf8').split('\n');
      for (let m = 0; m < 2; m++) {
        const at = Math.floor(random() * (lines.length + 1));
        const r = random();
        if (r < 0.3) lines.splice(at, 1);
        else if (r < 0.7) lines.splice(at, 0, ' '.repeat(Math.floor(random() * 6)) + pick(inserts));
        else if (lines[at] !== undefined) lines[at] = r < 0.85 ? ` ${lines[at]}` : lines[at]!.replace(/^ {1,2}/, '');
      }
      const text = lines.join('\n');
      const version = random() < 0.5 ? '1.1' : '1.2';
      if (scanYaml(text, version)) answered++;
      const d = disagreement(text, version);
      if (d) problems.push(`${i}: ${d}\n${text}`);
    }
    expect(problems.slice(0, 3)).toEqual([]);
    expect(answered).toBeGreaterThan(150);
  }, 60_000);

  it.skipIf(!haveCorpus)('agrees on the corpus, and reads nearly all of it', () => {
    const rows = readFileSync(join(corpus, 'INDEX.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
    const all = rows.filter((r) => r[1] === 'k8s' || r[1] === 'compose');
    const files = process.env.PLIMSOLL_FULL_CORPUS ? all : all.filter((_, i) => i % 8 === 0);
    const problems: string[] = [];
    let answered = 0;
    for (const [path, format] of files) {
      const text = readFileSync(join(corpus, path!), 'utf8');
      const version = format === 'compose' ? '1.2' : '1.1';
      if (scanYaml(text, version)) answered++;
      const d = disagreement(text, version);
      if (d) problems.push(`${path}: ${d}`);
    }
    expect(problems).toEqual([]);
    expect(answered / files.length).toBeGreaterThan(0.95);
  }, 120_000);
});

if (!haveCorpus) console.warn(`YAML reader corpus checks skipped: ${corpus} is absent.`);
