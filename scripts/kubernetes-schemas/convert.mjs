/**
 * kubernetes-types declarations (one package per Kubernetes version) → JSON Schema
 * definitions that are strict the way kubeconform's `-strict` is: objects reject unknown
 * properties, maps (`{[name: string]: T}`) take any key. Kubernetes' own value types get
 * their real syntax: int-or-string (`number | string` in the declarations) accepts an
 * integer or a string, a Quantity a number or a string in the quantity grammar.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { parseDeclarations } from './dts.mjs';

/** The quantity grammar of k8s.io/apimachinery/pkg/api/resource (signed number, then a binary or decimal SI suffix or an exponent). */
export const QUANTITY_PATTERN =
  '^[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[KMGTPE]i|[numkMGTPE]|[eE][+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))?$';

function listDeclarationFiles(root) {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.d.ts')) out.push(path);
    }
  };
  walk(root);
  return out;
}

const moduleOf = (root, file) => relative(root, file).split('\\').join('/').replace(/\.d\.ts$/, '');
const definitionId = (module, name) => `${module.split('/').join('.')}.${name}`;

/**
 * Reads one kubernetes-types package. Returns { definitions, kinds } where kinds maps
 * apiVersion → kind → definition id, for every interface with literal apiVersion and kind.
 */
export function convertKubernetesTypes(root, enums = new Map()) {
  const modules = new Map();
  for (const file of listDeclarationFiles(root)) modules.set(moduleOf(root, file), parseDeclarations(readFileSync(file, 'utf8')));

  const resolveRef = (module, name) => {
    const decls = modules.get(module);
    if (decls.interfaces.has(name) || decls.aliases.has(name)) return { module, name };
    const from = decls.imports.get(name);
    if (!from) throw new Error(`${module}: unknown type ${name}`);
    return { module: posix.normalize(posix.join(posix.dirname(module), from)), name };
  };

  const definitions = {};
  const kinds = {};
  const enumHits = new Set();

  const schemaOf = (module, type) => {
    switch (type.kind) {
      case 'string':
        return { type: 'string' };
      case 'number':
        return { type: 'number' };
      case 'boolean':
        return { type: 'boolean' };
      case 'any':
      case 'object':
        return {};
      case 'literal':
        return { type: 'string' };
      case 'array':
        return { type: 'array', items: schemaOf(module, type.items) };
      case 'map':
        return { type: 'object', additionalProperties: schemaOf(module, type.value) };
      case 'ref': {
        const target = resolveRef(module, type.name);
        return { $ref: `#/definitions/${definitionId(target.module, target.name)}` };
      }
      case 'union': {
        const names = type.options.map((o) => o.kind).sort().join('|');
        if (names === 'number|string') return { type: ['integer', 'string'] };
        return { anyOf: type.options.map((o) => schemaOf(module, o)) };
      }
      default:
        throw new Error(`unknown type kind ${type.kind}`);
    }
  };

  for (const [module, decls] of modules) {
    for (const [name, alias] of decls.aliases) {
      const id = definitionId(module, name);
      if (module === 'api/resource' && name === 'Quantity') {
        definitions[id] = { type: ['string', 'number'], pattern: QUANTITY_PATTERN };
      } else definitions[id] = schemaOf(module, alias);
    }
    for (const [name, { properties }] of decls.interfaces) {
      const id = definitionId(module, name);
      // Empty interfaces (RawExtension, FieldsV1, apiextensions JSON) hold arbitrary content.
      if (properties.length === 0) {
        definitions[id] = {};
        continue;
      }
      const props = {};
      const required = [];
      let apiVersion;
      let kind;
      for (const p of properties) {
        if (p.name === 'apiVersion' && p.type.kind === 'literal') apiVersion = p.type.value;
        if (p.name === 'kind' && p.type.kind === 'literal') kind = p.type.value;
        let schema = schemaOf(module, p.type);
        const values = enums.get(`${id}.${p.name}`);
        if (values && schema.type === 'string') {
          // Go's zero value: an empty string is "unset" and gets the default.
          schema = { type: 'string', enum: p.optional && !values.includes('') ? ['', ...values] : values };
          enumHits.add(`${id}.${p.name}`);
        }
        props[p.name] = schema;
        if (!p.optional) required.push(p.name);
      }
      const schema = { type: 'object', properties: props, additionalProperties: false };
      if (required.length > 0) schema.required = required;
      definitions[id] = schema;
      if (apiVersion && kind) (kinds[apiVersion] ??= {})[kind] = id;
    }
  }
  addSchemaExtensions(definitions);
  addTruncatedFields(definitions);
  dropUnenforcedRequired(definitions);
  return { definitions: sortKeys(definitions), kinds: sortKeys(Object.fromEntries(Object.entries(kinds).map(([k, v]) => [k, sortKeys(v)]))), enumHits };
}

/**
 * kubernetes-types leaves out JSONSchemaProps' `x-kubernetes-*` fields (names TypeScript
 * declarations would have to quote); the OpenAPI document has them, and CRDs use them.
 */
