/** Bad input is a finding or one clear line, never a crash: through the library and the CLI. */
import { chmodSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../src/core/load.js';
import { lintFiles, lintText } from '../../src/index.js';
import { tree } from '../helpers/tree.js';
import { run, runJson } from './run.js';

const ids = (findings: { ruleId: string }[]) => findings.map((f) => f.ruleId);
const isRoot = process.getuid?.() === 0;

describe('bad input through lintText', () => {
  const lint = (text: string) => lintText(text, { filename: 'Dockerfile' }).findings;

  it('reports an empty file, or one with only comments, as having no instructions', () => {
    for (const text of ['', '\n', '# just a comment\n', '\uFEFF']) {
      const findings = lint(text);
      expect(findings.map((f) => [f.ruleId, f.message, f.range.start.line, f.range.start.column]), JSON.stringify(text)).toEqual([
        ['dockerfile-syntax', 'The Dockerfile has no instructions; start it with FROM <image>.', 1, 1],
      ]);
    }
  });

  it('lints a file with a BOM and CRLF endings like any other', () => {
    const plain = lint('FROM alpine\nADD a /a\n');
    const odd = lint('\uFEFFFROM alpine\r\nADD a /a\r\n');
    expect(odd.map((f) => [f.ruleId, f.range])).toEqual(plain.map((f) => [f.ruleId, f.range]));
  });

  it('reports an unterminated heredoc, broken JSON arguments and an unknown instruction', () => {
    expect(ids(lint('FROM alpine:3\nUSER app\nRUN <<EOF\necho hi\n'))).toEqual(['dockerfile-syntax']);
    expect(ids(lint('FROM alpine:3\nUSER app\nCMD ["npm", "start",]\n'))).toEqual(['malformed-json-args']);
    const unknown = lint('FROM alpine:3\nUSER app\nCOPPY a b\n');
    expect(unknown.map((f) => [f.ruleId, f.message, f.range.start.line])).toEqual([
      ['dockerfile-syntax', 'Unknown instruction "COPPY" (did you mean COPY?).', 3],
    ]);
  });

  it('survives text with NUL bytes and lone surrogates', () => {
    const findings = lint('FROM alpine\u0000\nRUN echo \uD800 \u0000\n');
    expect(ids(findings)).not.toContain('internal-error');
  });
});

describe('bad input through lintFiles', () => {
  it('reports a binary file and invalid UTF-8 as file-unreadable, and lints what can be read', async () => {
    const cwd = tree({
      'bin/Dockerfile': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]),
      'latin1/Dockerfile': Buffer.concat([Buffer.from('FROM alpine\nLABEL who="'), Buffer.from([0xe9]), Buffer.from('"\n')]),
    });
    const result = await lintFiles('.', { cwd });
    expect(result.findings.map((f) => [f.file, f.ruleId, f.message, f.range.start.line, f.range.start.column])).toEqual([
      ['bin/Dockerfile', 'file-unreadable', 'This is a binary file, not text; it was not linted.', 1, 1],
      ['latin1/Dockerfile', 'run-as-root', expect.any(String), 1, 1],
      ['latin1/Dockerfile', 'untagged-image', expect.any(String), 1, 6],
      ['latin1/Dockerfile', 'file-unreadable', 'The file is not valid UTF-8; invalid bytes were replaced before linting. Save it as UTF-8.', 2, 12],
    ]);
  });

  it('reports a broken symbolic link, named or found in a folder, and lints links to files', async () => {
    const cwd = tree({ 'real/Dockerfile': 'FROM alpine\nUSER app\n' });
    symlinkSync('nowhere', join(cwd, 'Dockerfile.broken'));
    symlinkSync('real/Dockerfile', join(cwd, 'Dockerfile.link'));
    symlinkSync('real', join(cwd, 'linked-folder'));
    const walked = await lintFiles('.', { cwd });
    expect(walked.findings.map((f) => [f.file, f.ruleId, f.message])).toEqual([
      ['Dockerfile.broken', 'file-unreadable', 'The file could not be read (a symbolic link to a file that does not exist).'],
      ['Dockerfile.link', 'untagged-image', expect.any(String)],
      ['real/Dockerfile', 'untagged-image', expect.any(String)],
    ]);
    const named = await lintFiles('Dockerfile.broken', { cwd });
    expect(ids(named.findings)).toEqual(['file-unreadable']);
  });

  it('walks into a folder named Dockerfile instead of reading it', async () => {
    const cwd = tree({ 'Dockerfile/Dockerfile': 'FROM alpine\nUSER app\n' });
    const result = await lintFiles('.', { cwd });
    expect(result.files.map((f) => f.path)).toEqual(['Dockerfile/Dockerfile']);
    expect((await readSource(join(cwd, 'Dockerfile'))).problem).toEqual({ kind: 'io', message: 'is a directory' });
  });

  it.skipIf(isRoot)('reports a file it may not read (permission denied)', async () => {
    const cwd = tree({ Dockerfile: 'FROM alpine\n' });
    chmodSync(join(cwd, 'Dockerfile'), 0o000);
    try {
      const result = await lintFiles('.', { cwd });
      expect(result.findings.map((f) => [f.ruleId, f.message])).toEqual([['file-unreadable', 'The file could not be read (permission denied).']]);
    } finally {
      chmodSync(join(cwd, 'Dockerfile'), 0o644);
    }
  });

  // The whole 10 MB file takes ~20 s with every rule on this 2-core machine, too long for each
  // `npm test`: PLIMSOLL_SLOW_TESTS=1 runs it; by default a 1 MB one is linted (the parser alone
  // reads 10 MB in parser-robustness.test.ts).
  const megabytes = process.env.PLIMSOLL_SLOW_TESTS ? 10 : 1;
  it(`lints a ${megabytes} MB Dockerfile to the end`, async () => {
    const block = 'RUN apt-get update && \\\n    apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*\nENV A=1 B=$A\nCOPY --chown=app src/ /app/\n';
    const cwd = tree({ Dockerfile: `FROM debian:12\nUSER app\n${block.repeat(Math.ceil((megabytes * 1_000_000) / block.length))}` });
    const started = performance.now();
    const result = await lintFiles('Dockerfile', { cwd });
    const seconds = (performance.now() - started) / 1000;
    expect(result.files).toHaveLength(1);
    expect(ids(result.findings)).not.toContain('internal-error');
    // Only "it finishes" is asserted, with room for a loaded machine.
    expect(seconds).toBeLessThan(megabytes * 20);
  }, 180_000);
});

