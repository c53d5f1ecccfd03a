/** `plimsoll [lint]` in-process: discovery, detection, stdin, outputs, exit codes and options. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tree } from '../helpers/tree.js';
import { run, runJson } from './run.js';

const CLEAN = 'FROM alpine:3.19\nUSER app\n';
const WARNS = 'FROM alpine\nUSER app\n'; // untagged-image (warning)
const ERRS = 'FROM alpine:3.19\nUSER app\nRUNN x\n'; // dockerfile-syntax (error)
const INFO = 'FROM alpine:3.19 AS Build\nUSER app\n'; // stage-name-casing (info)

describe('discovery', () => {
  it('lints the current folder by default, honouring .gitignore and skipping node_modules', async () => {
    const cwd = tree({
      '.gitignore': 'generated/\n*.tmp.Dockerfile\n',
      Dockerfile: CLEAN,
      'services/api/Containerfile': CLEAN,
      'web.dockerfile': CLEAN,
      'deploy/Dockerfile.prod': CLEAN,
      'generated/Dockerfile': WARNS,
      'x.tmp.Dockerfile': WARNS,
      'node_modules/pkg/Dockerfile': WARNS,
      'notes.txt': CLEAN,
    });
    const { code, report } = await runJson([], { cwd });
    expect(code).toBe(0);
    // Sorted by path, code unit by code unit (upper case first): the same on every machine.
    expect(report.files.map((f) => `${f.path}:${f.format}`)).toEqual([
      'Dockerfile:dockerfile',
      'deploy/Dockerfile.prod:dockerfile',
      'services/api/Containerfile:dockerfile',
      'web.dockerfile:dockerfile',
    ]);
  });

  it('lints files, folders and globs given on the command line, each file once', async () => {
    const cwd = tree({ 'a/Dockerfile': WARNS, 'b/Dockerfile': WARNS, 'b/c/Dockerfile.dev': WARNS, 'd/Dockerfile': WARNS });
    const { report } = await runJson(['a/Dockerfile', 'b', 'b/**/Dockerfile*', 'a'], { cwd });
    expect(report.files.map((f) => f.path)).toEqual(['a/Dockerfile', 'b/Dockerfile', 'b/c/Dockerfile.dev']);
  });

  it('reads files named explicitly by content, whatever their name', async () => {
    const cwd = tree({ 'build.txt': WARNS, 'other.txt': 'hello\n' });
    const { report } = await runJson(['build.txt'], { cwd });
    expect(report.files).toEqual([{ path: 'build.txt', format: 'dockerfile', documents: 1, findings: 1 }]);
    expect(report.findings.map((f) => f.ruleId)).toEqual(['untagged-image']);
    const walked = await runJson(['.'], { cwd });
    expect(walked.report.files).toEqual([]);
  });

  it('shows paths relative to the working directory with "/" separators, also outside it', async () => {
    const root = tree({ 'ctx/Dockerfile': WARNS, 'cwd/keep': '' });
    const { report } = await runJson(['../ctx'], { cwd: join(root, 'cwd') });
    expect(report.files.map((f) => f.path)).toEqual(['../ctx/Dockerfile']);
    expect(report.findings[0]!.file).toBe('../ctx/Dockerfile');
  });

  it('exits 2 with one line for a path that does not exist or a glob that matches nothing', async () => {
    const cwd = tree({ Dockerfile: CLEAN });
    for (const path of ['missing/Dockerfile', 'nothing/**/*.Dockerfile']) {
      const { code, stdout, stderr } = await run([path], { cwd });
      expect(code, path).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')[0]).toMatch(/^plimsoll: (No such file or folder: missing\/Dockerfile|No files match nothing\/\*\*\/\*\.Dockerfile)$/);
    }
  });
});

