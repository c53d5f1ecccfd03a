/**
 * Schemas for custom resources: the CustomResourceDefinitions among the linted files
 * (collected before any file is linted), then each `--schema-location` in order — a folder
 * or file of CRDs (YAML/JSON), or kubeconform-style JSON schemas named `{kind}_{version}.json`
 * (lower-case kind) directly in the folder or under `{group}/` (the CRDs-catalog layout).
 * Validators are compiled with Ajv at run time, only for kinds that occur, and cached for
 * the process (keyed by the schema itself, so an edited CRD gets a new validator).
 *
 * CRD files can be megabytes: they are indexed by a cheap scan for the kinds they may
 * define and parsed only when an object of such a kind needs them; a CRD schema is compiled
 * pruned to what each object reaches (prune.ts), cached by the pruned schema.
 */
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { registerCollector, type LintEnvironment } from '../../../core/environment.js';
import { parseYaml, type YamlDocument } from '../../../parse/yaml/parse.js';
import { crdInfoOf, customResourceSchema, type CrdInfo } from './crd-schema.js';
import { isPrunable, pruneSchema } from './prune.js';
import type { JsonSchema, Validator } from './types.js';

declare module '../../../core/environment.js' {
  interface ProjectFacts {
    /** Linted files that may hold CustomResourceDefinitions (parsed on first need). */
    kubernetesCrdFiles?: CrdFile[];
  }
}

/** A file that may define custom resources: its documents that may hold a CRD, with the kinds each may define. */
export interface CrdFile {
  display: string;
  parts: CrdText[];
}

export interface CrdText {
  text: string;
  /** Where it starts in the file (without a BOM). */
  start: number;
  /** Every value written after a `kind:` key (a superset); undefined when the scan cannot tell. */
  kinds: ReadonlySet<string> | undefined;
}

