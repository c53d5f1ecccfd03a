/** File paths as CI tools want them: relative to the checkout root, `/`-separated. */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { ReportContext } from './types.js';

/** Findings carry paths relative to cwd; re-base them on `context.root` when it differs. */
export function rootRelativePath(file: string, context: ReportContext): string {
  if (!context.root || file === '<stdin>' || resolve(context.root) === resolve(context.cwd)) return file;
  const rel = relative(context.root, resolve(context.cwd, file));
  if (rel.startsWith('..') || isAbsolute(rel)) return file;
  return rel.split(sep).join('/');
}

/** A relative path as a URI reference (SARIF artifactLocation.uri). */
export function pathToUriReference(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