function addSchemaExtensions(definitions) {
  for (const group of ['apiextensions.v1', 'apiextensions.v1beta1']) {
    const props = definitions[`${group}.JSONSchemaProps`]?.properties;
    if (!props) continue;
    const validationRule = definitions[`${group}.ValidationRule`] ? { $ref: `#/definitions/${group}.ValidationRule` } : { type: 'object' };
    Object.assign(props, {
      'x-kubernetes-embedded-resource': { type: 'boolean' },
      'x-kubernetes-int-or-string': { type: 'boolean' },
      'x-kubernetes-list-map-keys': { type: 'array', items: { type: 'string' } },
      'x-kubernetes-list-type': { type: 'string' },
      'x-kubernetes-map-type': { type: 'string' },
      'x-kubernetes-preserve-unknown-fields': { type: 'boolean' },
      'x-kubernetes-validations': { type: 'array', items: validationRule },
    });
  }
}

/**
 * kubernetes-types cuts a definition short where a field's description contains the text
 * "*\/" (e.g. "'*\/scale' means all scale subresources"), losing the fields after it.
 * Found by comparing every definition with kubernetes-models; these are the fields lost.
 */
const TRUNCATED = {
  RuleWithOperations: { resources: { type: 'array', items: { type: 'string' } }, scope: { type: 'string' } },
  NamedRuleWithOperations: { resources: { type: 'array', items: { type: 'string' } }, scope: { type: 'string' } },
  ResourceRule: { resources: { type: 'array', items: { type: 'string' } }, verbs: { type: 'array', items: { type: 'string' } } },
};

function addTruncatedFields(definitions) {
  for (const [id, schema] of Object.entries(definitions)) {
    const name = id.slice(id.lastIndexOf('.') + 1);
    const group = id.slice(0, id.indexOf('.'));
    if (!TRUNCATED[name] || (group !== 'admissionregistration' && group !== 'authorization') || !schema.properties) continue;
    for (const [field, type] of Object.entries(TRUNCATED[name])) schema.properties[field] ??= type;
    if (name === 'ResourceRule') schema.required = [...new Set([...(schema.required ?? []), 'verbs'])];
  }
}

/**
 * Fields the OpenAPI document marks required that the API server does not require, so that
 * `kubectl apply` accepts objects without them: StatefulSetSpec.serviceName (never validated;
 * marked optional upstream in kubernetes/kubernetes#130233) and RoleRef.apiGroup (defaulted to
 * rbac.authorization.k8s.io by SetDefaults_RoleBinding / SetDefaults_ClusterRoleBinding).
 */
const NOT_ENFORCED = { StatefulSetSpec: ['apps', 'serviceName'], RoleRef: ['rbac', 'apiGroup'] };

function dropUnenforcedRequired(definitions) {
  for (const [id, schema] of Object.entries(definitions)) {
    const name = id.slice(id.lastIndexOf('.') + 1);
    const group = id.slice(0, id.indexOf('.'));
    const entry = NOT_ENFORCED[name];
    if (!entry || entry[0] !== group || !schema.required) continue;
    schema.required = schema.required.filter((field) => field !== entry[1]);
    if (schema.required.length === 0) delete schema.required;
  }
}

export function sortKeys(object) {
  return Object.fromEntries(Object.keys(object).sort().map((k) => [k, object[k]]));
}

/**
 * Enumerations from kubernetes-models' declarations (generated from a recent OpenAPI
 * document, which marks enums; kubernetes-types drops them): `"prop"?: "A" | "B"`.
 * Keyed by the kubernetes-types definition id, e.g. `core.v1.Container.imagePullPolicy`.
 * A Kubernetes field keeps its type across releases, and enums only grow, so applying
 * the newest values to older versions never rejects a value an older server accepted…
 * except values added later, which an older server would reject anyway.
 */
export function readModelEnums(root) {
  const enums = new Map();
  for (const file of listDeclarationFiles(root)) {
    const rel = relative(root, file).split('\\').join('/');
    const parts = rel.split('/');
    if (parts.length === 2) parts.unshift('v1'); // the core group: v1/Container.d.ts
    if (parts.length !== 3 || parts[0].startsWith('_') || parts[0] === 'node_modules') continue;
    const [groupDir, version, fileName] = parts;
    const module = `${typesGroup(groupDir)}/${version}`;
    const name = fileName.replace(/\.d\.ts$/, '');
    const decls = parseDeclarations(readFileSync(file, 'utf8'), { tolerant: true });
    const iface = decls.interfaces.get(`I${name}`);
    if (!iface) continue;
    for (const p of iface.properties) {
      if (p.name === 'apiVersion' || p.name === 'kind') continue;
      if (p.type.kind !== 'union' || !p.type.options.every((o) => o.kind === 'literal')) continue;
      enums.set(`${definitionId(module, name)}.${p.name}`, p.type.options.map((o) => o.value).sort());
    }
  }
  return enums;
}

/** kubernetes-models names folders by API group (`networking.k8s.io`); kubernetes-types by its first label. */
function typesGroup(groupDir) {
  if (groupDir === 'v1') return 'core';
  if (groupDir === 'internal.apiserver.k8s.io') return 'apiserverinternal';
  return groupDir.split('.')[0];
}