const MAYBE_CRD = /["']?kind["']?\s*:\s*["']?CustomResourceDefinition\b/;
const KIND_VALUE = /\bkind["']?\s*:[ \t]*([^\s,}\]#]*)/g;
const DOCUMENT_START = /^---(?=[ \n]|$)/gm;

/** The values written after `kind:` anywhere in the text; undefined if some could hide behind an alias, a tag or an escape. */
function kindsIn(text: string): Set<string> | undefined {
  const kinds = new Set<string>();
  for (const m of text.matchAll(KIND_VALUE)) {
    const token = m[1]!.replace(/^["']|["']$/g, '');
    if (token === '' || /^[*!&|>]/.test(token) || token.includes('\\')) return undefined;
    kinds.add(token);
  }
  return kinds;
}

/**
 * The documents of a file that may hold a CRD. A `---` line always starts a document, so
 * each is read on its own as it would be in the file; files with directives or `...`
 * markers are kept whole.
 */
function crdParts(raw: string): CrdText[] {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (/^(%|\.\.\.)/m.test(text)) return [{ text, start: 0, kinds: kindsIn(text) }];
  const starts = [0, ...[...text.matchAll(DOCUMENT_START)].map((m) => m.index).filter((i) => i > 0)];
  const parts: CrdText[] = [];
  starts.forEach((start, i) => {
    const part = text.slice(start, starts[i + 1] ?? text.length);
    if (MAYBE_CRD.test(part)) parts.push({ text: part, start, kinds: kindsIn(part) });
  });
  return parts;
}

registerCollector((files, env) => {
  const found = files
    .filter((f) => f.format === 'kubernetes' && MAYBE_CRD.test(f.text))
    .map((f): CrdFile => ({ display: f.display, parts: crdParts(f.text) }));
  if (found.length === 0) return;
  env.project.kubernetesCrdFiles = found;
  // Linted first: their own parse then gives the catalog their CRDs (see noteParsed).
  env.project.lintFirst ??= new Set();
  for (const f of found) env.project.lintFirst.add(f.display);
});

export type CustomLookup =
  | { status: 'found'; validator: Validator; schema: JsonSchema; source: string }
  | { status: 'open'; source: string }
  | { status: 'notServed'; served: string[]; source: string }
  | { status: 'broken'; reason: string; source: string }
  | { status: 'missing' };

interface JsonSchemaDir {
  dir: string;
  names: Set<string>;
}

class CustomSchemaCatalog {
  /** CRDs from the schema locations, read on the first lookup. */
  private locationCrds: Map<string, CrdInfo> | undefined;
  private jsonDirs: JsonSchemaDir[] = [];
  private readonly lookups = new Map<string, CustomLookup>();
  private byDisplay: Map<string, CrdFile> | undefined;
  /** The CRDs of each document that was parsed. */
  private readonly partCrds = new Map<CrdText, Map<string, CrdInfo>>();

  constructor(private readonly env: LintEnvironment) {}

  lookup(group: string, version: string, kind: string): CustomLookup {
    const key = `${group}/${version} ${kind}`;
    let result = this.lookups.get(key);
    if (!result) {
      result = this.find(group, version, kind);
      this.lookups.set(key, result);
    }
    return result;
  }

  private find(group: string, version: string, kind: string): CustomLookup {
    const crd = this.crdOf(group, kind);
    if (crd) {
      const v = crd.versions.find((x) => x.name === version && x.served);
      if (!v) return { status: 'notServed', served: crd.versions.filter((x) => x.served).map((x) => x.name), source: crd.source };
      if (!v.schema) return { status: 'open', source: crd.source };
      return compiled(customResourceSchema(v.schema), crd.source);
    }
    const fileName = `${kind.toLowerCase()}_${version}.json`;
    for (const { dir, names } of this.jsonDirs) {
      for (const candidate of [`${group}/${fileName}`, fileName]) {
        if (!names.has(candidate)) continue;
        const path = join(dir, candidate);
        const text = this.env.host.readFile(path);
        if (text === undefined) continue;
        try {
          return compiled(jsonSchemaFile(JSON.parse(text) as JsonSchema), path);
        } catch (error) {
          return { status: 'broken', reason: `${path} is not valid JSON (${(error as Error).message})`, source: path };
        }
      }
    }
    return { status: 'missing' };
  }

  /**
   * The first CRD for a group and kind: the linted files in order (each parsed when it may
   * define the kind), then the schema locations.
   */
  private crdOf(group: string, kind: string): CrdInfo | undefined {
    const key = `${group} ${kind}`;
    for (const file of this.env.project.kubernetesCrdFiles ?? []) {
      for (const part of file.parts) {
        if (part.kinds && !part.kinds.has(kind)) continue;
        const found = this.crdsOf(part, file.display).get(key);
        if (found) return found;
      }
    }
    if (!this.locationCrds) {
      this.locationCrds = new Map();
      for (const location of this.env.schemaLocations ?? []) this.addLocation(resolve(location));
    }
    return this.locationCrds.get(key);
  }

  /**
   * The CRDs of a linted file, from its own parse: what lookups would otherwise parse again.
   * Files holding CRDs are linted first (lint-files.ts), so this usually comes first.
   */
  noteParsed(display: string, documents: readonly YamlDocument[]): void {
    this.byDisplay ??= new Map((this.env.project.kubernetesCrdFiles ?? []).map((f) => [f.display, f]));
    const file = this.byDisplay.get(display);
    if (!file) return;
    file.parts.forEach((part, i) => {
      if (this.partCrds.has(part)) return;
      const end = file.parts[i + 1]?.start ?? Infinity;
      const crds = new Map<string, CrdInfo>();
      for (const doc of documents) if (doc.span.start >= part.start && doc.span.start < end) addCrdsOf(crds, doc.value, display);
      this.partCrds.set(part, crds);
    });
  }

  private crdsOf(part: CrdText, source: string): Map<string, CrdInfo> {
    let crds = this.partCrds.get(part);
    if (!crds) {
      crds = new Map();
      addCrds(crds, part.text, source);
      this.partCrds.set(part, crds);
    }
    return crds;
  }

  private addLocation(path: string): void {
    const host = this.env.host;
    const entries = host.listDirectory?.(path);
    if (!entries) {
      const text = host.readFile(path);
      if (text !== undefined && MAYBE_CRD.test(text)) addCrds(this.locationCrds!, text, path);
      return;
    }
    const names = new Set<string>();
    const visit = (dir: string, prefix: string, depth: number) => {
      for (const entry of host.listDirectory?.(dir) ?? []) {
        if (entry.endsWith('/')) {
          if (depth < 1) visit(join(dir, entry), `${prefix}${entry}`, depth + 1);
        } else if (entry.endsWith('.json') && /_[^_]+\.json$/.test(entry)) names.add(`${prefix}${entry}`);
        else if (/\.(ya?ml|json)$/.test(entry)) {
          const text = host.readFile(join(dir, entry));
          if (text !== undefined && MAYBE_CRD.test(text)) addCrds(this.locationCrds!, text, join(dir, entry));
        }
      }
    };
    visit(path, '', 0);
    this.jsonDirs.push({ dir: path, names });
  }
}

/** The CRDs of a text, first one per group and kind. */
function addCrds(crds: Map<string, CrdInfo>, text: string, source: string): void {
  for (const doc of parseYaml(text, { version: '1.1' }).documents) addCrdsOf(crds, doc.value, source);
}

function addCrdsOf(crds: Map<string, CrdInfo>, documentValue: unknown, source: string): void {
  const values = isList(documentValue) ? (documentValue as { items: unknown[] }).items : [documentValue];
  for (const value of values) {
    const info = crdInfoOf(value, source);
    const key = info && `${info.group} ${info.kind}`;
    if (info && !crds.has(key!)) crds.set(key!, info);
  }
}

const isList = (v: unknown): boolean =>
  typeof v === 'object' && v !== null && Array.isArray((v as { items?: unknown }).items) && String((v as { kind?: unknown }).kind).endsWith('List');

/** kubeconform-style schemas may name a draft in `$schema` that Ajv does not load; the keywords are what matter. */
function jsonSchemaFile(schema: JsonSchema): JsonSchema {
  const { $schema: _drop, id: _id, ...rest } = schema;
  return rest;
}

const catalogs = new WeakMap<LintEnvironment, CustomSchemaCatalog>();

export function customSchemas(env: LintEnvironment): CustomSchemaCatalog {
  let catalog = catalogs.get(env);
  if (!catalog) {
    catalog = new CustomSchemaCatalog(env);
    catalogs.set(env, catalog);
  }
  return catalog;
}

// ---- run-time compilation, cached per process ----

const requireModule = createRequire(import.meta.url);
type AjvInstance = { compile(schema: JsonSchema): Validator };
let ajv: AjvInstance | undefined;
const compiledCache = new Map<string, Validator | Error>();
/** Pruned validators kept at most (each is small; a run meets few shapes per kind). */
const MAX_PRUNED = 4000;

function compile(schema: JsonSchema, key = JSON.stringify(schema)): Validator | Error {
  let validator = compiledCache.get(key);
  if (!validator) {
    try {
      if (!ajv) {
        // Loaded on first need: runs without custom resources never pay for Ajv.
        const Ajv = (requireModule('ajv') as { default: new (options: object) => AjvInstance }).default;
        ajv = new Ajv({ allErrors: true, strict: false, messages: false, validateFormats: false, validateSchema: false, addUsedSchema: false, code: { optimize: false } });
      }
      validator = ajv.compile(schema);
    } catch (error) {
      validator = error instanceof Error ? error : new Error(String(error));
    }
    if (compiledCache.size >= MAX_PRUNED) compiledCache.clear();
    compiledCache.set(key, validator);
  }
  return validator;
}

function compiled(schema: JsonSchema, source: string): CustomLookup {
  if (isPrunable(schema)) return { status: 'found', validator: prunedValidator(schema), schema, source };
  const validator = compile(schema);
  if (validator instanceof Error) return { status: 'broken', reason: `its schema cannot be compiled (${validator.message})`, source };
  return { status: 'found', validator, schema, source };
}

/**
 * Validates each object against the schema pruned to it (the same verdict and errors as
 * the whole schema). Once the pruned schemas compiled for this schema add up to its own
 * size (many objects of one kind, in many shapes), the whole schema is compiled instead.
 */
function prunedValidator(schema: JsonSchema): Validator {
  const wholeSize = JSON.stringify(schema).length;
  let spent = 0;
  let whole: Validator | undefined;
  // Objects of the same shape get the same pruned schema: look them up by shape, which is cheaper to write down.
  const byShape = new Map<string, Validator>();
  const validator: Validator = (data: unknown) => {
    let v = whole ?? byShape.get(shapeOf(data));
    if (!v) {
      const pruned = pruneSchema(schema, [data]) as JsonSchema;
      const key = JSON.stringify(pruned);
      if (!compiledCache.has(key)) spent += key.length;
      if (spent > wholeSize) {
        const full = compile(schema);
        if (!(full instanceof Error)) v = whole = full;
      }
      if (!v) {
        const compiledPruned = compile(pruned, key);
        if (compiledPruned instanceof Error) throw compiledPruned;
        v = compiledPruned;
        if (byShape.size >= MAX_PRUNED) byShape.clear();
        byShape.set(shapeOf(data), v);
      }
    }
    const ok = v(data);
    validator.errors = v.errors ?? null;
    return ok;
  };
  return validator;
}

/**
 * What pruneSchema reads of a value: which keys objects have (and what is below them),
 * which values are lists (and their elements); leaves are all alike.
 */
function shapeOf(value: unknown): string {
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += `${shapeOf(value[i])},`;
    return `${out}]`;
  }
  if (typeof value === 'object' && value !== null) {
    let out = '{';
    for (const key of Object.keys(value)) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out += `${JSON.stringify(key)}:${shapeOf(v)},`;
    }
    return `${out}}`;
  }
  return '.';
}
