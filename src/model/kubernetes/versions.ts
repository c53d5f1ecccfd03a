/**
 * Target Kubernetes versions: which are accepted, and which bundled schema set validates
 * each. API removals and deprecations always use the exact target; schemas come from the
 * nearest bundled version at or above it (so fields added in between are not reported as
 * unknown), or the newest bundled one for targets past it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../core/package-info.js';
import { LIFECYCLE_KNOWN_UNTIL } from './api-lifecycle.js';

/** The oldest target accepted: the first release of the deprecation guide's tables. */
export const OLDEST_TARGET = '1.16';

let bundled: readonly string[] | undefined;

/** Bundled schema versions, oldest first (schemas/kubernetes/versions.json). */
export function bundledVersions(): readonly string[] {
  if (!bundled) {
    const text = readFileSync(join(packageRoot(), 'schemas', 'kubernetes', 'versions.json'), 'utf8');
    bundled = (JSON.parse(text) as { versions: string[] }).versions;
  }
  return bundled;
}

export const minorOf = (version: string): number => Number(version.split('.')[1]);

/** Compares `1.x` versions. */
export function compareVersions(a: string, b: string): number {
  return minorOf(a) - minorOf(b);
}

export interface TargetVersion {
  /** The version asked for (`x.y`): API lifecycle checks use it. */
  target: string;
  /** The bundled schema version that validates objects for it. */
  schema: string;
}

/** Why a `--kubernetes-version` value is not accepted, or undefined when it is. */
export function versionProblem(version: string): string | undefined {
  const m = /^v?(1)\.(\d+)(?:\.\d+)?$/.exec(version.trim());
  const list = bundledVersions().join(', ');
  const range = `${OLDEST_TARGET}–${LIFECYCLE_KNOWN_UNTIL}`;
  if (!m) return `--kubernetes-version expects a version like 1.30, got "${version}" (bundled schemas: ${list}; accepted: ${range}).`;
  const minor = Number(m[2]);
  if (minor < minorOf(OLDEST_TARGET) || minor > minorOf(LIFECYCLE_KNOWN_UNTIL)) {
    return `Kubernetes ${m[1]}.${minor} is not supported (bundled schemas: ${list}; accepted: ${range}).`;
  }
  return undefined;
}

/** Resolves a target (default: the newest bundled). Throws on a version `versionProblem` rejects. */
export function resolveTarget(version: string | undefined): TargetVersion {
  const versions = bundledVersions();
  const newest = versions[versions.length - 1]!;
  if (version === undefined) return { target: newest, schema: newest };
  const problem = versionProblem(version);
  if (problem) throw new Error(problem);
  const target = `1.${/^v?1\.(\d+)/.exec(version.trim())![1]}`;
  const schema = versions.find((v) => compareVersions(v, target) >= 0) ?? newest;
  return { target, schema };
}
