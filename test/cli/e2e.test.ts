/** The CLI as users run it: `node bin/plimsoll.js` in a child process, real exit codes and pipes. */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tree } from '../helpers/tree.js';

const BIN = join(import.meta.dirname, '../../bin/plimsoll.js');
const SETPRIV = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p));
const isRoot = process.getuid?.() === 0;

function plimsoll(args: string[], options: SpawnSyncOptions & { asNobody?: boolean } = {}) {
  const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, PLIMSOLL_DEBUG: undefined };
  const [command, argv] = options.asNobody
    ? [SETPRIV!, ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, ...args]]
    : [process.execPath, [BIN, ...args]];
  const result = spawnSync(command, argv, { encoding: 'utf8', timeout: 60_000, env, ...options });
  return { code: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

const noStackTrace = (stderr: string) => expect(stderr).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);

describe('bin/plimsoll.js', () => {
  it('exits 0 on a clean file, 1 on an error finding, with JSON on stdout and nothing on stderr', () => {
    const cwd = tree({ 'ok/Dockerfile': 'FROM alpine:3.19\nUSER app\n', 'bad/Dockerfile': 'FROM alpine:3.19\nUSER app\nRUNN x\n' });
    const ok = plimsoll(['ok'], { cwd });
    expect([ok.code, ok.stdout, ok.stderr]).toEqual([0, '✔ No problems in 1 file.\n', '']);
    const bad = plimsoll(['-f', 'json'], { cwd });
    expect([bad.code, bad.stderr]).toEqual([1, '']);
    const report = JSON.parse(bad.stdout) as { findings: { file: string; ruleId: string }[] };
    expect(report.findings.map((f) => `${f.file}:${f.ruleId}`)).toEqual(['bad/Dockerfile:dockerfile-syntax']);
  });

  it('lints piped standard input', () => {
    const result = plimsoll(['--stdin', '--stdin-filename', 'Dockerfile', '-f', 'json'], { cwd: tree({}), input: 'FROM alpine\nUSER app\n' });
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId)).toEqual(['untagged-image']);
    const binary = plimsoll(['--stdin'], { cwd: tree({}), input: Buffer.from([0, 159, 146, 150]) });
    expect(binary.code).toBe(1);
    expect(binary.stdout).toContain('file-unreadable');
  });

  it('exits 2 with one line and no stack trace on usage and configuration errors', () => {
    const cwd = tree({ Dockerfile: 'FROM alpine\n', 'bad.json': '{"rules":{"nope":"error"}}', 'broken.yaml': 'rules: [' });
    for (const args of [['--fail-on', 'sometimes'], ['-c', 'bad.json'], ['-c', 'broken.yaml']]) {
      const result = plimsoll(args, { cwd });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout, args.join(' ')).toBe('');
      expect(result.stderr.split('\n')[0], args.join(' ')).toMatch(/^plimsoll: \S/);
      expect(result.stderr.trim().split('\n').length, args.join(' ')).toBeLessThanOrEqual(2);
      noStackTrace(result.stderr);
    }
  });

  it('prints findings, never a stack trace, for binary, invalid UTF-8, empty and broken files', () => {
    const cwd = tree({
      'a/Dockerfile': Buffer.from([0, 0, 0, 1]),
      'b/Dockerfile': Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x20, 0xff, 0x0a]),
      'c/Dockerfile': '',
      'd/Dockerfile': 'FROM alpine:3\nRUN <<EOF\n',
      'e/Dockerfile': '\uFEFFFROM alpine:3\r\nCMD ["a",\r\n',
    });
    const result = plimsoll(['-f', 'json'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const files = (JSON.parse(result.stdout) as { files: { path: string }[] }).files.map((f) => f.path);
    expect(files).toEqual(['a/Dockerfile', 'b/Dockerfile', 'c/Dockerfile', 'd/Dockerfile', 'e/Dockerfile']);
  });

  it.skipIf(isRoot && !SETPRIV)('reports a file it may not read, without failing the run', () => {
    const cwd = tree({ 'secret/Dockerfile': 'FROM alpine:3\nUSER app\n', 'open/Dockerfile': 'FROM alpine:3\nUSER app\n' });
    chmodSync(cwd, 0o755);
    chmodSync(join(cwd, 'secret'), 0o755);
    chmodSync(join(cwd, 'open'), 0o755);
    chmodSync(join(cwd, 'open/Dockerfile'), 0o644);
    chmodSync(join(cwd, 'secret/Dockerfile'), 0o000);
    // As root, run as "nobody": root reads everything. HOME stays root's, which nobody cannot read either.
    const result = plimsoll(['-f', 'json'], { cwd, asNobody: isRoot });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { findings: { file: string; ruleId: string; message: string }[] };
    expect(report.findings.map((f) => [f.file, f.ruleId, f.message])).toEqual([
      ['secret/Dockerfile', 'file-unreadable', 'The file could not be read (permission denied).'],
    ]);
  });

  it('prints the version and help', () => {
    const { version } = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };
    expect(plimsoll(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect(plimsoll(['--help']).stdout).toMatch(/^Usage: plimsoll/);
  });
});
