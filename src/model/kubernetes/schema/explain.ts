/**
 * Ajv's errors → readable problems. Each error is placed on the key or value it is about,
 * said in Kubernetes terms (int-or-string, quantity, "did you mean"), and the noise of
 * alternatives (anyOf branches that were never meant to match) is folded into one finding.
 */
import { closest } from '../../../core/suggest.js';
import type { AjvError, JsonSchema, SchemaProblem } from './types.js';

type Path = (string | number)[];

/** Finds the schema that applies at a path, following $ref, properties, items and maps. */
export class SchemaNavigator {
  constructor(
    private readonly root: JsonSchema,
    private readonly definitions: Record<string, JsonSchema> = {},
  ) {}

  private deref(schema: JsonSchema | undefined): JsonSchema | undefined {
    for (let guard = 0; schema && typeof schema.$ref === 'string' && guard < 32; guard++) {
      const ref = schema.$ref;
      const id = ref.slice(ref.lastIndexOf('/') + 1);
      schema = ref.includes('#/definitions/') || ref.includes('#/$defs/') ? (this.definitions[id] ?? pointer(this.root, ref)) : undefined;
    }
    return schema;
  }

  at(path: readonly (string | number)[]): JsonSchema | undefined {
    let schema = this.deref(this.root);
    for (const segment of path) {
      if (!schema) return undefined;
      schema = this.deref(this.child(schema, segment));
    }
    return schema;
  }

  private child(schema: JsonSchema, segment: string | number): JsonSchema | undefined {
    if (typeof segment === 'number') {
      const items = schema.items;
      if (isSchema(items)) return items;
    } else {
      const props = schema.properties;
      if (isSchema(props) && isSchema(props[segment])) return props[segment];
      if (isSchema(schema.additionalProperties)) return schema.additionalProperties;
    }
    for (const key of ['anyOf', 'oneOf', 'allOf']) {
      const branches = schema[key];
      if (!Array.isArray(branches)) continue;
      for (const branch of branches) {
        const resolved = this.deref(branch as JsonSchema);
        const found = resolved && this.child(resolved, segment);
        if (found) return found;
      }
    }
    return undefined;
  }

  /** The property names an object schema allows (for "did you mean"). */
  propertiesAt(path: readonly (string | number)[]): string[] {
    const schema = this.at(path);
    const props = schema?.properties;
    return isSchema(props) ? Object.keys(props) : [];
  }
}

function pointer(root: JsonSchema, ref: string): JsonSchema | undefined {
  const hash = ref.indexOf('#');
  if (hash < 0) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(hash + 1).split('/').filter(Boolean)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = isSchema(node) ? node[key] : undefined;
  }
  return isSchema(node) ? node : undefined;
}

const isSchema = (v: unknown): v is JsonSchema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Ajv's instancePath (`/spec/containers/0`) → path segments, numbers where the value is a list. */
export function pathOf(pointerText: string, value: unknown): Path {
  const out: Path = [];
  let node: unknown = value;
  for (const raw of pointerText.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node) && /^\d+$/.test(key)) {
      out.push(Number(key));
      node = node[Number(key)];
    } else {
      out.push(key);
      node = isSchema(node) ? node[key] : undefined;
    }
  }
  return out;
}

function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  let node = value;
  for (const segment of path) node = (node as Record<string | number, unknown> | undefined)?.[segment];
  return node;
}

export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string "${value.length > 40 ? `${value.slice(0, 37)}…` : value}"`;
  if (typeof value === 'number') return Number.isInteger(value) ? `the integer ${value}` : `the number ${value}`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  return typeof value;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean (true or false)',
  object: 'a mapping',
  array: 'a list',
  null: 'null',
};

function expectedWords(types: string[]): string {
  const words = types.map((t) => TYPE_WORDS[t] ?? t);
  return words.length <= 1 ? (words[0] ?? 'another type') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/** A one-line hint for common type mistakes. */
function typeHint(expected: string[], value: unknown): string {
  if (expected.includes('string') && (typeof value === 'number' || typeof value === 'boolean')) return '; quote it to make it a string.';
  if (expected.length === 1 && expected[0] === 'array' && isSchema(value)) return '; write it as a list (items start with "- ").';
  if (expected.length === 1 && expected[0] === 'object' && Array.isArray(value)) return '; remove the "- " to make it a mapping.';
  if ((expected.includes('integer') || expected.includes('number')) && typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) {
    return '; remove the quotes.';
  }
  return '.';
}

export const QUANTITY_HINT = 'a quantity: a number with an optional suffix, e.g. 500m, 0.5, 1e3, 128Mi, 1Gi';

/** Converts one validation run's errors into problems, in order, without duplicates. */
export function explainErrors(errors: readonly AjvError[], value: unknown, schema: SchemaNavigator): SchemaProblem[] {
  const kept: AjvError[] = [];
  for (const error of errors) {
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf') {
      // The branches' errors came just before; keep those deeper than this point (the
      // branch of the right shape), drop the mismatches of the branches that never applied.
      const deeper: AjvError[] = [];
      while (kept.length > 0 && isUnder(kept.at(-1)!.instancePath, error.instancePath)) {
        const last = kept.pop()!;
        if (last.instancePath !== error.instancePath) deeper.unshift(last);
      }
      kept.push(...(deeper.length > 0 ? deeper : [error]));
    } else kept.push(error);
  }
  const out: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of kept) {
    const problem = explain(error, value, schema);
    if (!problem) continue;
    const key = `${problem.messageId} ${problem.path.join('.')} ${JSON.stringify(problem.data)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(problem);
  }
  return out;
}

