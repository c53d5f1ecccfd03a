/**
 * A CustomResourceDefinition's openAPIV3Schema → the JSON Schema its custom resources are
 * validated with, strict as kubeconform's `-strict`: an object that lists `properties`
 * rejects other fields unless `x-kubernetes-preserve-unknown-fields` keeps them (the API
 * server would silently prune them, which is rarely what the author meant).
 * `x-kubernetes-int-or-string` accepts an integer or a string; `x-kubernetes-embedded-resource`
 * requires apiVersion and kind (and allows metadata).
 */
import type { JsonSchema } from './types.js';

const isObject = (v: unknown): v is JsonSchema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Converts the schema of one served version (the root of a custom resource). */
export function customResourceSchema(openAPIV3Schema: JsonSchema): JsonSchema {
  const schema = convert(openAPIV3Schema, false);
  const props = isObject(schema.properties) ? schema.properties : undefined;
  if (props) {
    // The API server handles these for every resource, whatever the CRD says.
    props.apiVersion = { type: 'string' };
    props.kind = { type: 'string' };
    props.metadata = { type: 'object' };
  }
  return schema;
}

function convert(node: JsonSchema, inBranch: boolean): JsonSchema {
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('x-kubernetes-') || key === 'nullable' || key === 'description' || key === 'example' || key === 'default') continue;
    if (key === 'properties' && isObject(value)) {
      out.properties = Object.fromEntries(Object.entries(value).map(([name, child]) => [name, isObject(child) ? convert(child, false) : {}]));
    } else if ((key === 'items' || key === 'additionalProperties' || key === 'not' || key === 'additionalItems') && isObject(value)) {
      out[key] = convert(value, key === 'not');
    } else if ((key === 'allOf' || key === 'anyOf' || key === 'oneOf') && Array.isArray(value)) {
      out[key] = value.map((branch) => (isObject(branch) ? convert(branch, true) : {}));
    } else if (key === 'items' && Array.isArray(value)) {
      out.items = value.map((item) => (isObject(item) ? convert(item, false) : {}));
    } else out[key] = value;
  }
  if (node['x-kubernetes-int-or-string'] === true) {
    out.type = ['integer', 'string'];
    delete out.anyOf;
    delete out.oneOf;
  }
  const preserve = node['x-kubernetes-preserve-unknown-fields'] === true;
  if (node['x-kubernetes-embedded-resource'] === true) {
    const props = isObject(out.properties) ? out.properties : (out.properties = {});
    props.apiVersion ??= { type: 'string' };
    props.kind ??= { type: 'string' };
    props.metadata ??= { type: 'object' };
    out.required = [...new Set([...(Array.isArray(out.required) ? (out.required as string[]) : []), 'apiVersion', 'kind'])];
  }
  // Value validations in allOf/anyOf/oneOf/not may only restate fields, never declare the object's shape.
  if (!inBranch && !preserve && isObject(out.properties) && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

export interface CrdVersion {
  name: string;
  served: boolean;
  /** undefined: the CRD declares no schema for it (anything is accepted). */
  schema?: JsonSchema;
}

export interface CrdInfo {
  group: string;
  kind: string;
  versions: CrdVersion[];
  /** Where the CRD was read (display path). */
  source: string;
}

/** Reads a CustomResourceDefinition value (apiextensions.k8s.io v1 or v1beta1); undefined if it is not one. */
export function crdInfoOf(value: unknown, source: string): CrdInfo | undefined {
  if (!isObject(value) || value.kind !== 'CustomResourceDefinition' || !isObject(value.spec)) return undefined;
  const spec = value.spec;
  const names = isObject(spec.names) ? spec.names : {};
  if (typeof spec.group !== 'string' || typeof names.kind !== 'string') return undefined;
  const shared = isObject(spec.validation) && isObject(spec.validation.openAPIV3Schema) ? spec.validation.openAPIV3Schema : undefined;
  const versions: CrdVersion[] = [];
  if (Array.isArray(spec.versions)) {
    for (const v of spec.versions) {
      if (!isObject(v) || typeof v.name !== 'string') continue;
      const own = isObject(v.schema) && isObject(v.schema.openAPIV3Schema) ? v.schema.openAPIV3Schema : shared;
      const version: CrdVersion = { name: v.name, served: v.served !== false };
      if (own) version.schema = own;
      versions.push(version);
    }
  } else if (typeof spec.version === 'string') {
    const version: CrdVersion = { name: spec.version, served: true };
    if (shared) version.schema = shared;
    versions.push(version);
  }
  return { group: spec.group, kind: names.kind, versions, source };
}
