/** Runs the CLI in-process through `main(argv, io)`, capturing what it writes. */
import { main, type CliIO } from '../../src/cli/main.js';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  stdin?: string | Buffer;
  env?: NodeJS.ProcessEnv;
  isTTY?: boolean;
}

export async function run(argv: string[], options: RunOptions): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    cwd: options.cwd,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readStdin: () => Promise.resolve(options.stdin ?? ''),
    env: options.env ?? {},
    isTTY: options.isTTY ?? false,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** The parsed JSON report of a run with `-f json`. */
export interface JsonReport {
  tool: { name: string; version: string };
  files: { path: string; format: string; documents: number; findings: number }[];
  findings: {
    ruleId: string;
    severity: string;
    message: string;
    file: string;
    format: string;
    range: { start: { line: number; column: number }; end: { line: number; column: number } };
    fix?: { safe: boolean; edits: unknown[] };
    fingerprint: string;
  }[];
  summary: { files: number; errors: number; warnings: number; infos: number; fixable: number };
}

export async function runJson(argv: string[], options: RunOptions): Promise<{ code: number; report: JsonReport; stderr: string }> {
  const result = await run([...argv, '-f', 'json'], options);
  return { code: result.code, report: JSON.parse(result.stdout) as JsonReport, stderr: result.stderr };
}