const isUnder = (path: string, parent: string): boolean => path === parent || path.startsWith(`${parent}/`);

function explain(error: AjvError, value: unknown, schema: SchemaNavigator): SchemaProblem | undefined {
  const path = pathOf(error.instancePath, value);
  const here = valueAt(value, path);
  const where = describePath(path);
  switch (error.keyword) {
    case 'additionalProperties': {
      const field = String(error.params.additionalProperty);
      // Strategic-merge-patch directives ($patch, $setElementOrder/…) belong to kustomize patches.
      if (field.startsWith('$')) return undefined;
      const allowed = schema.propertiesAt(path);
      const suggestion = closest(field, allowed);
      return {
        messageId: 'unknownField',
        path: [...path, field],
        at: 'key',
        data: { field, parent: where, hint: suggestion ? `; did you mean "${suggestion}"?` : allowed.length > 0 ? `; remove it (allowed: ${listOf(allowed)}).` : '; remove it.' },
      };
    }
    case 'required':
      return { messageId: 'required', path, at: 'parent', data: { field: String(error.params.missingProperty), parent: where } };
    case 'type': {
      const expected = String(error.params.type).split(',');
      const sorted = [...expected].sort().join(',');
      if (sorted === 'integer,string') return { messageId: 'intOrString', path, at: 'value', data: { field: where, actual: jsonType(here) } };
      if (sorted === 'number,string') return { messageId: 'quantity', path, at: 'value', data: { field: where, actual: jsonType(here), hint: QUANTITY_HINT } };
      return { messageId: 'type', path, at: 'value', data: { field: where, expected: expectedWords(expected), actual: jsonType(here), hint: typeHint(expected, here) } };
    }
    case 'enum': {
      const allowed = ((error.params.allowedValues as unknown[]) ?? []).filter((v) => v !== '').map((v) => String(v));
      const suggestion = typeof here === 'string' ? closest(here, allowed) : undefined;
      return {
        messageId: 'enum',
        path,
        at: 'value',
        data: { field: where, actual: jsonType(here), allowed: listOf(allowed), hint: suggestion ? `; did you mean "${suggestion}"?` : '.' },
      };
    }
    case 'pattern': {
      const pattern = String(error.params.pattern);
      if (pattern.includes('[KMGTPE]i')) return { messageId: 'quantity', path, at: 'value', data: { field: where, actual: jsonType(here), hint: QUANTITY_HINT } };
      return { messageId: 'pattern', path, at: 'value', data: { field: where, actual: jsonType(here), pattern } };
    }
    case 'anyOf':
    case 'oneOf': {
      const forms = describeForms(schema.at(path));
      return { messageId: 'oneOfForms', path, at: 'value', data: { field: where, actual: jsonType(here), forms } };
    }
    case 'const':
      return { messageId: 'enum', path, at: 'value', data: { field: where, actual: jsonType(here), allowed: JSON.stringify(error.params.allowedValue), hint: '.' } };
    default: {
      const constraint = describeConstraint(error);
      return constraint ? { messageId: 'constraint', path, at: 'value', data: { field: where, constraint } } : undefined;
    }
  }
}

function describeForms(schema: JsonSchema | undefined): string {
  const branches = (schema?.anyOf ?? schema?.oneOf) as JsonSchema[] | undefined;
  if (!Array.isArray(branches)) return 'one of the allowed forms';
  const types = branches.map((b) => (typeof b.type === 'string' ? b.type : b.$ref ? 'object' : Array.isArray(b.type) ? b.type.join('|') : b.enum ? 'enum' : 'schema'));
  const unique = [...new Set(types.flatMap((t) => t.split('|')))];
  return unique.every((t) => t in TYPE_WORDS) ? expectedWords(unique) : 'exactly one of the allowed forms (see the CRD schema)';
}

function describeConstraint(error: AjvError): string | undefined {
  const p = error.params as Record<string, number | string>;
  switch (error.keyword) {
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${p.comparison} ${p.limit}`;
    case 'minLength':
      return `must be at least ${p.limit} characters long`;
    case 'maxLength':
      return `must be at most ${p.limit} characters long`;
    case 'minItems':
      return `must have at least ${p.limit} items`;
    case 'maxItems':
      return `must have at most ${p.limit} items`;
    case 'minProperties':
      return `must have at least ${p.limit} entries`;
    case 'maxProperties':
      return `must have at most ${p.limit} entries`;
    case 'multipleOf':
      return `must be a multiple of ${p.multipleOf}`;
    case 'uniqueItems':
      return `must not repeat items (items ${p.j} and ${p.i} are equal)`;
    case 'format':
      return `must be a valid ${p.format}`;
    case 'not':
      return 'must not match the excluded form';
    case 'dependencies':
    case 'dependentRequired':
      return `needs "${p.missingProperty}" when "${p.property}" is set`;
    default:
      return undefined;
  }
}

/** `spec.template.spec.containers[0]`, or `the object` for the root. */
export function describePath(path: readonly (string | number)[]): string {
  if (path.length === 0) return 'the object';
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[\w-]+$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `["${segment}"]`;
  }
  return out;
}

function listOf(values: readonly string[]): string {
  const shown = values.slice(0, 12).join(', ');
  return values.length > 12 ? `${shown}, …` : shown;
}
