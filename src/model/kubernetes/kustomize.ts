/**
 * Kustomize patches among the linted files. A strategic-merge patch is a partial object
 * (a Deployment with only the fields it changes), so the checks that need a whole object
 * — required fields, containers without images, probes — do not apply to it; the rendered
 * manifest is what should be checked. Found from every kustomization in the linted set.
 */
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { registerCollector } from '../../core/environment.js';

declare module '../../core/environment.js' {
  interface ProjectFacts {
    /** Absolute paths of the files some linted kustomization uses as patches. */
    kustomizePatches?: ReadonlySet<string>;
  }
}

registerCollector((files, env) => {
  const patches = new Set<string>();
  for (const file of files) {
    if (file.format !== 'kustomize' || !file.absolute) continue;
    const folder = dirname(file.absolute);
    for (const path of patchPaths(file.text)) patches.add(resolve(folder, path));
  }
  if (patches.size > 0) env.project.kustomizePatches = patches;
});

/** The local files a kustomization names as patches (strategic merge or JSON 6902). */
export function patchPaths(text: string): string[] {
  let doc: unknown;
  try {
    doc = parse(text, { logLevel: 'silent', maxAliasCount: 100 });
  } catch {
    return [];
  }
  if (!isRecord(doc)) return [];
  const out: string[] = [];
  const add = (v: unknown) => {
    if (typeof v === 'string' && v !== '' && !v.includes('\n') && !/^[a-z]+:\/\//i.test(v)) out.push(v);
  };
  for (const key of ['patchesStrategicMerge', 'patches', 'patchesJson6902']) {
    const list = doc[key];
    if (!Array.isArray(list)) continue;
    for (const item of list) add(isRecord(item) ? item.path : item);
  }
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
