// What a one-file run loads: start-up is paid on every commit and keystroke, so the heavy
// packages (yaml, Ajv, cosmiconfig, tree-sitter, diff) must load only when a run needs them.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tree } from '../helpers/tree.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'plimsoll.js');

// Preloaded into the CLI's process: at exit, prints the npm packages loaded through require
// (the CommonJS ones: yaml, Ajv, picomatch…); ESM packages are checked by the bundle's imports.
const REPORTER = `process.on('exit', () => {
  const names = Object.keys(require('module')._cache)
    .filter((p) => p.includes('node_modules'))
    .map((p) => p.slice(p.lastIndexOf('node_modules') + 13).split(/[\\\\/]/))
    .map((s) => (s[0].startsWith('@') ? s[0] + '/' + s[1] : s[0]));
  process.stderr.write('LOADED ' + JSON.stringify([...new Set(names)].sort()) + '\\n');
});`;

function loadedBy(file: string, content: string): string[] {
  const cwd = tree({ [file]: content, 'reporter.cjs': REPORTER });
  const run = spawnSync(process.execPath, ['--require', join(cwd, 'reporter.cjs'), BIN, '--no-config', file], { cwd, encoding: 'utf8' });
  const line = run.stderr.split('\n').find((l) => l.startsWith('LOADED '));
  expect(line, run.stderr).toBeDefined();
  return JSON.parse(line!.slice('LOADED '.length)) as string[];
}

describe('a one-file run', () => {
  it('reads a plain manifest without the yaml package, Ajv or cosmiconfig', () => {
    const loaded = loadedBy('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: fast\n');
    for (const heavy of ['yaml', 'ajv', 'cosmiconfig', 'diff']) expect(loaded).not.toContain(heavy);
  });

  it('loads the yaml package when a manifest needs it (a syntax error)', () => {
    expect(loadedBy('broken.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x\n')).toContain('yaml');
  });
});
