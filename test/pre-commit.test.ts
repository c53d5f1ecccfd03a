/**
 * The pre-commit hooks (.pre-commit-hooks.yaml): their file patterns, their entry run with
 * file names the way pre-commit passes them, and (when `pre-commit` is installed) the real
 * tool installing the hook from this checkout and running it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { onlyRules, runCli, tempProject } from './helpers/run-cli.js';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'plimsoll.js');

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  exclude?: string;
  require_serial?: boolean;
}
const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const hook = (id: string) => hooks.find((h) => h.id === id)!;

/** What pre-commit would pass to the hook: `files` searched (Python re.search), minus `exclude`. */
const selected = (h: Hook, paths: string[]) =>
  paths.filter((p) => new RegExp(h.files).test(p) && !(h.exclude && new RegExp(h.exclude).test(p)));

const TREE = {
  Dockerfile: 'FROM debian:12\nUSER app\nWORKDIR\n', // an error: WORKDIR needs an argument
  'services/api/Containerfile': 'FROM debian:12\nUSER app\n',
  'build/app.Dockerfile': 'FROM debian:12\nUSER app\n',
  'build/tools.dockerfile': 'FROM debian:12\nUSER app\n',
  'docker/Dockerfile.prod': 'FROM debian:12\nUSER app\nMAINTAINER Jane\n',
  'docker/Dockerfile-dev': 'FROM debian:12\nUSER app\nMAINTAINER Jane\n',
  'docker/Dockerfile.dockerignore': 'node_modules\n', // BuildKit's ignore file for docker/Dockerfile: skipped
  'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n',
  'deep/nested/docker-compose.override.yml': 'services:\n  web:\n    ports: ["80:80"]\n',
  'stack/app.compose.yaml': 'services:\n  db:\n    image: postgres:16\n',
  'k8s/web.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n  name: web2\ndata: {}\n',
  'k8s/list.json': '{"apiVersion": "v1", "kind": "List", "items": []}\n',
  '.github/workflows/ci.yml': 'on: push\njobs: {}\n',
  'package.json': '{"name": "x"}\n',
  'chart/values.yaml': 'replicas: 2\n',
  'README.md': '# readme\n',
  'Dockerfile.md': 'not a Dockerfile, but named like one\n',
  // The rules the expectations rely on; itself a YAML file the hooks are given and skip.
  'plimsoll.config.yaml': onlyRules('dockerfile-syntax', 'maintainer-deprecated', 'yaml-syntax', 'yaml-duplicate-key'),
};
const PATHS = Object.keys(TREE).sort();

describe('.pre-commit-hooks.yaml', () => {
  it('declares node hooks that run plimsoll --skip-unknown in one process', () => {
    expect(hooks.map((h) => h.id)).toEqual(['plimsoll', 'plimsoll-dockerfile', 'plimsoll-compose', 'plimsoll-kubernetes']);
    for (const h of hooks) {
      expect(h.language).toBe('node');
      expect(h.entry).toBe('plimsoll --skip-unknown');
      expect(h.require_serial).toBe(true);
    }
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.bin.plimsoll).toBe('bin/plimsoll.js');
    expect(pkg.scripts.prepare).toBeDefined(); // pre-commit's `npm install` builds the package
  });

  it('picks Dockerfiles by every documented name, compose files at any depth, and YAML/JSON', () => {
    expect(selected(hook('plimsoll-dockerfile'), PATHS)).toEqual([
      'Dockerfile',
      'Dockerfile.md',
      'build/app.Dockerfile',
      'build/tools.dockerfile',
      'docker/Dockerfile-dev',
      'docker/Dockerfile.dockerignore',
      'docker/Dockerfile.prod',
      'services/api/Containerfile',
    ]);
    expect(selected(hook('plimsoll-compose'), PATHS)).toEqual(['compose.yaml', 'deep/nested/docker-compose.override.yml', 'stack/app.compose.yaml']);
    expect(selected(hook('plimsoll-kubernetes'), PATHS)).toEqual([
      '.github/workflows/ci.yml',
      'chart/values.yaml',
      'k8s/list.json',
      'k8s/web.yaml',
      'package.json',
      'plimsoll.config.yaml',
    ]);
    expect(selected(hook('plimsoll'), PATHS)).toEqual(PATHS.filter((p) => p !== 'README.md'));
  });
});