describe('stdin', () => {
  it('lints standard input as the file named by --stdin-filename, with that file\'s config', async () => {
    const cwd = tree({ 'svc/.plimsollrc.json': '{"rules":{"untagged-image":"error"}}' });
    const { code, report } = await runJson(['--stdin', '--stdin-filename', 'svc/Dockerfile'], { cwd, stdin: WARNS });
    expect(code).toBe(1);
    expect(report.findings.map((f) => [f.file, f.ruleId, f.severity])).toEqual([['svc/Dockerfile', 'untagged-image', 'error']]);
  });

  it('detects standard input by content without a file name', async () => {
    const cwd = tree({});
    const { report } = await runJson(['--stdin'], { cwd, stdin: Buffer.from(WARNS) });
    expect(report.files).toEqual([{ path: '<stdin>', format: 'dockerfile', documents: 1, findings: 1 }]);
  });

  it('reports binary standard input as a finding', async () => {
    const { code, report } = await runJson(['--stdin', '--stdin-filename', 'Dockerfile'], { cwd: tree({}), stdin: Buffer.from([0, 1, 2, 70, 82]) });
    expect(code).toBe(1);
    expect(report.findings.map((f) => f.ruleId)).toEqual(['file-unreadable']);
  });

  it('refuses paths together with --stdin and --stdin-filename without --stdin', async () => {
    const cwd = tree({});
    expect((await run(['--stdin', 'Dockerfile'], { cwd })).code).toBe(2);
    expect((await run(['--stdin-filename', 'Dockerfile'], { cwd })).code).toBe(2);
  });
});

describe('JSON output', () => {
  it('has the shape of CONTRACTS.md: tool, files, sorted findings with 1-based end-exclusive ranges, summary', async () => {
    const text = 'FROM alpine AS Base\nADD a /a\nUSER app\n';
    const cwd = tree({ 'z/Dockerfile': text, 'a/Dockerfile': ERRS });
    const { report } = await runJson([], { cwd });
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };
    expect(report.tool).toEqual({ name: 'plimsoll', version: pkg.version });
    expect(Object.keys(report)).toEqual(['tool', 'files', 'findings', 'summary']);
    expect(report.files).toEqual([
      { path: 'a/Dockerfile', format: 'dockerfile', documents: 1, findings: 1 },
      { path: 'z/Dockerfile', format: 'dockerfile', documents: 1, findings: report.findings.filter((f) => f.file === 'z/Dockerfile').length },
    ]);
    const keys = report.findings.map((f) => [f.file, f.range.start.line, f.range.start.column, f.ruleId] as const);
    const sorted = [...keys].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] - y[1] || x[2] - y[2] || (x[3] < y[3] ? -1 : x[3] > y[3] ? 1 : 0)));
    expect(keys).toEqual(sorted);
    const order = ['ruleId', 'severity', 'message', 'file', 'format', 'range', 'object', 'related', 'fix', 'fingerprint'];
    for (const f of report.findings) {
      const keys = Object.keys(f);
      expect(keys.filter((k) => order.includes(k)), 'only contract keys').toEqual(keys);
      expect([...keys].sort((a, b) => order.indexOf(a) - order.indexOf(b)), 'in contract order').toEqual(keys);
      expect(keys).toEqual(expect.arrayContaining(['ruleId', 'severity', 'message', 'file', 'format', 'range', 'fingerprint']));
    }
    // The range covers exactly the reported text: "ADD" on line 2, columns 1-3, end exclusive.
    const add = report.findings.find((f) => f.ruleId === 'add-instead-of-copy')!;
    expect(add.range).toEqual({ start: { line: 2, column: 1 }, end: { line: 2, column: 4 } });
    const syntax = report.findings.find((f) => f.ruleId === 'dockerfile-syntax')!;
    expect([syntax.file, syntax.range]).toEqual(['a/Dockerfile', { start: { line: 3, column: 1 }, end: { line: 3, column: 5 } }]);
    const count = (s: string) => report.findings.filter((f) => f.severity === s).length;
    const fixable = report.findings.filter((f) => f.fix?.safe).length;
    expect(report.summary).toEqual({ files: 2, errors: count('error'), warnings: count('warning'), infos: count('info'), fixable });
    expect(report.summary.errors).toBe(1);
  });

  it('is deterministic: the same input gives byte-identical output', async () => {
    const cwd = tree({ 'b/Dockerfile': 'FROM alpine\nADD a /a\n', 'a/Dockerfile': ERRS, 'c.Dockerfile': INFO });
    const first = await run(['-f', 'json'], { cwd });
    const second = await run(['-f', 'json', 'c.Dockerfile', 'b', 'a'], { cwd });
    expect(second.stdout).toBe(first.stdout);
  });
});

