/**
 * Checks one Kubernetes object against its schema for the target version: the bundled
 * schema of a built-in kind, or the CRD / schema location of a custom resource, plus the
 * name and label syntax the API server enforces. The result is memoized per object, so
 * the schema rule and the unknown-kind rule share one validation.
 */
import type { LintEnvironment } from '../../../core/environment.js';
import type { Span } from '../../../core/types.js';
import { closest } from '../../../core/suggest.js';
import { deref, pairOf, resolvePath, spanAt, type YMap } from '../../../parse/yaml/nodes.js';
import { apiStatus } from '../api-lifecycle.js';
import { checkLabelValue, checkName, checkQualifiedKey, dns1123Label, nameRuleOf } from '../names.js';
import type { KubernetesObject } from '../object.js';
import { bundledVersions, resolveTarget, type TargetVersion } from '../versions.js';
import { builtinSchemas, groupOf, isBuiltinGroup, versionOf } from './builtin.js';
import { customSchemas } from './custom.js';
import { explainErrors, SchemaNavigator } from './explain.js';
import type { JsonSchema, SchemaProblem, Validator } from './types.js';

export type ObjectCheck =
  /** Validated against a schema (problems may be empty). */
  | { status: 'validated'; problems: SchemaProblem[] }
  /** The apiVersion is no longer served by the target: kubernetes-removed-api reports it, nothing else does. */
  | { status: 'removed'; problems: SchemaProblem[] }
  /** No schema for this kind: only names and labels were checked. */
  | { status: 'noSchema'; reason: string; problems: SchemaProblem[] };

const targets = new WeakMap<LintEnvironment, TargetVersion>();

/** The run's target version and the bundled schema version that serves it. */
export function targetOf(env: LintEnvironment): TargetVersion {
  let target = targets.get(env);
  if (!target) {
    target = resolveTarget(env.kubernetesVersion);
    targets.set(env, target);
  }
  return target;
}

const checks = new WeakMap<KubernetesObject, ObjectCheck>();

export function checkObject(object: KubernetesObject, env: LintEnvironment): ObjectCheck {
  let result = checks.get(object);
  if (!result) {
    result = runCheck(object, env);
    // A Kustomize patch names only what it changes: its missing fields come from the base.
    result.problems = result.problems.filter((p) => !isPlaceholder(object, p) && !(object.patch && p.messageId === 'required'));
    for (const problem of result.problems) if (problem.data.actual !== undefined) problem.data.actual = asWritten(object, problem);
    checks.set(object, result);
  }
  return result;
}

/**
 * Values a template engine fills in before the manifest is applied: `${VAR}` (envsubst) and
 * `{{ x }}` (which YAML reads as a nested flow mapping). Reporting their type would be noise.
 */