describe('bad input through the CLI', () => {
  it('prints a finding, not a stack trace, for each kind of bad file, and exits 1', async () => {
    const cwd = tree({
      'empty/Dockerfile': '',
      'binary/Dockerfile': Buffer.from([0, 1, 2, 3]),
      'heredoc/Dockerfile': 'FROM alpine:3\nUSER app\nRUN <<EOF\n',
      'json/Dockerfile': 'FROM alpine:3\nUSER app\nCMD [npm, start]\n',
    });
    mkdirSync(join(cwd, 'dir/Dockerfile'), { recursive: true });
    symlinkSync('missing', join(cwd, 'Dockerfile.dangling'));
    const { code, report, stderr } = await runJson([], { cwd });
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(report.findings.map((f) => `${f.file}:${f.ruleId}`)).toEqual([
      'Dockerfile.dangling:file-unreadable',
      'binary/Dockerfile:file-unreadable',
      'empty/Dockerfile:dockerfile-syntax',
      'heredoc/Dockerfile:dockerfile-syntax',
      'json/Dockerfile:malformed-json-args',
    ]);
  });

  it('reports an empty standard input as a Dockerfile with no instructions', async () => {
    const { code, stdout } = await run(['--stdin', '--stdin-filename', 'Dockerfile'], { cwd: tree({}), stdin: '' });
    expect(code).toBe(1);
    expect(stdout).toContain('The Dockerfile has no instructions');
  });
});
