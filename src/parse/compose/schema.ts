/**
 * Validation against the compose-spec JSON schema (schemas/compose-spec.json), after
 * interpolation as Compose does. The validator is pre-compiled by the build
 * (build/generated/compose-spec-validator.cjs); without it the schema is compiled here.
 * Ajv's errors become one readable message per problem, on the node that has it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../../core/package-info.js';
import { closest } from '../../core/suggest.js';
import type { Locatable } from '../../core/types.js';
import { formatPath } from '../yaml/parse.js';
import { toPlain, valueAt, type CMap } from './tree.js';

export interface SchemaProblem {
  node: Locatable;
  message: string;
}

interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
  parentSchema?: Record<string, unknown>;
  data?: unknown;
}

type Validate = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

let validator: Validate | undefined;

function loadValidator(): Validate {
  if (validator) return validator;
  const require = createRequire(import.meta.url);
  // Beside the bundle in the GitHub Action (dist/action/generated/), else where the build writes it.
  const beside = fileURLToPath(new URL('generated/compose-spec-validator.cjs', import.meta.url));
  const compiled = existsSync(beside) ? beside : join(packageRoot(), 'build', 'generated', 'compose-spec-validator.cjs');
  if (existsSync(compiled)) {
    validator = require(compiled) as Validate;
  } else {
    // Not built (a checkout run through tsx): compile now, slower but the same.
    const Ajv = (require('ajv') as { default: new (o: object) => { compile(s: object): Validate } }).default;
    const schema = JSON.parse(readFileSync(join(packageRoot(), 'schemas', 'compose-spec.json'), 'utf8')) as object;
    validator = new Ajv({ allErrors: true, strict: false, validateSchema: false, verbose: true }).compile(schema);
  }
  return validator;
}

/** Every schema problem of one file's tree. */
export function validateComposeTree(tree: CMap): SchemaProblem[] {
  const validate = loadValidator();
  const plain = toPlain(tree) as Record<string, unknown>;
  // Compose reads an empty service (`web:`) as an empty mapping.
  const services = plain.services;
  if (services && typeof services === 'object' && !Array.isArray(services)) {
    for (const [name, value] of Object.entries(services)) if (value === null) (services as Record<string, unknown>)[name] = {};
  }
  if (validate(plain)) return [];
  const errors = validate.errors ?? [];
  const out: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const { path, message, key } of explain(errors)) {
    const segments = pointer(path);
    const at = valueAt(tree, key === undefined ? segments : [...segments, key]);
    // A value made of a variable without a value is reported as that variable.
    if (at.matched === segments.length && at.value.kind === 'scalar' && at.value.unresolved) continue;
    const node = at.key ?? at.value.node;
    const id = `${node.span.start}:${message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ node, message });
  }
  return out;
}

function pointer(path: string): string[] {
  return path === '' ? [] : path.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

interface Explained {
  path: string;
  message: string;
  /** A property below `path` to point at (an unknown key). */
  key?: string;
}

/** Turns Ajv's errors into messages: one per problem, alternatives (oneOf) resolved to the branch that fits. */
function explain(errors: AjvError[]): Explained[] {
  const alternatives = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  const hidden = new Set<AjvError>();
  const out: Explained[] = [];
  // Innermost alternatives first, so an outer one sees what its branches left.
  alternatives.sort((a, b) => b.schemaPath.length - a.schemaPath.length);
  for (const alt of alternatives) {
    const prefix = `${alt.schemaPath}/`;
    const branches = new Map<string, AjvError[]>();
    for (const e of errors) {
      if (e === alt || !e.schemaPath.startsWith(prefix)) continue;
      const index = e.schemaPath.slice(prefix.length).split('/')[0]!;
      branches.set(index, [...(branches.get(index) ?? []), e]);
      hidden.add(e);
    }
    hidden.add(alt);
    if (branches.size === 0) {
      out.push({ path: alt.instancePath, message: `${label(alt.instancePath)} matches more than one of the allowed forms` });
      continue;
    }
    // A branch whose type fits the value explains the problem best; otherwise say which types fit.
    const fitting = [...branches.values()].filter((list) => !list.some((e) => e.keyword === 'type' && e.instancePath === alt.instancePath));
    if (fitting.length > 0) {
      const best = fitting.reduce((a, b) => (score(b) < score(a) ? b : a));
      for (const e of best) hidden.delete(e);
      continue;
    }
    const types = [...branches.values()].flatMap((list) => list.filter((e) => e.keyword === 'type' && e.instancePath === alt.instancePath).map((e) => String(e.params.type)));
    out.push({ path: alt.instancePath, message: `${label(alt.instancePath)} must be ${typeList(types)}, not ${typeOf(alt.data)}` });
  }
  for (const e of errors) if (!hidden.has(e)) out.push(describe(e));
  return out;
}

/** Fewer, deeper errors mean a closer match. */
function score(list: AjvError[]): number {
  return list.length * 100 - Math.max(...list.map((e) => e.instancePath.length));
}

function describe(e: AjvError): Explained {
  const where = label(e.instancePath);
  switch (e.keyword) {
    case 'type':
      return { path: e.instancePath, message: `${where} must be ${typeList(String(e.params.type).split(','))}, not ${typeOf(e.data)}` };
    case 'additionalProperties': {
      const key = String(e.params.additionalProperty);
      const known = Object.keys((e.parentSchema?.properties as Record<string, unknown> | undefined) ?? {});
      const suggestion = known.length > 0 ? closest(key, known) : undefined;
      const message = known.length > 0
        ? `${where} has no attribute "${key}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`
        : `"${key}" is not a valid name in ${where}: use letters, digits, ".", "_" and "-"`;
      return { path: e.instancePath, key, message };
    }
    case 'required':
      return { path: e.instancePath, message: `${where} needs "${String(e.params.missingProperty)}"` };
    case 'enum': {
      const allowed = (e.params.allowedValues as unknown[] | undefined) ?? [];
      return { path: e.instancePath, message: `${where} must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}` };
    }
    case 'const':
      return { path: e.instancePath, message: `${where} must be ${JSON.stringify(e.params.allowedValue)}` };
    case 'pattern':
      return { path: e.instancePath, message: `${where} ("${String(e.data)}") must match ${String(e.params.pattern)}` };
    case 'uniqueItems':
      return { path: `${e.instancePath}/${String(e.params.i)}`, message: `${where} lists the same value twice (items ${Number(e.params.j) + 1} and ${Number(e.params.i) + 1})` };
    case 'minItems':
      return { path: e.instancePath, message: `${where} needs at least ${String(e.params.limit)} item${e.params.limit === 1 ? '' : 's'}` };
    case 'maxItems':
      return { path: e.instancePath, message: `${where} allows at most ${String(e.params.limit)} items` };
    case 'minimum':
    case 'maximum':
      return { path: e.instancePath, message: `${where} must be ${e.keyword === 'minimum' ? 'at least' : 'at most'} ${String(e.params.limit)}` };
    case 'dependencies':
    case 'dependentRequired':
      return { path: e.instancePath, message: `${where} needs "${String(e.params.missingProperty)}" when "${String(e.params.property)}" is set` };
    case 'not':
      return { path: e.instancePath, message: `${where} is not allowed in this form` };
    default:
      return { path: e.instancePath, message: `${where} ${e.message ?? 'is invalid'}` };
  }
}

function label(path: string): string {
  const segments = pointer(path).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  return segments.length === 0 ? 'The file' : `"${formatPath(segments)}"`;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
  null: 'empty',
};

function typeList(types: string[]): string {
  const names = [...new Set(types.map((t) => TYPE_NAMES[t] ?? t))];
  if (names.length <= 1) return names[0] ?? 'something else';
  return `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

function typeOf(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'boolean') return `${String(value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  return `the string ${JSON.stringify(value).slice(0, 60)}`;
}