function isPlaceholder(object: KubernetesObject, problem: SchemaProblem): boolean {
  if (problem.at !== 'value') return false;
  const { node, matched } = resolvePath(object.yaml, problem.path);
  const target = deref(node);
  if (matched !== problem.path.length || !target) return false;
  if (target.kind === 'scalar') return typeof target.value === 'string' && /\$\{[^}]*\}|\{\{/.test(target.value);
  if (target.kind === 'map' && target.flow && target.pairs.length === 1) return deref(target.pairs[0]!.key)?.kind === 'map';
  return false;
}

/** "the number 1.0", "the boolean yes": a scalar as written, since YAML 1.1 turns `1.0` into 1 and `yes` into true. */
function asWritten(object: KubernetesObject, problem: SchemaProblem): string {
  const { node, matched } = resolvePath(object.yaml, problem.path);
  const scalar = deref(node);
  if (matched !== problem.path.length || scalar?.kind !== 'scalar' || scalar.style !== 'plain') return problem.data.actual!;
  if (typeof scalar.value === 'number') return `the number ${scalar.source}`;
  if (typeof scalar.value === 'boolean') return `the boolean ${scalar.source}`;
  return problem.data.actual!;
}

/** Create-only review objects have no name. */
const NAMELESS_KINDS = new Set(['TokenReview', 'SubjectAccessReview', 'SelfSubjectAccessReview', 'LocalSubjectAccessReview', 'SelfSubjectRulesReview', 'SelfSubjectReview']);

function runCheck(object: KubernetesObject, env: LintEnvironment): ObjectCheck {
  const value = object.value;
  const problems: SchemaProblem[] = [];
  for (const field of ['apiVersion', 'kind'] as const) {
    const v = value[field];
    if (v === undefined || v === null || v === '') {
      problems.push({ messageId: field === 'kind' ? 'missingKind' : 'missingApiVersion', path: [], at: 'parent', data: {} });
    } else if (typeof v !== 'string') {
      problems.push({ messageId: 'type', path: [field], at: 'value', data: { field, expected: 'a string', actual: String(v), hint: '; quote it.' } });
    }
  }
  if (problems.length > 0) return { status: 'validated', problems };
  const apiVersion = object.apiVersion;
  const kind = object.kind;
  const target = targetOf(env);
  if (apiStatus(apiVersion, kind, target.target)?.status === 'removed') return { status: 'removed', problems: [] };

  const group = groupOf(apiVersion);
  if (isBuiltinGroup(group)) {
    const schemas = builtinSchemas(target.schema);
    const validator = schemas.validator(apiVersion, kind);
    if (validator) {
      const root: JsonSchema = { $ref: `#/definitions/${schemas.definitionOf(apiVersion, kind)!}` };
      problems.push(...validate(validator, value, () => new SchemaNavigator(root, schemas.definitions())));
      problems.push(...metadataProblems(value, kind, true));
      return { status: 'validated', problems };
    }
    const servedKinds = schemas.kindsOf(apiVersion);
    if (apiStatus(apiVersion, kind, target.target)) {
      // Deprecated but served by the target, yet not by the bundled schema version chosen for it.
      return { status: 'noSchema', reason: `the bundled Kubernetes ${target.schema} schemas do not have it`, problems: metadataProblems(value, kind, false) };
    }
    const elsewhere = schemas.apiVersionsOf(kind);
    if (!servedKinds) {
      const hint = elsewhere.length > 0 ? `; ${kind} is served by ${elsewhere.join(', ')}.` : '.';
      problems.push({ messageId: 'unknownApiVersion', path: ['apiVersion'], at: 'value', data: { apiVersion, kind, version: versionLabel(target), hint } });
    } else {
      const suggestion = closest(kind, servedKinds.filter((k) => !k.endsWith('List')));
      if (elsewhere.length === 0 && !suggestion && !knownInAnyVersion(kind)) {
        // Not a typo of a Kubernetes kind: another platform's (OpenShift's legacy v1 DeploymentConfig).
        return { status: 'noSchema', reason: `Kubernetes ${target.schema} has no such kind`, problems: metadataProblems(value, kind, false) };
      }
      const hint = elsewhere.length > 0 ? `; ${kind} is served by ${elsewhere.join(', ')}.` : suggestion ? `; did you mean "${suggestion}"?` : '.';
      problems.push({ messageId: 'unknownKind', path: ['kind'], at: 'value', data: { apiVersion, kind, version: versionLabel(target), hint } });
    }
    return { status: 'validated', problems };
  }

  const found = customSchemas(env).lookup(group, versionOf(apiVersion), kind);
  switch (found.status) {
    case 'found':
      problems.push(...validate(found.validator, value, () => new SchemaNavigator(found.schema)));
      problems.push(...metadataProblems(value, kind, false, true));
      return { status: 'validated', problems };
    case 'open':
      return { status: 'validated', problems: metadataProblems(value, kind, false, true) };
    case 'notServed':
      problems.push({
        messageId: 'versionNotServed',
        path: ['apiVersion'],
        at: 'value',
        data: { apiVersion, kind, source: found.source, served: found.served.map((v) => `${group}/${v}`).join(', ') || 'none' },
      });
      return { status: 'validated', problems };
    case 'broken':
      return { status: 'noSchema', reason: `the schema from ${found.source} is unusable: ${found.reason}`, problems: metadataProblems(value, kind, false) };
    default:
      return { status: 'noSchema', reason: '', problems: metadataProblems(value, kind, false) };
  }
}

function knownInAnyVersion(kind: string): boolean {
  return bundledVersions().some((v) => builtinSchemas(v).apiVersionsOf(kind).length > 0);
}

function versionLabel(target: TargetVersion): string {
  return target.schema === target.target ? `Kubernetes ${target.target}` : `Kubernetes ${target.target} (bundled ${target.schema} schemas)`;
}

function validate(validator: Validator, value: Record<string, unknown>, navigator: () => SchemaNavigator): SchemaProblem[] {
  // The API server ignores status when an object is created or applied; manifests exported
  // from a cluster carry one the schema's required fields do not describe well.
  const { status: _status, ...spec } = value;
  // Most objects have no null to drop: validate them as they are rather than copy them.
  const data = hasNull(spec) ? withoutNulls(spec) : spec;
  if (validator(data)) return [];
  return explainErrors(validator.errors ?? [], data, navigator());
}

/**
 * Kubernetes decodes `key: null` (and `key:` with no value) as "not set": drop such keys
 * before validating, so that empty annotations or resources are fine and a required field
 * left empty is reported as missing.
 */
function hasNull(value: unknown): boolean {
  if (value === null) return true;
  if (typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(hasNull);
  for (const k in value) if (hasNull((value as Record<string, unknown>)[k])) return true;
  return false;
}

function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) out[k] = withoutNulls(v);
  return out;
}

