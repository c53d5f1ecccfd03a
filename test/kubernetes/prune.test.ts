/**
 * Custom resources are validated against their CRD schema pruned to what the object
 * reaches (prune.ts): the verdict and every Ajv error must be those of the whole schema.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { customResourceSchema, crdInfoOf } from '../../src/model/kubernetes/schema/crd-schema.js';
import { isPrunable, pruneSchema } from '../../src/model/kubernetes/schema/prune.js';
import type { JsonSchema, Validator } from '../../src/model/kubernetes/schema/types.js';
import { parseYaml } from '../../src/parse/yaml/parse.js';

const require = createRequire(import.meta.url);
const Ajv = (require('ajv') as { default: new (o: object) => { compile(s: object): Validator } }).default;
const ajv = new Ajv({ allErrors: true, strict: false, messages: false, validateFormats: false, validateSchema: false, addUsedSchema: false, code: { optimize: false } });

function sameAsWhole(schema: JsonSchema, data: unknown): void {
  const whole = ajv.compile(schema);
  const pruned = ajv.compile(pruneSchema(schema, [data]) as JsonSchema);
  const a = whole(data);
  const b = pruned(data);
  expect({ valid: b, errors: pruned.errors ?? null }, JSON.stringify(data)).toEqual({ valid: a, errors: whole.errors ?? null });
}

/** Variations of an object: fields dropped, unknown fields added, values of the wrong type. */
function variations(value: unknown, seed: number): unknown[] {
  let s = seed;
  const random = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const out: unknown[] = [];
  for (let i = 0; i < 12; i++) {
    const copy = structuredClone(value) as Record<string, unknown>;
    let node: unknown = copy;
    for (let depth = 0; depth < 6 && node && typeof node === 'object'; depth++) {
      const keys = Object.keys(node);
      if (keys.length === 0) break;
      const key = keys[Math.floor(random() * keys.length)]!;
      const r = random();
      if (r < 0.2) {
        delete (node as Record<string, unknown>)[key];
        break;
      }
      if (r < 0.35) {
        (node as Record<string, unknown>)[`${key}Typo`] = 1;
        break;
      }
      if (r < 0.5) {
        (node as Record<string, unknown>)[key] = typeof (node as Record<string, unknown>)[key] === 'string' ? 42 : 'text';
        break;
      }
      node = (node as Record<string, unknown>)[key];
    }
    out.push(copy);
  }
  return out;
}

describe('pruned CRD schemas', () => {
  const schema: JsonSchema = customResourceSchema({
    type: 'object',
    required: ['spec'],
    properties: {
      spec: {
        type: 'object',
        required: ['name'],
        properties: {
          name: { type: 'string', pattern: '^[a-z]+$' },
          replicas: { type: 'integer', minimum: 0 },
          ports: { type: 'array', items: { type: 'object', properties: { port: { type: 'integer' }, protocol: { type: 'string', enum: ['TCP', 'UDP'] } } } },
          labels: { type: 'object', additionalProperties: { type: 'string', maxLength: 5 } },
          mode: { oneOf: [{ type: 'string' }, { type: 'object', properties: { a: { type: 'string' } } }] },
          unused: { type: 'object', properties: { deep: { type: 'array', items: { type: 'string', pattern: '^x' } } } },
        },
      },
    },
  });

  it('gives the whole schema’s verdict and errors', () => {
    expect(isPrunable(schema)).toBe(true);
    const objects: unknown[] = [
      { apiVersion: 'x/v1', kind: 'K', spec: { name: 'ok', replicas: 2, ports: [{ port: 80, protocol: 'TCP' }], labels: { a: 'b' }, mode: 'x' } },
      { apiVersion: 'x/v1', kind: 'K', spec: { name: 'NO', replicas: -1, ports: [{ port: '80', protocol: 'SCTP', extra: 1 }], labels: { a: 'toolong' }, mode: { a: 1, b: 2 } } },
      { apiVersion: 'x/v1', kind: 'K', spec: { replicas: 'two', typo: true } },
      { apiVersion: 'x/v1', kind: 'K' },
      { apiVersion: 'x/v1', kind: 'K', spec: [] },
    ];
    for (const object of objects) for (const variant of [object, ...variations(object, 7)]) sameAsWhole(schema, variant);
    // Nothing of `unused` is compiled when no object has it.
    expect(JSON.stringify(pruneSchema(schema, [objects[0]]))).not.toContain('^x');
  });

  it('leaves schemas it cannot prune safely to be compiled whole', () => {
    expect(isPrunable({ type: 'object', properties: { a: { $ref: '#/definitions/x' } } })).toBe(false);
    expect(isPrunable({ type: 'object', patternProperties: { '^a': {} } })).toBe(false);
    // A pattern JavaScript rejects must still make the whole compilation fail, as it did.
    expect(isPrunable({ type: 'string', pattern: '^(?i)abc$' })).toBe(false);
  });

  const corpus = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', 'real');
  it.skipIf(!existsSync(join(corpus, 'INDEX.tsv')))('agrees on the corpus’ ServiceMonitors and PodMonitors', () => {
    const crds = ['servicemonitor', 'podmonitor'].map((k) => join(corpus, 'prometheus-operator__kube-prometheus/manifests/setup', `0${k}CustomResourceDefinition.yaml`));
    const rows = readFileSync(join(corpus, 'INDEX.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t')[0]!);
    let checked = 0;
    for (const crdFile of crds) {
      const info = crdInfoOf(parseYaml(readFileSync(crdFile, 'utf8'), { version: '1.1' }).documents[0]!.value, crdFile)!;
      const crdSchema = customResourceSchema(info.versions.find((v) => v.name === 'v1')!.schema!);
      expect(isPrunable(crdSchema)).toBe(true);
      for (const path of rows.filter((p) => /monitor/i.test(p) && !/CustomResourceDefinition/.test(p))) {
        for (const doc of parseYaml(readFileSync(join(corpus, path), 'utf8'), { version: '1.1' }).documents) {
          const value = doc.value as { kind?: unknown } | null;
          if (value?.kind !== info.kind) continue;
          for (const variant of [value, ...variations(value, checked + 1)]) sameAsWhole(crdSchema, variant);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(5);
  }, 60_000);
});
