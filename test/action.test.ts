/**
 * The GitHub Action: action.yml, the committed bundle in dist/action (it must be what
 * scripts/bundle-action.mjs makes from the current sources), and the bundled entry run as
 * the runner runs it — in a copy of the action without node_modules, with INPUT_*,
 * GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and GITHUB_WORKSPACE set.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliArguments, INPUT_NAMES, readInputs } from '../src/action/inputs.js';
import { OUTPUT_NAMES, outputLine } from '../src/action/run.js';
// @ts-expect-error -- a plain ES module script without type declarations
import { bundleAction, DIST } from '../scripts/bundle-action.mjs';
import { tempProject } from './helpers/run-cli.js';

const ROOT = resolve(import.meta.dirname, '..');
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  runs: { using: string; main: string };
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
};

const filesUnder = (dir: string): string[] => (existsSync(dir) ? (readdirSync(dir, { recursive: true }) as string[]).filter((f) => statSync(join(dir, f)).isFile()) : []);

/** Relative paths of the files that differ between two folders (missing on either side included). */
function differingFiles(a: string, b: string): string[] {
  const names = [...new Set([...filesUnder(a), ...filesUnder(b)])].sort();
  return names.filter((n) => !existsSync(join(a, n)) || !existsSync(join(b, n)) || !readFileSync(join(a, n)).equals(readFileSync(join(b, n))));
}

describe('dist/action', () => {
  it('is what `npm run bundle` makes from the current sources', { timeout: 60_000 }, async () => {
    const fresh = join(tempProject(), 'action');
    await bundleAction(fresh);
    const stale = differingFiles(fresh, DIST);
    expect(stale, 'dist/action is out of date: run "npm run bundle" (or "npm test") and commit dist/').toEqual([]);
    expect(readdirSync(DIST).sort()).toEqual(['generated', 'index.mjs', 'kubernetes-validators', 'licenses.txt', 'tree-sitter-bash.wasm', 'web-tree-sitter.wasm']);
    expect(readdirSync(join(DIST, 'kubernetes-validators')).length).toBeGreaterThan(0);

    // The comparison notices a one-byte change.
    const tampered = join(tempProject(), 'action');
    cpSync(fresh, tampered, { recursive: true });
    writeFileSync(join(tampered, 'index.mjs'), `${readFileSync(join(tampered, 'index.mjs'), 'utf8')} `);
    expect(differingFiles(fresh, tampered)).toEqual(['index.mjs']);
  });
});

describe('action.yml', () => {
  it('runs the bundle on node24 and declares exactly the inputs and outputs the code uses', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/action/index.mjs' });
    expect(existsSync(join(ROOT, action.runs.main))).toBe(true);
    expect(Object.keys(action.inputs).sort()).toEqual([...INPUT_NAMES].sort());
    expect(Object.keys(action.outputs).sort()).toEqual([...OUTPUT_NAMES].sort());
  });

  it('turns the default inputs into a plain lint with annotations and SARIF', () => {
    const env = Object.fromEntries(Object.entries(action.inputs).map(([name, spec]) => [`INPUT_${name.toUpperCase()}`, spec.default ?? '']));
    expect(cliArguments(readInputs(env))).toEqual(['.', '--fail-on', 'error', '--format', 'stylish', '--format', 'github', '--format', 'sarif', '--output', 'plimsoll.sarif']);
  });

  it('forwards kubernetes-version and config, splits paths and formats, and honours annotations: false', () => {
    const inputs = readInputs({
      INPUT_PATHS: 'deploy/\nmy charts/out.yaml',
      INPUT_FORMAT: 'json, github',
      'INPUT_KUBERNETES-VERSION': '1.31',
      INPUT_CONFIG: 'ci/plimsoll.yaml',
      'INPUT_FAIL-ON': 'warning',
      INPUT_ANNOTATIONS: 'false',
      'INPUT_SARIF-FILE': '',
    });
    expect(cliArguments(inputs)).toEqual([
      'deploy/',
      'my charts/out.yaml',
      '--fail-on',
      'warning',
      '--config',
      'ci/plimsoll.yaml',
      '--kubernetes-version',
      '1.31',
      '--format',
      'json',
      '--format',
      'github',
    ]);
    expect(() => readInputs({ INPUT_ANNOTATIONS: 'maybe' })).toThrow('input "annotations" must be true or false');
    expect(() => readInputs({ INPUT_FORMAT: 'html' })).toThrow('unknown format "html"');
  });

  it('writes multi-line outputs as heredocs', () => {
    expect(outputLine('errors', '3')).toBe('errors=3\n');
    expect(outputLine('x', 'a\nb')).toMatch(/^x<<(ghadelimiter_[0-9a-f]{16})\na\nb\n\1\n$/);
  });
});

