/** `--write-baseline` and `--baseline`: recorded by fingerprint, count-aware, stable across unrelated edits. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyBaseline, type BaselineEntry } from '../src/cli/baseline.js';
import type { LintResult } from '../src/core/lint.js';
import type { Finding } from '../src/core/types.js';
import { onlyRules, runCli, tempProject as anyProject } from './helpers/run-cli.js';

const CONFIG = onlyRules('run-as-root', 'maintainer-deprecated', 'apt-get-missing-yes', 'yaml-duplicate-key', 'dockerfile-syntax', 'yaml-syntax');
const tempProject = (files: Record<string, string> = {}) => anyProject({ 'plimsoll.config.yaml': CONFIG, ...files });

const DOCKERFILE = 'FROM debian:12\nMAINTAINER Jane\nRUN apt-get install curl && apt-get install wget\nUSER app\n';
const MANIFEST = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n  name: web2\ndata: {}\n';
const ruleIds = (run: { result?: LintResult }) => run.result!.findings.map((f) => `${f.file}:${f.ruleId}`);

describe('--write-baseline', () => {
  it('records every finding, sorted, with a message for people, and then reports nothing', async () => {
    const dir = tempProject({ Dockerfile: DOCKERFILE, 'k8s/cm.yaml': MANIFEST });
    const run = await runCli(['--write-baseline', 'baseline.json', '.'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('plimsoll: recorded 4 finding(s) in baseline.json.\n');
    expect(run.result!.findings).toEqual([]);
    const file = JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8'));
    expect(file.version).toBe(1);
    const entries = file.findings as BaselineEntry[];
    expect(entries.map((e) => `${e.file}:${e.ruleId}`)).toEqual([
      'Dockerfile:apt-get-missing-yes',
      'Dockerfile:apt-get-missing-yes',
      'Dockerfile:maintainer-deprecated',
      'k8s/cm.yaml:yaml-duplicate-key',
    ]);
    for (const e of entries) {
      expect(Object.keys(e)).toEqual(['ruleId', 'file', 'fingerprint', 'message']);
      expect(e.fingerprint).toMatch(/^[0-9a-f]{32}$/);
      expect(e.message.length).toBeGreaterThan(0);
    }
    const sorted = [...entries].sort((a, b) => (a.file + a.ruleId + a.fingerprint < b.file + b.ruleId + b.fingerprint ? -1 : 1));
    expect(entries).toEqual(sorted);
    // Stable: recording again gives the same bytes.
    const first = readFileSync(join(dir, 'baseline.json'), 'utf8');
    await runCli(['--write-baseline', 'baseline.json', '.'], { cwd: dir });
    expect(readFileSync(join(dir, 'baseline.json'), 'utf8')).toBe(first);
  });
});

describe('--baseline', () => {
  it('reports only new findings, and the baseline survives unrelated lines added above', async () => {
    const dir = tempProject({ Dockerfile: DOCKERFILE, 'k8s/cm.yaml': MANIFEST });
    await runCli(['--write-baseline', 'baseline.json', '.'], { cwd: dir });
    expect((await runCli(['--baseline', 'baseline.json', '.'], { cwd: dir })).code).toBe(0);

    writeFileSync(join(dir, 'Dockerfile'), `# syntax=docker/dockerfile:1\n# build the app\n\n${DOCKERFILE.replace('FROM debian:12\n', 'FROM debian:12\nWORKDIR /app\n')}`);
    writeFileSync(join(dir, 'k8s/cm.yaml'), `# a comment\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: other\n---\n${MANIFEST}`);
    const unchanged = await runCli(['--baseline', 'baseline.json', '.'], { cwd: dir });
    expect(ruleIds(unchanged)).toEqual([]);

    writeFileSync(join(dir, 'Dockerfile'), `${DOCKERFILE}RUN apt-get install jq\nMAINTAINER Bob\n`);
    const grown = await runCli(['--baseline', 'baseline.json', '-f', 'json', '.'], { cwd: dir });
    expect(ruleIds(grown)).toEqual(['Dockerfile:apt-get-missing-yes', 'Dockerfile:maintainer-deprecated']);
    expect(grown.result!.findings.map((f) => f.range.start.line + 1)).toEqual([5, 6]);
    expect(JSON.parse(grown.stdout).summary).toMatchObject({ warnings: 2, errors: 0 });
    expect(grown.code).toBe(0);
  });

  it('is count-aware: one entry absorbs one finding', () => {
    const finding = (fingerprint: string): Finding => ({
      ruleId: 'r',
      severity: 'error',
      message: 'm',
      file: 'f',
      format: 'dockerfile',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      span: { start: 0, end: 0 },
      fingerprint,
    });
    const findings = [finding('a'), finding('a'), finding('a'), finding('b')];
    const result: LintResult = {
      files: [{ path: 'f', format: 'dockerfile', documents: 1, findings }],
      findings,
      summary: { files: 1, errors: 4, warnings: 0, infos: 0, fixable: 0 },
    };
    const entry = { ruleId: 'r', file: 'f', fingerprint: 'a', message: '' };
    const left = applyBaseline(result, [entry, entry]);
    expect(left.findings.map((f) => f.fingerprint)).toEqual(['a', 'b']);
    expect(left.files[0]!.findings).toHaveLength(2);
    expect(left.summary.errors).toBe(2);
    expect(applyBaseline(result, [{ ...entry, file: 'other' }]).findings).toHaveLength(4);
  });

  it('is exit 2 with one line when the file is missing or not a baseline', async () => {
    const dir = tempProject({ Dockerfile: DOCKERFILE, 'bad.json': '{"version":1,"findings":[{"ruleId":1}]}', 'broken.json': '{', 'other.json': '[]' });
    const cases: [string, string][] = [
      ['missing.json', 'plimsoll: cannot read the baseline missing.json: no such file\n'],
      ['broken.json', 'plimsoll: the baseline broken.json is not valid JSON: '],
      ['other.json', 'plimsoll: the baseline other.json is not a Plimsoll baseline: expected an object with "version" and "findings"\n'],
      ['bad.json', 'plimsoll: the baseline bad.json is not a Plimsoll baseline: findings[0] needs string "ruleId", "file" and "fingerprint"\n'],
    ];
    for (const [file, message] of cases) {
      const run = await runCli(['--baseline', file, '.'], { cwd: dir });
      expect(run.code, file).toBe(2);
      expect(run.stderr.startsWith(message), run.stderr).toBe(true);
      expect(run.stderr.trimEnd().split('\n'), file).toHaveLength(1);
      expect(run.stdout).toBe('');
    }
  });

  it('cannot be combined with --write-baseline', async () => {
    const run = await runCli(['--baseline', 'a.json', '--write-baseline', 'b.json', '.'], { cwd: tempProject() });
    expect(run.code).toBe(2);
  });
});