describe('stylish output', () => {
  it('groups findings by file with line:col, severity, message and rule id, then a summary', async () => {
    const cwd = tree({ 'a/Dockerfile': ERRS, 'b/Dockerfile': WARNS });
    const { stdout } = await run([], { cwd });
    expect(stdout).toBe(
      [
        'a/Dockerfile',
        '  3:1  error  Unknown instruction "RUNN" (did you mean RUN?).  dockerfile-syntax',
        '',
        'b/Dockerfile',
        '  1:6  warning  Image "alpine" has no tag, so it means "latest"; pin a version or a digest.  untagged-image',
        '',
        '✖ 2 problems (1 error, 1 warning, 0 infos) in 2 files.',
        '',
      ].join('\n'),
    );
  });

  it('says so when there are no problems', async () => {
    expect((await run([], { cwd: tree({ Dockerfile: CLEAN }) })).stdout).toBe('✔ No problems in 1 file.\n');
  });

  it('uses colours on a TTY, and honours NO_COLOR, FORCE_COLOR, --color and --no-color', async () => {
    const cwd = tree({ Dockerfile: WARNS });
    const coloured = async (argv: string[], env: NodeJS.ProcessEnv, isTTY: boolean) => /\u001b\[/.test((await run(argv, { cwd, env, isTTY })).stdout);
    expect(await coloured([], {}, false)).toBe(false);
    expect(await coloured([], {}, true)).toBe(true);
    expect(await coloured([], { NO_COLOR: '1' }, true)).toBe(false);
    expect(await coloured([], { FORCE_COLOR: '1' }, false)).toBe(true);
    expect(await coloured([], { FORCE_COLOR: '0' }, true)).toBe(false);
    expect(await coloured(['--color'], { NO_COLOR: '1' }, false)).toBe(true);
    expect(await coloured(['--no-color'], { FORCE_COLOR: '1' }, true)).toBe(false);
  });
});

describe('several outputs', () => {
  it('writes each format to its -o file, and the format without one to stdout', async () => {
    const cwd = tree({ Dockerfile: WARNS });
    const { code, stdout } = await run(['-f', 'json', '-o', 'out/report.json', '-f', 'stylish'], { cwd, isTTY: true });
    expect(code).toBe(0);
    expect(stdout).toContain('untagged-image');
    expect(stdout).toMatch(/\u001b\[/);
    const written = JSON.parse(readFileSync(join(cwd, 'out/report.json'), 'utf8')) as { findings: { ruleId: string }[] };
    expect(written.findings.map((f) => f.ruleId)).toEqual(['untagged-image']);
  });

  it('writes stylish to a file without colours', async () => {
    const cwd = tree({ Dockerfile: WARNS });
    const { stdout } = await run(['-o', 'lint.txt', '--color'], { cwd });
    expect(stdout).toBe('');
    const text = readFileSync(join(cwd, 'lint.txt'), 'utf8');
    expect(text).toContain('1:6  warning');
    expect(text).not.toMatch(/\u001b\[/);
  });

  it('exits 2 with one line when an output file cannot be written', async () => {
    const cwd = tree({ Dockerfile: CLEAN, 'taken/keep': '' });
    const { code, stderr } = await run(['-o', 'taken'], { cwd });
    expect(code).toBe(2);
    expect(stderr).toBe(`plimsoll: Cannot write ${join(cwd, 'taken')}: it is a folder.\n`);
  });

  it('exits 2 for an unknown format', async () => {
    const { code, stderr } = await run(['-f', 'xml'], { cwd: tree({ Dockerfile: CLEAN }) });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^plimsoll: Unknown format "xml" \(use stylish, json(, [a-z]+)*\)\.\nRun "plimsoll --help" for usage\.\n$/);
  });
});

describe('exit codes and thresholds', () => {
  const cases: [string, string, string[], number][] = [
    ['clean', CLEAN, [], 0],
    ['warnings only', WARNS, [], 0],
    ['an error', ERRS, [], 1],
    ['warnings with --fail-on warning', WARNS, ['--fail-on', 'warning'], 1],
    ['an info with --fail-on warning', INFO, ['--fail-on', 'warning'], 0],
    ['an info with --fail-on info', INFO, ['--fail-on', 'info'], 1],
    ['an error with --fail-on none', ERRS, ['--fail-on', 'none'], 0],
    ['1 warning with --max-warnings 0', WARNS, ['--max-warnings', '0'], 1],
    ['1 warning with --max-warnings 1', WARNS, ['--max-warnings', '1'], 0],
    ['1 warning with --fail-on none --max-warnings 0', WARNS, ['--fail-on', 'none', '--max-warnings', '0'], 1],
  ];
  for (const [name, text, argv, expected] of cases) {
    it(`${name} → ${expected}`, async () => {
      expect((await run(argv, { cwd: tree({ Dockerfile: text }) })).code).toBe(expected);
    });
  }

  it('exits 2 for invalid option values, with one line naming the problem', async () => {
    const cwd = tree({ Dockerfile: CLEAN });
    const problems: [string[], string][] = [
      [['--fail-on', 'warn'], '--fail-on expects error, warning, info or none, got "warn".'],
      [['--max-warnings=-1'], '--max-warnings expects a whole number, got "-1".'],
      [['--max-warnings', 'many'], '--max-warnings expects a whole number, got "many".'],
      [['--max-warnings'], "Option '--max-warnings <value>' argument missing"],
      [['--rule', 'untagged-image'], '--rule expects <rule-id>=<off|info|warning|error>, got "untagged-image".'],
      [['--rule', 'untaged-image=off'], 'Unknown rule "untaged-image" in --rule (did you mean "untagged-image"?). "plimsoll rules" lists them all.'],
      [['--bogus'], "Unknown option '--bogus'."],
      [['--config', 'a.json', '--no-config'], '--config and --no-config cannot be used together.'],
    ];
    for (const [argv, message] of problems) {
      const { code, stdout, stderr } = await run(argv, { cwd });
      expect(code, argv.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(`plimsoll: ${message}\nRun "plimsoll --help" for usage.\n`);
    }
  });
});

describe('options', () => {
  it('--rule overrides severities and turns rules off or on', async () => {
    const cwd = tree({ Dockerfile: 'FROM alpine\nADD a /a\n' });
    const { code, report } = await runJson(['--rule', 'untagged-image=error', '--rule', 'add-instead-of-copy=off', '--rule', 'missing-healthcheck=info'], { cwd });
    expect(code).toBe(1);
    expect(report.findings.map((f) => `${f.ruleId}:${f.severity}`).sort()).toEqual(['missing-healthcheck:info', 'run-as-root:warning', 'untagged-image:error']);
  });

  it('--rule wins over the config file', async () => {
    const cwd = tree({ '.plimsollrc.json': '{"rules":{"untagged-image":"off"}}', Dockerfile: WARNS });
    expect((await runJson(['--rule', 'untagged-image=info'], { cwd })).report.findings.map((f) => `${f.ruleId}:${f.severity}`)).toEqual(['untagged-image:info']);
  });

  it('--config uses the given file; --no-config ignores config files', async () => {
    const cwd = tree({ '.plimsollrc.json': '{"rules":{"untagged-image":"off"}}', 'ci.yaml': 'rules:\n  untagged-image: error\n', Dockerfile: WARNS });
    expect((await runJson([], { cwd })).report.findings).toEqual([]);
    expect((await runJson(['-c', 'ci.yaml'], { cwd })).report.findings.map((f) => f.severity)).toEqual(['error']);
    expect((await runJson(['--no-config'], { cwd })).report.findings.map((f) => f.severity)).toEqual(['warning']);
  });

  it('--quiet reports errors only', async () => {
    const cwd = tree({ Dockerfile: 'FROM alpine\nUSER app\nRUNN x\n' });
    const { code, report } = await runJson(['--quiet'], { cwd });
    expect(code).toBe(1);
    expect(report.findings.map((f) => f.ruleId)).toEqual(['dockerfile-syntax']);
    expect(report.summary).toMatchObject({ errors: 1, warnings: 0, infos: 0 });
    expect((await run(['--quiet'], { cwd: tree({ Dockerfile: WARNS }) })).stdout).toBe('✔ No problems in 1 file.\n');
  });

  it('exits 2 with one line for a configuration error, from a found or a given file', async () => {
    const cwd = tree({ '.plimsollrc.json': '{"rules":{"untaged-image":"off"}}', 'bad.yaml': 'rules: [', Dockerfile: CLEAN });
    const found = await run([], { cwd });
    expect([found.code, found.stdout]).toEqual([2, '']);
    expect(found.stderr).toBe(`plimsoll: configuration error: ${join(cwd, '.plimsollrc.json')}: unknown rule "untaged-image" (did you mean "untagged-image"?)\n`);
    const given = await run(['--config', 'bad.yaml'], { cwd });
    expect(given.code).toBe(2);
    expect(given.stderr.trim().split('\n')).toHaveLength(1);
    expect(given.stderr).toMatch(/^plimsoll: configuration error: .*bad\.yaml: cannot read configuration: /);
  });
});
