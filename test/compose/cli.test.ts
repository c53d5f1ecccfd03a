/** --env-file and --process-env, run the way users run them (the CLI's main). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main, type CliIO } from '../../src/cli/main.js';

const dir = mkdtempSync(join(tmpdir(), 'plimsoll-compose-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'compose.yaml'), 'services:\n  web:\n    image: "nginx:${TAG}"\n    ports: ["${PORT:?set PORT}:80"]\n');
writeFileSync(join(dir, 'ci.env'), 'TAG=1.27\nPORT=8080\n');
writeFileSync(join(dir, 'tag.env'), 'TAG=1.27\n');

async function run(args: string[], env: Record<string, string> = {}): Promise<string[]> {
  let stdout = '';
  const io: CliIO = { cwd: dir, stdout: (t) => void (stdout += t), stderr: () => undefined, readStdin: async () => '', env, isTTY: false };
  await main(['--no-config', '-f', 'json', ...args, 'compose.yaml'], io);
  return (JSON.parse(stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId).filter((id) => id.startsWith('compose-var') || /variable/.test(id)).sort();
}

describe('compose variables from the command line', () => {
  it('reads no process environment by default', async () => {
    expect(await run([], { TAG: '1', PORT: '80' })).toEqual(['compose-required-variable', 'compose-undefined-variable']);
  });
  it('reads --env-file files (repeatable) instead of .env', async () => {
    expect(await run(['--env-file', 'ci.env'])).toEqual([]);
    expect(await run(['--env-file', 'tag.env'])).toEqual(['compose-required-variable']);
  });
  it('reads the process environment with --process-env', async () => {
    expect(await run(['--process-env', '--env-file', 'tag.env'], { PORT: '80' })).toEqual([]);
  });
});
