/** Temporary folders with given files, for config, discovery and CLI tests; removed after each test file. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';

const roots: string[] = [];
let registered = false;

/** Creates a fresh folder holding `files` (path → content); returns its absolute path. */
export function tree(files: Record<string, string | Buffer>): string {
  if (!registered) {
    registered = true;
    afterAll(() => {
      for (const root of roots) rmSync(root, { recursive: true, force: true });
    });
  }
  const root = mkdtempSync(join(tmpdir(), 'plimsoll-test-'));
  roots.push(root);
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return root;
}
