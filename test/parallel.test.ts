/**
 * `--jobs` and `--shard`: workers give exactly the result of one thread (project facts such
 * as CRDs and compose override pairs included), shards partition the files, and both flags
 * are parsed strictly.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCli } from '../src/cli/args.js';
import { lintFiles } from '../src/core/lint-files.js';
import { resolveJobs, workerModule, AUTO_JOBS_MIN_BYTES } from '../src/core/parallel.js';
import { runCli, tempProject } from './helpers/run-cli.js';

const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: { name: widgets.example.com }
spec:
  group: example.com
  names: { kind: Widget, plural: widgets }
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              required: [size]
              properties: { size: { type: integer } }
`;

/** A project whose findings depend on other files: a CRD and its resources, a compose base and override. */
function project(): string {
  const files: Record<string, string> = {
    'crds/widget.yaml': CRD,
    'compose.yaml': 'services:\n  web:\n    image: nginx:latest\n',
    'compose.override.yaml': 'services:\n  web:\n    ports: ["80:80"]\n    privileged: true\n',
    'Dockerfile': 'FROM node:latest\nRUN apt-get update && apt-get install curl\nUSER root\n',
  };
  for (let i = 0; i < 12; i++) {
    files[`apps/app-${i}.yaml`] = `apiVersion: example.com/v1\nkind: Widget\nmetadata: { name: w${i} }\nspec: { size: ${i % 3 === 0 ? '"big"' : i} }\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: { name: d${i} }\nspec:\n  selector: { matchLabels: { app: d${i} } }\n  template:\n    metadata: { labels: { app: d${i} } }\n    spec:\n      containers:\n        - name: c\n          image: nginx\n`;
  }
  return tempProject(files);
}

const strip = (r: Awaited<ReturnType<typeof lintFiles>>) => ({
  files: r.files.map(({ source: _source, ...f }) => f),
  findings: r.findings,
  summary: r.summary,
});

describe('linting in worker threads', () => {
  it.skipIf(!workerModule())('gives the same result as one thread, cross-file facts included', async () => {
    const cwd = project();
    const one = await lintFiles(['.'], { cwd, noConfig: true, jobs: 1 });
    const two = await lintFiles(['.'], { cwd, noConfig: true, jobs: 2 });
    expect(strip(two)).toEqual(strip(one));
    // The CRD in another file was used: the string size is a schema error.
    expect(one.findings.filter((f) => f.ruleId === 'kubernetes-schema' && f.file.startsWith('apps/')).length).toBe(4);
    // The override's privileged service is reported through the merged project.
    expect(one.findings.some((f) => f.ruleId === 'privileged-container' && f.file === 'compose.override.yaml')).toBe(true);
    expect(two.files.every((f) => f.source !== undefined)).toBe(true);
  }, 60_000);

  it('uses one thread by default, and with auto only for large inputs', () => {
    expect(resolveJobs(undefined, 10 * AUTO_JOBS_MIN_BYTES)).toBe(1);
    expect(resolveJobs('auto', 10_000)).toBe(1);
    expect(resolveJobs('auto', AUTO_JOBS_MIN_BYTES - 1)).toBe(1);
    expect(resolveJobs('auto', AUTO_JOBS_MIN_BYTES)).toBeGreaterThanOrEqual(1);
    expect(resolveJobs(3, 0)).toBe(3);
  });
});

describe('shards', () => {
  it('partition the files deterministically, each linted as in a full run', async () => {
    const cwd = project();
    const full = await lintFiles(['.'], { cwd, noConfig: true, jobs: 1 });
    const shards = await Promise.all([1, 2, 3].map((index) => lintFiles(['.'], { cwd, noConfig: true, jobs: 1, shard: { index, count: 3 } })));
    const paths = shards.map((s) => s.files.map((f) => f.path));
    expect(paths.flat().sort()).toEqual(full.files.map((f) => f.path).sort());
    expect(new Set(paths.flat()).size).toBe(full.files.length);
    for (const p of paths) expect(p.length).toBeGreaterThan(0);
    // Facts still come from every file: together the shards find what the full run finds (a
    // finding about an override file comes from linting its base, so it follows the base's shard).
    const key = (f: (typeof full.findings)[number]) => JSON.stringify([f.file, f.span, f.ruleId, f.message]);
    const fullKeys = full.findings.map(key);
    for (const s of shards) for (const k of s.findings.map(key)) expect(fullKeys).toContain(k);
    expect([...new Set(shards.flatMap((s) => s.findings.map(key)))].sort()).toEqual([...fullKeys].sort());
    const again = await lintFiles(['.'], { cwd, noConfig: true, jobs: 1, shard: { index: 2, count: 3 } });
    expect(again.files.map((f) => f.path)).toEqual(paths[1]);
  }, 60_000);

  it('work from the command line, with workers too', async () => {
    const cwd = project();
    cpSync(join(cwd, 'compose.yaml'), join(cwd, 'copy', 'compose.yaml'));
    const full = await runCli(['--no-config', '-f', 'json', '.'], { cwd });
    const a = await runCli(['--no-config', '-f', 'json', '--shard', '1/2', '-j', '2', '.'], { cwd });
    const b = await runCli(['--no-config', '-f', 'json', '--shard=2/2', '--jobs', '1', '.'], { cwd });
    const files = (run: typeof full) => (JSON.parse(run.stdout) as { files: { path: string }[] }).files.map((f) => f.path);
    expect([...files(a), ...files(b)].sort()).toEqual(files(full).sort());
  }, 60_000);
});

describe('--jobs and --shard arguments', () => {
  it('accept whole numbers, auto and i/n', () => {
    const lint = (argv: string[]) => parseCli(argv) as Extract<ReturnType<typeof parseCli>, { command: 'lint' }>;
    expect(lint(['-j', '4']).jobs).toBe(4);
    expect(lint(['--jobs', 'auto']).jobs).toBe('auto');
    expect(lint(['--shard', '2/5']).shard).toEqual({ index: 2, count: 5 });
    expect(lint(['.']).jobs).toBeUndefined();
  });

  it('reject anything else', () => {
    for (const argv of [['-j', '0'], ['--jobs', 'many'], ['-j', '1.5'], ['--shard', '0/2'], ['--shard', '3/2'], ['--shard', '1'], ['--shard', 'a/b']]) {
      expect(() => parseCli(argv), argv.join(' ')).toThrow(/--(jobs|shard) expects/);
    }
  });
});
