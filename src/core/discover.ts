/** Turns paths, folders and globs into the list of files to lint (globby, .gitignore honoured). */
import { lstat, stat } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { isCandidateName } from './detect.js';

export interface DiscoveredFile {
  /** Absolute path. */
  absolute: string;
  /** Relative to cwd, `/`-separated: what every output shows. */
  display: string;
  /** Named on the command line: read by content whatever its name. */
  explicit: boolean;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];
const GLOB_CHARS = /[*?[\]{}!]/;

export function displayPath(cwd: string, absolute: string): string {
  const rel = relative(cwd, absolute);
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

export async function discoverFiles(patterns: readonly string[], cwd: string): Promise<DiscoveredFile[]> {
  const found = new Map<string, DiscoveredFile>();
  const add = (absolute: string, explicit: boolean) => {
    const prev = found.get(absolute);
    if (!prev || (explicit && !prev.explicit)) found.set(absolute, { absolute, display: displayPath(cwd, absolute), explicit });
  };
  const globs: string[] = [];
  const folders: string[] = [];
  for (const pattern of patterns.length > 0 ? patterns : ['.']) {
    const absolute = resolve(cwd, pattern);
    const info = await stat(absolute).catch(() => undefined);
    if (info?.isFile()) add(absolute, true);
    else if (info?.isDirectory()) folders.push(absolute);
    else if (GLOB_CHARS.test(pattern)) globs.push(pattern);
    // A broken symbolic link is there but cannot be read: a finding on it, not a usage error.
    else if (await lstat(absolute).then((l) => l.isSymbolicLink(), () => false)) add(absolute, true);
    else throw new UsageError(`No such file or folder: ${pattern}`);
  }
  if (folders.length > 0 || globs.length > 0) {
    const { globby } = await import('globby');
    for (const folder of folders) {
      // Symbolic links to folders are not followed (no loops); links to files are linted, and
      // a broken link with a candidate name is reported as unreadable rather than skipped.
      const entries = await globby('**/*', {
        cwd: folder,
        gitignore: true,
        ignore: ALWAYS_IGNORED,
        dot: true,
        absolute: true,
        followSymbolicLinks: false,
        onlyFiles: false,
        objectMode: true,
      });
      for (const entry of entries) {
        if (entry.dirent.isDirectory() || !isCandidateName(entry.path)) continue;
        if (entry.dirent.isSymbolicLink() && (await stat(entry.path).then((s) => s.isDirectory(), () => false))) continue;
        add(resolve(entry.path), false);
      }
    }
    if (globs.length > 0) {
      const paths = await globby(globs, { cwd, gitignore: true, ignore: ALWAYS_IGNORED, dot: true, absolute: true });
      if (paths.length === 0) throw new UsageError(`No files match ${globs.join(', ')}`);
      for (const p of paths) add(resolve(p), false);
    }
  }
  return [...found.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
}
