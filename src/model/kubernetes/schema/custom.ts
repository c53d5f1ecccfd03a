/**
 * Schemas for custom resources: the CustomResourceDefinitions among the linted files
 * (collected before any file is linted), then each `--schema-location` in order — a folder
 * or file of CRDs (YAML/JSON), or kubeconform-style JSON schemas named `{kind}_{version}.json`
 * (lower-case kind) directly in the folder or under `{group}/` (the CRDs-catalog layout).
 * Validators are compiled with Ajv at run time, only for kinds that occur, and cached for
 * the process (keyed by the schema itself, so an edited CRD gets a new validator).
 */
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { registerCollector, type LintEnvironment } from '../../../core/environment.js';
import { parseYaml } from '../../../parse/yaml/parse.js';
import { crdInfoOf, customResourceSchema, type CrdInfo } from './crd-schema.js';
import type { JsonSchema, Validator } from './types.js';

declare module '../../../core/environment.js' {
  interface ProjectFacts {
    /** Linted files that may hold CustomResourceDefinitions (parsed on first need). */
    kubernetesCrdFiles?: { display: string; text: string }[];
  }
}

const MAYBE_CRD = /["']?kind["']?\s*:\s*["']?CustomResourceDefinition\b/;

registerCollector((files, env) => {
  const found = files.filter((f) => f.format === 'kubernetes' && MAYBE_CRD.test(f.text)).map((f) => ({ display: f.display, text: f.text }));
  if (found.length > 0) env.project.kubernetesCrdFiles = found;
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
  private crds: Map<string, CrdInfo> | undefined;
  private jsonDirs: JsonSchemaDir[] = [];
  private readonly lookups = new Map<string, CustomLookup>();

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
    this.load();
    const crd = this.crds!.get(`${group} ${kind}`);
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

  /** Reads the CRDs of the linted files and the schema locations, once. */
  private load(): void {
    if (this.crds) return;
    this.crds = new Map();
    for (const file of this.env.project.kubernetesCrdFiles ?? []) this.addCrds(file.text, file.display);
    for (const location of this.env.schemaLocations ?? []) this.addLocation(resolve(location));
  }

  private addCrds(text: string, source: string): void {
    for (const doc of parseYaml(text, { version: '1.1' }).documents) {
      const values = isList(doc.value) ? (doc.value as { items: unknown[] }).items : [doc.value];
      for (const value of values) {
        const info = crdInfoOf(value, source);
        const key = info && `${info.group} ${info.kind}`;
        if (info && !this.crds!.has(key!)) this.crds!.set(key!, info);
      }
    }
  }

  private addLocation(path: string): void {
    const host = this.env.host;
    const entries = host.listDirectory?.(path);
    if (!entries) {
      const text = host.readFile(path);
      if (text !== undefined && MAYBE_CRD.test(text)) this.addCrds(text, path);
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
          if (text !== undefined && MAYBE_CRD.test(text)) this.addCrds(text, join(dir, entry));
        }
      }
    };
    visit(path, '', 0);
    this.jsonDirs.push({ dir: path, names });
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

function compiled(schema: JsonSchema, source: string): CustomLookup {
  const key = JSON.stringify(schema);
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
    compiledCache.set(key, validator);
  }
  if (validator instanceof Error) return { status: 'broken', reason: `its schema cannot be compiled (${validator.message})`, source };
  return { status: 'found', validator, schema, source };
}
