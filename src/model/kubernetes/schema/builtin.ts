/**
 * The bundled schemas of Kubernetes' built-in kinds: the kind index per version
 * (schemas/kubernetes/<version>/kinds.json) and the validators compiled from it at build time
 * (build/kubernetes-validators/<version>/<apiVersion>.cjs, Ajv standalone code). Everything
 * is loaded on first use, per version and per apiVersion, so a run pays only for the kinds
 * it meets; nothing is compiled at run time.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../../../core/package-info.js';
import { bundledVersions } from '../versions.js';
import type { JsonSchema, Validator } from './types.js';

interface KindIndex {
  kubernetesVersion: string;
  source: string;
  apiVersions: Record<string, Record<string, string>>;
}

const requireModule = createRequire(import.meta.url);

export class BuiltinSchemas {
  private index: KindIndex | undefined;
  private definitionsCache: Record<string, JsonSchema> | undefined;
  private readonly modules = new Map<string, Record<string, Validator>>();

  constructor(readonly version: string) {}

  private kinds(): KindIndex {
    this.index ??= JSON.parse(readFileSync(join(packageRoot(), 'schemas', 'kubernetes', this.version, 'kinds.json'), 'utf8')) as KindIndex;
    return this.index;
  }

  /** Every apiVersion with kinds in this version. */
  apiVersions(): string[] {
    return Object.keys(this.kinds().apiVersions);
  }

  /** The kinds this version serves under `apiVersion`, or undefined when it serves none. */
  kindsOf(apiVersion: string): readonly string[] | undefined {
    const kinds = this.kinds().apiVersions[apiVersion];
    return kinds ? Object.keys(kinds) : undefined;
  }

  /** Every apiVersion that serves `kind` in this version. */
  apiVersionsOf(kind: string): string[] {
    return Object.entries(this.kinds().apiVersions)
      .filter(([, kinds]) => kind in kinds)
      .map(([apiVersion]) => apiVersion);
  }

  /** The definition id of a kind (`apps.v1.Deployment`), the root for explaining errors. */
  definitionOf(apiVersion: string, kind: string): string | undefined {
    return this.kinds().apiVersions[apiVersion]?.[kind];
  }

  validator(apiVersion: string, kind: string): Validator | undefined {
    if (!this.definitionOf(apiVersion, kind)) return undefined;
    let module = this.modules.get(apiVersion);
    if (!module) {
      const file = join(validatorsRoot(), this.version, moduleFileOf(apiVersion));
      try {
        module = requireModule(file) as Record<string, Validator>;
      } catch (error) {
        throw new Error(`the compiled Kubernetes ${this.version} validators are missing (${(error as Error).message.split('\n')[0]}); run "npm run build"`);
      }
      this.modules.set(apiVersion, module);
    }
    return module[kind];
  }

  /** All definitions (read only when a finding needs explaining: allowed fields, types). */
  definitions(): Record<string, JsonSchema> {
    this.definitionsCache ??= (
      JSON.parse(readFileSync(join(packageRoot(), 'schemas', 'kubernetes', this.version, 'definitions.json'), 'utf8')) as {
        definitions: Record<string, JsonSchema>;
      }
    ).definitions;
    return this.definitionsCache;
  }
}

/** Beside the bundle in the GitHub Action (dist/action/), else where `npm run build` writes them. */
function validatorsRoot(): string {
  const beside = fileURLToPath(new URL('kubernetes-validators', import.meta.url));
  return existsSync(beside) ? beside : join(packageRoot(), 'build', 'kubernetes-validators');
}

/** Same naming as scripts/compile-kubernetes-validators.mjs. */
function moduleFileOf(apiVersion: string): string {
  return `${apiVersion.includes('/') ? apiVersion.replace(/[^\w]/g, '_') : `core_${apiVersion}`}.cjs`;
}

const byVersion = new Map<string, BuiltinSchemas>();

export function builtinSchemas(version: string): BuiltinSchemas {
  let schemas = byVersion.get(version);
  if (!schemas) {
    schemas = new BuiltinSchemas(version);
    byVersion.set(version, schemas);
  }
  return schemas;
}

let groups: Set<string> | undefined;

/** API groups of Kubernetes itself, in any bundled version ('' is the core group). */
export function isBuiltinGroup(group: string): boolean {
  if (!groups) {
    groups = new Set();
    for (const version of bundledVersions()) {
      for (const apiVersion of builtinSchemas(version).apiVersions()) groups.add(groupOf(apiVersion));
    }
  }
  return groups.has(group);
}

export const groupOf = (apiVersion: string): string => (apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : '');
export const versionOf = (apiVersion: string): string => apiVersion.slice(apiVersion.lastIndexOf('/') + 1);
