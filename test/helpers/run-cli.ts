/** Runs the CLI in-process, as `plimsoll <argv>` in `cwd`, capturing what it prints. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { LintResult } from '../../src/core/lint.js';
import { main } from '../../src/cli/main.js';
import { findRule } from '../../src/core/registry.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  result?: LintResult;
}

export async function runCli(
  argv: string[],
  options: { cwd: string; stdin?: string | Buffer; env?: NodeJS.ProcessEnv } = { cwd: process.cwd() },
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  let result: LintResult | undefined;
  const code = await main(argv, {
    cwd: options.cwd,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readStdin: async () => options.stdin ?? '',
    env: options.env ?? {},
    isTTY: false,
    onResult: (r) => (result = r),
  });
  return { code, stdout, stderr, ...(result ? { result } : {}) };
}

/** A fresh folder holding these files (paths relative to it). */
export function tempProject(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'plimsoll-test-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/**
 * A plimsoll.config.yaml enabling only these rules, at their default severities, so that
 * a test's expectations do not change when other rules are added to the recommended set.
 */
export function onlyRules(...ids: string[]): string {
  const lines = ids.map((id) => {
    const rule = findRule(id);
    if (!rule) throw new Error(`no rule ${id}`);
    return `  ${id}: ${rule.rule.meta.severity}`;
  });
  return `extends: []\nrules:\n${lines.join('\n')}\n`;
}