const LABEL_MAPS: readonly (readonly string[])[] = [
  ['metadata', 'labels'],
  ['spec', 'template', 'metadata', 'labels'],
  ['spec', 'jobTemplate', 'metadata', 'labels'],
  ['spec', 'jobTemplate', 'spec', 'template', 'metadata', 'labels'],
  ['spec', 'selector', 'matchLabels'],
];
const ANNOTATION_MAPS: readonly (readonly string[])[] = [
  ['metadata', 'annotations'],
  ['spec', 'template', 'metadata', 'annotations'],
  ['spec', 'jobTemplate', 'spec', 'template', 'metadata', 'annotations'],
];

/** Name, namespace, label and annotation syntax. `builtin`: the kind's name rule applies and a name is required. */
function metadataProblems(value: Record<string, unknown>, kind: string, builtin: boolean, requireName = builtin): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  const metadata = record(value.metadata);
  if (requireName && !NAMELESS_KINDS.has(kind)) {
    const hasName = typeof metadata?.name === 'string' && metadata.name !== '';
    const hasGenerate = typeof metadata?.generateName === 'string' && metadata.generateName !== '';
    if (!hasName && !hasGenerate) out.push({ messageId: 'missingName', path: metadata ? ['metadata'] : [], at: 'parent', data: { kind } });
  }
  if (metadata && builtin) {
    const rule = nameRuleOf(kind);
    if (typeof metadata.name === 'string' && metadata.name !== '') {
      const why = checkName(rule, metadata.name);
      if (why) out.push({ messageId: 'invalidName', path: ['metadata', 'name'], at: 'value', data: { field: 'metadata.name', name: metadata.name, kind, why } });
    } else if (typeof metadata.generateName === 'string' && metadata.generateName !== '') {
      // As the API server does: a trailing "-" is fine, the random suffix follows it.
      const why = checkName(rule, metadata.generateName.replace(/-$/, 'a'));
      if (why) out.push({ messageId: 'invalidName', path: ['metadata', 'generateName'], at: 'value', data: { field: 'metadata.generateName', name: metadata.generateName, kind, why } });
    }
  }
  if (metadata && typeof metadata.namespace === 'string' && metadata.namespace !== '') {
    const why = dns1123Label(metadata.namespace);
    if (why) out.push({ messageId: 'invalidNamespace', path: ['metadata', 'namespace'], at: 'value', data: { namespace: metadata.namespace, why } });
  }
  const selectorPaths = kind === 'Service' ? [...LABEL_MAPS, ['spec', 'selector']] : LABEL_MAPS;
  for (const path of selectorPaths) {
    const labels = record(valueAt(value, path));
    if (!labels) continue;
    for (const [key, v] of Object.entries(labels)) {
      const keyWhy = checkQualifiedKey(key);
      if (keyWhy) out.push({ messageId: 'invalidLabelKey', path: [...path, key], at: 'key', data: { key, why: keyWhy } });
      if (typeof v === 'string') {
        const valueWhy = checkLabelValue(v);
        if (valueWhy) out.push({ messageId: 'invalidLabelValue', path: [...path, key], at: 'value', data: { key, value: v, why: valueWhy } });
      }
    }
  }
  for (const path of ANNOTATION_MAPS) {
    const annotations = record(valueAt(value, path));
    if (!annotations) continue;
    for (const key of Object.keys(annotations)) {
      const why = checkQualifiedKey(key);
      if (why) out.push({ messageId: 'invalidAnnotationKey', path: [...path, key], at: 'key', data: { key, why } });
    }
  }
  return out;
}

const record = (v: unknown): Record<string, unknown> | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);

function valueAt(value: unknown, path: readonly string[]): unknown {
  let node = value;
  for (const segment of path) node = record(node)?.[segment];
  return node;
}

/** Where a problem's finding goes in the object's YAML. */
export function problemSpan(object: KubernetesObject, problem: SchemaProblem): Span {
  const root = object.yaml;
  const path = problem.path;
  if (problem.at === 'key' && path.length > 0) {
    const parent = resolvePath(root, path.slice(0, -1));
    const node = deref(parent.node);
    const last = path[path.length - 1]!;
    if (parent.matched === path.length - 1 && node?.kind === 'map' && typeof last === 'string') {
      const pair = pairOf(node, last);
      if (pair) return pair.key.span;
    }
    return spanAt(root, path);
  }
  if (problem.at === 'parent' && path.length === 0) return headOf(root);
  return spanAt(root, path);
}

/** The object's `kind:` line (or its first entry): where "this object lacks …" is reported. */
function headOf(root: YMap): Span {
  const pair = pairOf(root, 'kind') ?? pairOf(root, 'apiVersion') ?? root.pairs[0];
  if (!pair) return root.span;
  return { start: pair.span.start, end: pair.value?.span.end ?? pair.key.span.end };
}
