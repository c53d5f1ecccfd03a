/**
 * Which files a cluster-wide declaration (a Namespace, a StorageClass) speaks for. A repository of
 * unrelated samples declares namespaces for some of them only, so a declaration says what exists
 * for the tree of its own folder — or, when its folder holds nothing but such declarations
 * (`k8s/namespaces/`), for the tree of the parent folder (`k8s/**`).
 */
import type { KubeObject } from './types.js';

export const folderOf = (path: string): string => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
const parentOf = (folder: string): string => (folder.includes('/') ? folder.slice(0, folder.lastIndexOf('/')) : '');

export interface DeclarationScopes {
  /** Every name declared, wherever. */
  names: ReadonlySet<string>;
  /** The names declared by the scopes that cover `path`; undefined when none does. */
  covering(path: string): Set<string> | undefined;
}

/** The folder whose tree each object of `kind` among `objects` speaks for. */
export function scopeOf(objects: readonly KubeObject[], kind: string): (o: KubeObject) => string {
  const others = new Set<string>(); // folders that also hold objects of other kinds
  for (const o of objects) if (o.kind !== kind) others.add(folderOf(o.file.path));
  return (o) => {
    const folder = folderOf(o.file.path);
    return others.has(folder) ? folder : parentOf(folder);
  };
}

/** Whether a file lies in the tree of a scope folder. */
export const withinScope = (path: string, scope: string): boolean => scope === '' || path.startsWith(`${scope}/`);

/** Scopes of the objects of `kind` (in the core or any group) among `objects`. */
export function declarationScopes(objects: readonly KubeObject[], kind: string): DeclarationScopes {
  const scope = scopeOf(objects, kind);
  const scopes = new Map<string, Set<string>>();
  const all = new Set<string>();
  for (const o of objects) {
    if (o.kind !== kind) continue;
    const folder = scope(o);
    let names = scopes.get(folder);
    if (!names) scopes.set(folder, (names = new Set()));
    names.add(o.name);
    all.add(o.name);
  }
  return {
    names: all,
    covering(path) {
      let found: Set<string> | undefined;
      for (const [folder, names] of scopes) {
        if (!withinScope(path, folder)) continue;
        found ??= new Set();
        for (const n of names) found.add(n);
      }
      return found;
    },
  };
}

/** A value a template engine fills in before apply (`${NS}`, `{{ .ns }}`, `$(NS)`): not a name to check. */
export const isTemplatePlaceholder = (value: string): boolean => /\$\{|\$\(|\{\{/.test(value);