/** Runs a hook's entry as pre-commit does: the entry's words, then the selected file names. */
function runHook(h: Hook, cwd: string) {
  const [command, ...args] = h.entry.split(' ');
  expect(command).toBe('plimsoll');
  return spawnSync(process.execPath, [BIN, ...args, ...selected(h, PATHS)], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

describe('the hook entry, with file names as pre-commit passes them', () => {
  const dir = tempProject(TREE);

  it('lints the recognised files and skips the others silently', () => {
    const run = runHook(hook('plimsoll'), dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Dockerfile\n  3:1');
    expect(run.stdout).toContain('docker/Dockerfile.prod');
    expect(run.stdout).toContain('docker/Dockerfile-dev');
    expect(run.stdout).not.toContain('Dockerfile.dockerignore');
    expect(run.stdout).toContain('k8s/web.yaml');
    for (const skipped of ['ci.yml', 'package.json', 'values.yaml', 'plimsoll.config.yaml']) expect(run.stdout).not.toContain(skipped);
    // Twelve files are recognised (Dockerfile.md by its name, as CONTRACTS.md says).
    expect(run.stdout).toMatch(/in 12 files\.\n/);
  });

  it('passes when only unrecognised files are staged', () => {
    const only = spawnSync(process.execPath, [BIN, '--skip-unknown', '.github/workflows/ci.yml', 'chart/values.yaml', 'package.json'], { cwd: dir, encoding: 'utf8' });
    expect(only.status).toBe(0);
    expect(only.stdout).toContain('No problems in 0 files');
  });

  it('keeps the plain CLI contract: named files are read by content', async () => {
    const plain = await runCli(['-f', 'json', 'chart/values.yaml', 'README.md'], { cwd: dir });
    expect(JSON.parse(plain.stdout).files.map((f: { path: string; format: string }) => [f.path, f.format])).toEqual([
      ['README.md', 'yaml'],
      ['chart/values.yaml', 'yaml'],
    ]);
    const skipping = await runCli(['-f', 'json', '--skip-unknown', 'chart/values.yaml', 'README.md'], { cwd: dir });
    expect(JSON.parse(skipping.stdout).files).toEqual([]);
  });
});

const hasPreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
const hasGitCheckout = spawnSync('git', ['-C', ROOT, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).status === 0;
if (!hasPreCommit) console.warn('pre-commit.test: `pre-commit` is not installed (apt-get install pre-commit); the real-tool test is skipped.');

describe.skipIf(!hasPreCommit || !hasGitCheckout)('the real pre-commit', () => {
  it('installs the hook from this checkout with npm and runs it on staged files', { timeout: 600_000 }, () => {
    const repo = tempProject(TREE);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
    git('init', '-q');
    git('add', '-A');
    git('-c', 'user.email=test@example.com', '-c', 'user.name=test', 'commit', '-qm', 'init');
    const home = tempProject();
    const run = spawnSync('pre-commit', ['try-repo', ROOT, 'plimsoll', '--all-files', '--color', 'never'], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, PRE_COMMIT_HOME: home, NO_COLOR: '1' },
    });
    const output = run.stdout + run.stderr;
    expect(output).toMatch(/plimsoll\.+Failed/);
    expect(run.status, output).toBe(1);
    expect(output).toContain('WORKDIR requires at least one argument');
    expect(output).toContain('k8s/web.yaml');
    expect(output).not.toContain('values.yaml');
  });
});
