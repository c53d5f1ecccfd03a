/**
 * A custom resource's schema cut down to the parts one object reaches. A CRD schema can be
 * hundreds of kilobytes (Argo CD's Application embeds whole pod specs) and Ajv compiles all of
 * it, seconds for one kind, while an object touches a few percent of it. Ajv only descends
 * into `properties`, `items` and `additionalProperties` for data that is there, so replacing
 * every subschema no data reaches with `{}` (keeping the property names, which `required`
 * and `additionalProperties: false` read) gives the same verdict and the same errors, at a
 * fraction of the compile time.
 *
 * Only schemas made of the keywords below, with well-formed values, are pruned; anything
 * else (references, pattern properties, conditionals, a pattern JavaScript cannot compile)
 * is compiled whole, as before, so Ajv reports exactly what it reported.
 */
import type { JsonSchema } from './types.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);
const NUMBER_KEYWORDS = new Set(['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf']);
const COUNT_KEYWORDS = new Set(['minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties']);
/** Keywords Ajv ignores or that carry no subschema, as plain annotations. */
const ANNOTATIONS = new Set(['title', '$comment', 'format', 'example', 'examples', 'readOnly', 'writeOnly', 'deprecated', 'externalDocs', 'default', 'description']);

/** Whether every schema in the tree uses only keywords the pruner understands, with valid values. */
export function isPrunable(schema: unknown): boolean {
  if (typeof schema === 'boolean') return true;
  if (!isObject(schema)) return false;
  for (const [key, value] of Object.entries(schema)) {
    switch (key) {
      case 'type':
        if (typeof value === 'string' ? !TYPES.has(value) : !Array.isArray(value) || value.length === 0 || !value.every((t) => typeof t === 'string' && TYPES.has(t))) return false;
        break;
      case 'properties':
        if (!isObject(value) || !Object.values(value).every(isPrunable)) return false;
        break;
      case 'additionalProperties':
      case 'not':
        if (!isPrunable(value)) return false;
        break;
      case 'items':
        if (Array.isArray(value) ? !value.every(isPrunable) : !isPrunable(value)) return false;
        break;
      case 'allOf':
      case 'anyOf':
      case 'oneOf':
        if (!Array.isArray(value) || value.length === 0 || !value.every(isPrunable)) return false;
        break;
      case 'required':
        if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return false;
        break;
      case 'enum':
        if (!Array.isArray(value) || value.length === 0) return false;
        break;
      case 'const':
      case 'uniqueItems':
        break;
      case 'pattern':
        if (typeof value !== 'string' || !compiles(value)) return false;
        break;
      default:
        if (NUMBER_KEYWORDS.has(key)) {
          if (typeof value !== 'number' || !Number.isFinite(value)) return false;
        } else if (COUNT_KEYWORDS.has(key)) {
          if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return false;
        } else if (!ANNOTATIONS.has(key)) return false;
    }
  }
  return true;
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

/** `schema` with every subschema that none of `values` reaches replaced by `{}`. */
export function pruneSchema(schema: JsonSchema | boolean, values: readonly unknown[]): JsonSchema | boolean {
  if (typeof schema === 'boolean') return schema;
  if (values.length === 0) return {};
  const out: JsonSchema = { ...schema };
  const props = isObject(schema.properties) ? (schema.properties as Record<string, JsonSchema | boolean>) : undefined;
  const objects = values.filter(isObject);
  if (props) {
    const pruned: Record<string, JsonSchema | boolean> = {};
    for (const [name, sub] of Object.entries(props)) {
      const reaching: unknown[] = [];
      for (const o of objects) if (Object.prototype.hasOwnProperty.call(o, name) && o[name] !== undefined) reaching.push(o[name]);
      pruned[name] = reaching.length > 0 ? pruneSchema(sub, reaching) : {};
    }
    out.properties = pruned;
  }
  const additional = schema.additionalProperties;
  if (isObject(additional)) {
    const reaching: unknown[] = [];
    for (const o of objects) for (const [name, v] of Object.entries(o)) if (!(props && Object.prototype.hasOwnProperty.call(props, name)) && v !== undefined) reaching.push(v);
    out.additionalProperties = pruneSchema(additional as JsonSchema, reaching);
  }
  const arrays = values.filter(Array.isArray);
  const items = schema.items;
  if (Array.isArray(items)) {
    out.items = items.map((sub, i) => pruneSchema(sub as JsonSchema | boolean, arrays.filter((a) => a.length > i).map((a) => a[i])));
  } else if (isObject(items)) {
    // Every element, holes included: Ajv checks each index below the length.
    const elements: unknown[] = [];
    for (const a of arrays) for (let i = 0; i < a.length; i++) elements.push(a[i]);
    out.items = pruneSchema(items as JsonSchema, elements);
  }
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    const branches = schema[key];
    if (Array.isArray(branches)) out[key] = branches.map((b) => pruneSchema(b as JsonSchema | boolean, values));
  }
  if (schema.not !== undefined) out.not = pruneSchema(schema.not as JsonSchema | boolean, values);
  return out;
}
