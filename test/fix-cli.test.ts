/** `plimsoll --fix` and `--fix-dry-run` end to end: files on disk, modes, diffs, standard input. */
import { execFileSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { onlyRules, runCli, tempProject as anyProject } from './helpers/run-cli.js';

const CONFIG = onlyRules('run-as-root', 'maintainer-deprecated', 'apt-get-missing-yes', 'apt-get-missing-no-install-recommends', 'json-args-recommended', 'dockerfile-syntax');
const tempProject = (files: Record<string, string | Buffer> = {}) => anyProject({ 'plimsoll.config.yaml': CONFIG, ...files });

const BEFORE = 'FROM debian:12\nMAINTAINER Jane\nRUN apt-get install curl\nCMD node server.js\n';
// -y and --no-install-recommends are inserted at the same place: the second waits for the next pass.
const AFTER = 'FROM debian:12\nLABEL org.opencontainers.image.authors="Jane"\nRUN apt-get install -y --no-install-recommends curl\nCMD ["node", "server.js"]\n';
const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

describe('--fix', () => {
  it('writes the safe fixes, reports what is left, and a second run changes nothing', async () => {
    const dir = tempProject({ 'app/Dockerfile': BEFORE });
    chmodSync(join(dir, 'app/Dockerfile'), 0o741);
    const run = await runCli(['--fix', '-f', 'json', '.'], { cwd: dir });
    expect(read(dir, 'app/Dockerfile')).toBe(AFTER);
    expect(statSync(join(dir, 'app/Dockerfile')).mode & 0o7777).toBe(0o741);
    expect(readdirSync(join(dir, 'app'))).toEqual(['Dockerfile']); // no temporary file left behind
    const report = JSON.parse(run.stdout);
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['run-as-root']);
    expect(run.code).toBe(0); // only a warning is left

    const mtime = statSync(join(dir, 'app/Dockerfile')).mtimeMs;
    const again = await runCli(['--fix', '-f', 'json', '.'], { cwd: dir });
    expect(again.stdout).toBe(run.stdout);
    expect(statSync(join(dir, 'app/Dockerfile')).mtimeMs).toBe(mtime); // not even rewritten
  });

  it('keeps CRLF and the BOM, and fixes through a symbolic link without replacing it', async () => {
    const crlf = `\uFEFF${BEFORE.replace(/\n/g, '\r\n')}`;
    const dir = tempProject({ 'real/Dockerfile': crlf });
    symlinkSync(join(dir, 'real/Dockerfile'), join(dir, 'Dockerfile'));
    await runCli(['--fix', 'Dockerfile'], { cwd: dir });
    expect(read(dir, 'real/Dockerfile')).toBe(`\uFEFF${AFTER.replace(/\n/g, '\r\n')}`);
    expect(statSync(join(dir, 'real/Dockerfile')).isFile()).toBe(true);
    expect(execFileSync('readlink', [join(dir, 'Dockerfile')], { encoding: 'utf8' }).trim()).toBe(join(dir, 'real/Dockerfile'));
  });

  it('fixes YAML the same way: the obsolete compose version line, CRLF kept', async () => {
    const compose = 'version: "3.8"  # old\r\nservices:\r\n  web:\r\n    image: nginx:1.27\r\n';
    const dir = anyProject({ 'compose.yaml': compose, 'plimsoll.config.yaml': onlyRules('compose-obsolete-version', 'yaml-syntax') });
    const run = await runCli(['--fix', '.'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(read(dir, 'compose.yaml')).toBe('# old\r\nservices:\r\n  web:\r\n    image: nginx:1.27\r\n'); // the rule keeps the comment
  });

  it('never writes a file it could not read losslessly', async () => {
    const bytes = Buffer.concat([Buffer.from('FROM debian:12\nMAINTAINER Jane \xff\n', 'latin1')]);
    const dir = tempProject({ Dockerfile: bytes });
    await runCli(['--fix', 'Dockerfile'], { cwd: dir });
    expect(readFileSync(join(dir, 'Dockerfile')).equals(bytes)).toBe(true);
  });

  it('prints the fixed standard input and sends the report to stderr', async () => {
    const run = await runCli(['--fix', '--stdin', '--stdin-filename', 'Dockerfile'], { cwd: tempProject(), stdin: BEFORE });
    expect(run.stdout).toBe(AFTER);
    expect(run.stderr).toContain('run-as-root');
    const ignored = tempProject({ 'plimsoll.config.yaml': `${CONFIG}ignorePatterns: ["vendor/**"]\n` });
    const passthrough = await runCli(['--fix', '--stdin', '--stdin-filename', 'vendor/Dockerfile'], { cwd: ignored, stdin: Buffer.from(BEFORE) });
    expect(passthrough.stdout).toBe(BEFORE); // an ignored file comes back as it went in
    const clean = 'FROM debian:12\nUSER app\n';
    expect((await runCli(['--fix', '--stdin', '--stdin-filename', 'Dockerfile'], { cwd: tempProject(), stdin: clean })).stdout).toBe(clean);
  });

  it('cannot be combined with --fix-dry-run', async () => {
    const run = await runCli(['--fix', '--fix-dry-run', '.'], { cwd: tempProject() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--fix and --fix-dry-run cannot be used together');
  });
});

describe('--fix-dry-run', () => {
  it('prints a unified diff that applies, and writes nothing', async () => {
    const dir = tempProject({ 'app/Dockerfile': BEFORE, 'clean/Dockerfile': 'FROM debian:12\nUSER app\n' });
    execFileSync('git', ['init', '-q'], { cwd: dir });
    const run = await runCli(['--fix-dry-run', '.'], { cwd: dir });
    expect(read(dir, 'app/Dockerfile')).toBe(BEFORE);
    expect(run.stdout).toBe(
      [
        '--- a/app/Dockerfile',
        '+++ b/app/Dockerfile',
        '@@ -1,4 +1,4 @@',
        ' FROM debian:12',
        '-MAINTAINER Jane',
        '-RUN apt-get install curl',
        '-CMD node server.js',
        '+LABEL org.opencontainers.image.authors="Jane"',
        '+RUN apt-get install -y --no-install-recommends curl',
        '+CMD ["node", "server.js"]',
        '',
      ].join('\n'),
    );
    expect(run.stderr).toContain('run-as-root'); // the report of what would be left
    execFileSync('git', ['apply'], { cwd: dir, input: run.stdout });
    expect(read(dir, 'app/Dockerfile')).toBe(AFTER);
  });

  it('exits as --fix would: by the findings left after fixing', async () => {
    const dir = tempProject({ Dockerfile: 'FROM debian:12\nUSER app\nMAINTAINER Jane\n' });
    expect((await runCli(['--fail-on', 'warning', 'Dockerfile'], { cwd: dir })).code).toBe(1);
    expect((await runCli(['--fail-on', 'warning', '--fix-dry-run', 'Dockerfile'], { cwd: dir })).code).toBe(0);
  });

  it('prints a diff of standard input', async () => {
    const run = await runCli(['--fix-dry-run', '--stdin', '--stdin-filename', 'Dockerfile'], { cwd: tempProject(), stdin: BEFORE });
    expect(run.stdout.split('\n').slice(0, 2)).toEqual(['--- a/Dockerfile', '+++ b/Dockerfile']);
    expect(run.stdout).toContain('+RUN apt-get install -y --no-install-recommends curl');
  });
});
