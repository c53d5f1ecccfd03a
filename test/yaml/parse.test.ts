import { describe, expect, it } from 'vitest';
import { spanAt } from '../../src/parse/yaml/nodes.js';
import { parseYaml } from '../../src/parse/yaml/parse.js';

describe('parseYaml', () => {
  it('finds every comment, with its span and whether code precedes it', () => {
    const text = [
      '# a',
      'k: v # b',
      'm:',
      '  # c',
      '  - x # d',
      '  - {a: 1, # e',
      '     b: 2}',
      's: |  # f',
      '  # not a comment: block scalar content',
      'q: "x" # g',
      '--- # h',
      'z: 1',
      '# i',
      '',
    ].join('\n');
    const { comments, documents } = parseYaml(text, { version: '1.2' });
    expect(documents.every((d) => d.errors.length === 0)).toBe(true);
    expect(comments.map((c) => `${c.text}${c.trailing ? '*' : ''}`)).toEqual(['a', 'b*', 'c', 'd*', 'e*', 'f*', 'g*', 'h*', 'i']);
    for (const c of comments) expect(text.slice(c.span.start, c.span.end)).toBe(`# ${c.text}`);
  });

  it('reads scalars as YAML 1.1 for Kubernetes and 1.2 for Compose', () => {
    const text = 'a: yes\nb: 010\nc: on\n';
    expect(parseYaml(text, { version: '1.1' }).documents[0]!.value).toEqual({ a: true, b: 8, c: true });
    expect(parseYaml(text, { version: '1.2' }).documents[0]!.value).toEqual({ a: 'yes', b: 10, c: 'on' });
  });

  it('reports each document on its own', () => {
    const { documents } = parseYaml('a: 1\n---\nb: [\n---\nc: 3\n', { version: '1.2' });
    expect(documents.map((d) => d.errors.length > 0)).toEqual([false, true, false]);
    expect(documents[2]!.value).toEqual({ c: 3 });
  });

  it('reports a duplicate key on the whole key, in a nested mapping too', () => {
    const text = 'a: 1\nspec:\n  - name: x\n    image: y\n    image: z\n';
    const [doc] = parseYaml(text, { version: '1.1' }).documents;
    const dup = doc!.errors.find((e) => e.code === 'DUPLICATE_KEY')!;
    expect(text.slice(dup.span.start, dup.span.end)).toBe('image');
    expect(dup.span.start).toBe(text.lastIndexOf('image'));
  });

  it('anchors an error found at the next document marker on the content before it', () => {
    const text = 'a: 1\nb: [unclosed\n# note\n---\nc: 3\n';
    const error = parseYaml(text, { version: '1.2' }).documents[0]!.errors[0]!;
    expect(text.slice(error.span.start, error.span.end)).toBe('b: [unclosed');
  });

  it('resolves aliases and merge keys, in values and in path lookups', () => {
    const text = 'base: &b {image: nginx, port: 80}\nweb:\n  <<: *b\n  port: 8080\n';
    const doc = parseYaml(text, { version: '1.2' }).documents[0]!;
    expect(doc.value).toEqual({ base: { image: 'nginx', port: 80 }, web: { image: 'nginx', port: 8080 } });
    const image = spanAt(doc.root!, ['web', 'image']);
    expect(text.slice(image.start, image.end)).toBe('nginx');
    expect(image.start).toBeLessThan(text.indexOf('web:'));
    const port = spanAt(doc.root!, ['web', 'port']);
    expect(text.slice(port.start, port.end)).toBe('8080');
  });

  it('falls back to the nearest existing ancestor for missing paths', () => {
    const text = 'spec:\n  containers:\n    - name: web\n      image: nginx\n';
    const root = parseYaml(text, { version: '1.1' }).documents[0]!.root!;
    const missing = spanAt(root, ['spec', 'containers', 0, 'resources', 'limits']);
    expect(text.slice(missing.start, missing.end)).toBe('name: web');
    const key = spanAt(root, ['spec', 'replicas']);
    expect(text.slice(key.start, key.end)).toBe('spec');
  });

  it('survives alias bombs and deep nesting with a problem instead of a crash', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      bomb.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    expect(parseYaml(bomb.join('\n'), { version: '1.1' }).documents[0]!.errors.map((e) => e.code)).toContain('ALIAS_LIMIT');
    const deep = parseYaml(`a: ${'['.repeat(10000)}${']'.repeat(10000)}`, { version: '1.1' });
    expect(deep.documents[0]!.errors.length).toBeGreaterThan(0);
    const block = parseYaml(Array.from({ length: 10000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n'), { version: '1.1' });
    expect(block.documents[0]!.errors.length).toBeGreaterThan(0);
  });
});