describe('the bundled Action, run as the runner runs it', () => {
  let actionDir: string;
  beforeAll(() => {
    // What GitHub checks out for `uses: owner/plimsoll@v1`: the repository's tracked files
    // (no node_modules, no build/), with dist/ as it would be committed.
    actionDir = join(tempProject(), 'plimsoll-action');
    mkdirSync(actionDir);
    const git = spawnSync('git', ['-C', ROOT, 'ls-files', '-z'], { encoding: 'utf8' });
    const tracked = git.status === 0 ? git.stdout.split('\0').filter(Boolean) : ['action.yml', 'package.json', 'rules', 'schemas'];
    for (const entry of [...tracked, 'dist']) {
      if (existsSync(join(ROOT, entry))) cpSync(join(ROOT, entry), join(actionDir, entry), { recursive: true });
    }
  });

  function runAction(workspace: string, inputs: Record<string, string>) {
    const outputFile = join(workspace, '..', 'github_output');
    const summaryFile = join(workspace, '..', 'step_summary');
    writeFileSync(outputFile, '');
    writeFileSync(summaryFile, '# Earlier step\n');
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile };
    for (const [name, spec] of Object.entries(action.inputs)) env[`INPUT_${name.toUpperCase()}`] = inputs[name] ?? spec.default ?? '';
    const run = spawnSync(process.execPath, [join(actionDir, action.runs.main)], { cwd: workspace, env, encoding: 'utf8' });
    const outputs = Object.fromEntries(
      readFileSync(outputFile, 'utf8')
        .trimEnd()
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(/=(.*)/s).slice(0, 2)),
    );
    return { ...run, outputs, summary: readFileSync(summaryFile, 'utf8') };
  }

  const DOCKERFILE = 'FROM debian:12\nMAINTAINER Jane, "J:D" 100%\nRUN apt-get install curl\n';
  // The rules these tests expect, whatever else becomes recommended.
  const CONFIG = 'extends: []\nrules:\n  run-as-root: warning\n  maintainer-deprecated: warning\n  apt-get-missing-yes: warning\n  yaml-duplicate-key: error\n';

  it('annotates, writes SARIF, outputs and a job summary, and fails on errors', () => {
    const workspace = join(tempProject({ 'repo/services/api/Dockerfile': DOCKERFILE, 'repo/services/api/plimsoll.config.yaml': CONFIG.replace('maintainer-deprecated: warning', 'maintainer-deprecated: error') }), 'repo');
    const run = runAction(workspace, { 'working-directory': 'services' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const annotations = run.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations).toEqual([
      expect.stringMatching(/^::warning file=services\/api\/Dockerfile,line=1,col=1,endLine=1,endColumn=15,title=run-as-root::/),
      expect.stringMatching(/^::error file=services\/api\/Dockerfile,line=2,col=1,endLine=2,endColumn=11,title=maintainer-deprecated::MAINTAINER is deprecated/),
      expect.stringMatching(/^::warning file=services\/api\/Dockerfile,line=3,col=13,.*title=apt-get-missing-yes::/),
    ]);
    expect(run.stdout).toContain('✖ 3 problems (1 error, 2 warnings, 0 infos) in 1 file.'); // the stylish log
    expect(run.outputs).toEqual({ errors: '1', warnings: '2', infos: '0', 'sarif-file': join(workspace, 'services', 'plimsoll.sarif') });
    const sarif = JSON.parse(readFileSync(run.outputs['sarif-file']!, 'utf8'));
    expect(sarif.runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0]!.physicalLocation.artifactLocation.uri)).toEqual([
      'services/api/Dockerfile',
      'services/api/Dockerfile',
      'services/api/Dockerfile',
    ]);
    expect(run.summary.startsWith('# Earlier step\n## Plimsoll\n')).toBe(true); // appended, not replaced
    expect(run.summary).toContain('| ❌ | `services/api/Dockerfile:2:1` |');
  });

  it('passes with fail-on none, and prints no annotations when they are off', () => {
    const workspace = join(tempProject({ 'repo/Dockerfile': DOCKERFILE, 'repo/plimsoll.config.yaml': CONFIG }), 'repo');
    const run = runAction(workspace, { 'fail-on': 'none', annotations: 'false', 'sarif-file': '' });
    expect(run.status).toBe(0);
    expect(run.stdout).not.toMatch(/^::/m);
    expect(run.outputs).toEqual({ errors: '0', warnings: '3', infos: '0', 'sarif-file': '' });
    expect(existsSync(join(workspace, 'plimsoll.sarif'))).toBe(false);
  });

  it('reports a configuration problem as one error annotation and exit 2', () => {
    const workspace = join(tempProject({ 'repo/Dockerfile': DOCKERFILE, 'repo/bad.yaml': 'rules:\n  no-such-rule: error\n' }), 'repo');
    const run = runAction(workspace, { config: 'bad.yaml' });
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/^::error title=Plimsoll::configuration error: .*no-such-rule/m);
    expect(run.outputs).toEqual({});
  });

  it('validates Kubernetes manifests with the bundled validators, for the kubernetes-version given', () => {
    const pdb = 'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: 1\n';
    const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selectorr: {}\n';
    const config = 'extends: []\nrules:\n  kubernetes-schema: error\n  kubernetes-removed-api: error\n  kubernetes-deprecated-api: warning\n';
    const workspace = join(tempProject({ 'repo/pdb.yaml': pdb, 'repo/deploy.yaml': deployment, 'repo/plimsoll.config.yaml': config }), 'repo');
    const removed = runAction(workspace, { 'kubernetes-version': '1.25' });
    expect(removed.stderr).toBe('');
    expect(removed.stdout).toMatch(/^::error file=deploy\.yaml,line=6,col=3,.*title=kubernetes-schema::spec has no field "selectorr"/m);
    expect(removed.stdout).toMatch(/^::error file=pdb\.yaml,line=1,.*title=kubernetes-removed-api::/m);
    const older = runAction(workspace, { 'kubernetes-version': '1.21' });
    expect(older.stdout).toMatch(/^::warning file=pdb\.yaml,line=1,.*title=kubernetes-deprecated-api::/m);
    expect(older.stdout).not.toContain('kubernetes-removed-api');
  });

  it('checks compose files against the bundled compose-spec validator', () => {
    const compose = 'version: "3.8"\nservices:\n  web:\n    image: nginx:1.27\n    restartt: always\n';
    const config = 'extends: []\nrules:\n  compose-schema: error\n  compose-obsolete-version: warning\n';
    const workspace = join(tempProject({ 'repo/deploy/compose.yaml': compose, 'repo/plimsoll.config.yaml': config }), 'repo');
    const run = runAction(workspace, {});
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::warning file=deploy\/compose\.yaml,line=1,col=1,.*title=compose-obsolete-version::/m);
    expect(run.stdout).toMatch(/^::error file=deploy\/compose\.yaml,line=5,col=5,.*title=compose-schema::.*"restartt"/m);
  });

  it('lints YAML through the bundled parsers too', () => {
    const workspace = join(tempProject({ 'repo/k8s/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n', 'repo/plimsoll.config.yaml': CONFIG }), 'repo');
    const run = runAction(workspace, { paths: 'k8s' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error file=k8s\/cm\.yaml,line=5,col=3,.*title=yaml-duplicate-key::/m);
  });
});
