// Quoted scalars whose continuation lines are under-indented: read to their closing quote, as go-yaml does.
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/index.js';
import { deref, pairOf, type YNode } from '../../src/parse/yaml/nodes.js';
import { parseYaml } from '../../src/parse/yaml/parse.js';
import { QUOTED_CONTINUATION } from '../../src/parse/yaml/quoted-continuations.js';

const MANIFEST = [
  'apiVersion: v1', //
  'kind: Pod',
  'metadata: { name: influx }',
  'spec:',
  '  containers:',
  '    - name: app',
  '      image: alpine:3.20',
  '      args: ["',
  '        apk add curl &&',
  '        curl -s localhost',
  '      "]',
  "      workingDir: 'a",
  "      b'",
  '      env:',
  '        - { name: API_TOKEN, value: hunter2-literal }  # a comment',
  '',
].join('\n');

function at(node: YNode | null | undefined, ...path: (string | number)[]): YNode | undefined {
  let n = deref(node ?? undefined);
  for (const key of path) {
    if (!n) return undefined;
    n = deref(typeof key === 'number' ? (n.kind === 'seq' ? n.items[key] : undefined) : n.kind === 'map' ? pairOf(n, key)?.value : undefined);
  }
  return n;
}

describe('quoted scalars with under-indented continuation lines', () => {
  it('are read to their closing quote, with the values go-yaml gives', () => {
    const [doc] = parseYaml(MANIFEST, { version: '1.1' }).documents;
    expect(doc!.errors).toEqual([]);
    const container = (doc!.value as { spec: { containers: Record<string, unknown>[] } }).spec.containers[0]!;
    expect(container.args).toEqual([' apk add curl && curl -s localhost ']);
    expect(container.workingDir).toBe('a b');
    expect(container.env).toEqual([{ name: 'API_TOKEN', value: 'hunter2-literal' }]);
  });

  it('keep the spans and comments of the original text', () => {
    const file = parseYaml(MANIFEST, { version: '1.1' });
    const root = file.documents[0]!.root;
    for (const path of [['spec', 'containers', 0, 'image'], ['spec', 'containers', 0, 'env', 0, 'value'], ['spec', 'containers', 0, 'workingDir']] as const) {
      const node = at(root, ...path)!;
      const written = MANIFEST.slice(node.span.start, node.span.end);
      expect(written.replace(/\s+/g, ' ').replace(/^'|'$/g, '')).toBe(String((node as { value: unknown }).value));
    }
    const comment = file.comments.find((c) => c.text === 'a comment')!;
    expect(MANIFEST.slice(comment.span.start, comment.span.end)).toBe('# a comment');
  });

  it('give one warning per string, on its first under-indented line', () => {
    const [doc] = parseYaml(MANIFEST, { version: '1.1' }).documents;
    const lines = doc!.warnings.filter((w) => w.code === QUOTED_CONTINUATION).map((w) => MANIFEST.slice(w.span.start, w.span.end));
    expect(lines).toEqual(['      "]', "      b'"]);
  });

  it('let the rules see the rest of the document', () => {
    const ids = lintText(MANIFEST, { filename: 'pod.yaml' }).findings.map((f) => `${f.range.start.line}:${f.ruleId}`);
    expect(ids).toContain('11:yaml-quoted-indentation');
    expect(ids).toContain('13:yaml-quoted-indentation');
    expect(ids).toContain('15:secret-in-env');
    expect(ids.filter((id) => id.endsWith('yaml-syntax'))).toEqual([]);
  });

  it('leave a quote that is never closed a syntax error', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\ndata:\n  a: "open\n  b: c\n';
    const [doc] = parseYaml(text, { version: '1.1' }).documents;
    expect(doc!.errors.map((e) => e.code)).toContain('MISSING_CHAR');
    expect(lintText(text, { filename: 'cm.yaml' }).findings.map((f) => f.ruleId)).toContain('yaml-syntax');
  });

  it('stop at a document marker, which ends a string for every reader', () => {
    const text = 'a: "one\n---\nb: two"\n';
    const file = parseYaml(text, { version: '1.1' });
    expect(file.documents.flatMap((d) => d.errors.map((e) => e.code))).toContain('MISSING_CHAR');
    expect(file.documents.flatMap((d) => d.warnings.map((w) => w.code))).not.toContain(QUOTED_CONTINUATION);
  });
});
