/** `plimsoll rules`, `plimsoll explain`, `--help`, `--version` and the commands not built yet. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registeredRules } from '../../src/core/registry.js';
import { run } from './run.js';

const ROOT = join(import.meta.dirname, '../..');
const cwd = ROOT;

describe('plimsoll rules', () => {
  it('prints every rule as a table with a count', async () => {
    const { code, stdout } = await run(['rules'], { cwd });
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^RULE\s+SEVERITY\s+RECOMMENDED\s+FORMATS\s+FIX\s+SOURCES$/);
    const ids = registeredRules().map((r) => r.rule.id);
    for (const id of ids) expect(lines.some((l) => l.startsWith(`${id} `) || l === id)).toBe(true);
    expect(lines.at(-1)).toBe(`${ids.length} rules.`);
    expect(stdout).toContain('hadolint:DL3007');
  });

  it('prints the catalog as JSON with every rule\'s metadata, sources and docs path', async () => {
    const { code, stdout } = await run(['rules', '--format', 'json'], { cwd });
    expect(code).toBe(0);
    const catalog = JSON.parse(stdout) as Record<string, unknown>[];
    expect(catalog.map((e) => e.id)).toEqual(registeredRules().map((r) => r.rule.id));
    const tools = new Set(['hadolint', 'buildkit', 'kube-linter', 'kube-score', 'polaris', 'checkov', 'trivy', 'kubeconform', 'dclint', 'kics', 'compose']);
    for (const entry of catalog) {
      const keys = Object.keys(entry).filter((k) => k !== 'options');
      expect(keys, String(entry.id)).toEqual(['id', 'description', 'formats', 'severity', 'recommended', 'category', 'fixable', 'sources', 'docs']);
      expect(['error', 'warning', 'info']).toContain(entry.severity);
      expect([false, 'safe', 'unsafe']).toContain(entry.fixable);
      for (const source of entry.sources as { tool: string; id: string }[]) expect(tools.has(source.tool), `${String(entry.id)}: ${source.tool}`).toBe(true);
      expect(entry.docs).toMatch(/^rules\/[a-z]+\/[a-z0-9-]+\.md$/);
      expect(existsSync(join(ROOT, entry.docs as string)), String(entry.docs)).toBe(true);
    }
    const latest = catalog.find((e) => e.id === 'latest-tag')!;
    expect(latest).toMatchObject({ formats: ['dockerfile', 'compose', 'kubernetes'], docs: 'rules/container/latest-tag.md' });
    expect(latest.sources).toContainEqual({ tool: 'hadolint', id: 'DL3007' });
  });

  it('refuses other formats and paths', async () => {
    expect((await run(['rules', '--format', 'xml'], { cwd })).code).toBe(2);
    expect((await run(['rules', 'x'], { cwd })).code).toBe(2);
  });
});

describe('plimsoll explain', () => {
  it('prints the rule\'s metadata and its documentation', async () => {
    const { code, stdout } = await run(['explain', 'untagged-image'], { cwd });
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toMatch(/^untagged-image — /);
    expect(stdout).toContain('equivalent checks: hadolint DL3006');
    expect(stdout).toContain(readFileSync(join(ROOT, 'rules/container/untagged-image.md'), 'utf8'));
  });

  it('exits 2 for an unknown rule, naming the closest one', async () => {
    const { code, stdout, stderr } = await run(['explain', 'untaged-image'], { cwd });
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toBe('plimsoll: Unknown rule "untaged-image" (did you mean "untagged-image"?). "plimsoll rules" lists them all.\nRun "plimsoll --help" for usage.\n');
    const far = await run(['explain', 'zzzzzzzz'], { cwd });
    expect(far.stderr).toBe('plimsoll: Unknown rule "zzzzzzzz". "plimsoll rules" lists them all.\nRun "plimsoll --help" for usage.\n');
  });

  it('needs exactly one rule id', async () => {
    expect((await run(['explain'], { cwd })).code).toBe(2);
    expect((await run(['explain', 'a', 'b'], { cwd })).code).toBe(2);
  });
});

describe('help, version and planned commands', () => {
  it('--help and -h print usage with every lint option, exit 0', async () => {
    for (const flag of ['--help', '-h', 'rules --help']) {
      const { code, stdout } = await run(flag.split(' '), { cwd });
      expect(code).toBe(0);
      expect(stdout).toMatch(/^Usage: plimsoll \[lint\] \[paths…\]/);
      for (const option of ['--format', '--output', '--config', '--no-config', '--rule', '--fail-on', '--max-warnings', '--stdin', '--stdin-filename', '--quiet', '--color']) {
        expect(stdout).toContain(option);
      }
    }
  });

  it('--version and -v print the package version', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await run(['--version'], { cwd })).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect((await run(['-v'], { cwd })).stdout).toBe(`${version}\n`);
  });

  it('says a contract command is not available yet, exit 2', async () => {
    for (const command of ['init', 'lsp', 'audit', 'merge']) {
      const { code, stderr } = await run([command], { cwd });
      expect(code).toBe(2);
      expect(stderr.split('\n')[0]).toBe(`plimsoll: "plimsoll ${command}" is not available in this version.`);
    }
  });

  it('accepts an explicit lint command', async () => {
    const { code, stdout } = await run(['lint', 'fixtures/dockerfile', '-f', 'json', '--no-config', '--fail-on', 'none'], { cwd });
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { files: unknown[] }).files.length).toBeGreaterThan(10);
  });
});
