/** Large multi-document files the fast reader cannot take whole are read a slice of documents at a time. */
import { describe, expect, it } from 'vitest';
import { SLICED_ABOVE, sliceStarts } from '../../src/parse/yaml/chunks.js';
import { parseYaml } from '../../src/parse/yaml/parse.js';
import { readWithYamlLibrary } from '../../src/parse/yaml/read-with-library.js';
import type { YNode } from '../../src/parse/yaml/nodes.js';

const doc = (i: number) =>
  `# object ${i}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n  labels: &l${i} { app: a${i} }\ndata:\n  key: "value ${i}"\n  copy: *l${i}\n`;

function spans(node: YNode | null, out: string[] = []): string[] {
  if (!node) return out;
  out.push(`${node.kind}@${node.span.start}-${node.span.end}`);
  if (node.kind === 'map') for (const p of node.pairs) (spans(p.key, out), spans(p.value, out));
  else if (node.kind === 'seq') for (const item of node.items) spans(item, out);
  return out;
}

describe('reading in slices', () => {
  const count = Math.ceil((SLICED_ABOVE * 1.5) / doc(0).length);
  const docs = Array.from({ length: count }, (_, i) => doc(i));
  const broken = Math.floor(count / 2);
  // A tag sends that document to the `yaml` package; an unclosed flow map is a syntax error.
  docs[broken] = `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: broken\ndata: !!map {}\n`;
  docs[3] = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: !!str tagged\n`;
  const text = docs.join('---\n');

  it('slices only large files, at document markers', () => {
    expect(text.length).toBeGreaterThan(SLICED_ABOVE);
    const starts = sliceStarts(text)!;
    expect(starts.length).toBeGreaterThan(1);
    for (const s of starts.slice(1)) expect(text.slice(s, s + 4)).toBe('---\n');
    expect(sliceStarts('%YAML 1.2\n---\na: 1\n')).toBeUndefined();
  });

  it('gives what reading the whole file gives: documents, values, spans, comments and the error', () => {
    const sliced = parseYaml(text, { version: '1.1' });
    const whole = readWithYamlLibrary(text, { version: '1.1' });
    expect(sliced.documents).toHaveLength(whole.documents.length);
    sliced.documents.forEach((d, i) => {
      const w = whole.documents[i]!;
      expect(d.index).toBe(i);
      if (i === broken) return;
      expect(d.value, `document ${i}`).toEqual(w.value);
      expect(d.span, `document ${i}`).toEqual(w.span);
      expect(spans(d.root), `document ${i}`).toEqual(spans(w.root));
    });
    expect(sliced.comments.map((c) => c.span)).toEqual(whole.comments.map((c) => c.span));
    const errorsOf = (f: typeof whole) => f.documents.flatMap((d) => d.errors.map((e) => `${d.index}:${e.code}@${e.span.start}`));
    expect(errorsOf(sliced)).toEqual(errorsOf(whole));
    expect(errorsOf(sliced).length).toBeGreaterThan(0);
  });
});
