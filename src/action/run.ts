/**
 * The GitHub Action: runs the plimsoll CLI in-process with the inputs, so it has every
 * option the CLI has, then writes the step outputs and a job summary. The protocol is
 * small and documented (INPUT_* variables, the GITHUB_OUTPUT and GITHUB_STEP_SUMMARY
 * files, workflow commands on stdout), so it is spoken directly rather than through
 * @actions/core: no dependency, a smaller bundle, and the github formatter already owns
 * the escaping.
 */
import { randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { main, type CliIO } from '../cli/main.js';
import type { LintResult } from '../core/lint.js';
import { escapeData } from '../report/github.js';
import { formatMarkdown } from '../report/markdown.js';
import { cliArguments, readInputs } from './inputs.js';

export interface ActionIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** One step output in the GITHUB_OUTPUT file format (a heredoc when the value has a line break). */
export function outputLine(name: string, value: string): string {
  if (!/[\r\n]/.test(value)) return `${name}=${value}\n`;
  const delimiter = `ghadelimiter_${randomBytes(8).toString('hex')}`;
  return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}

/** Every output the Action writes; action.yml declares exactly these (a test checks). */
export const OUTPUT_NAMES = ['errors', 'warnings', 'infos', 'sarif-file'] as const;

export async function runAction(env: NodeJS.ProcessEnv, io: ActionIO): Promise<number> {
  const workspace = resolve(env.GITHUB_WORKSPACE || process.cwd());
  let inputs;
  try {
    inputs = readInputs(env);
  } catch (error) {
    io.stdout(`::error title=Plimsoll::${escapeData((error as Error).message)}\n`);
    return 2;
  }
  const cwd = resolve(workspace, inputs.workingDirectory);
  let result: LintResult | undefined;
  let errorText = '';
  const cli: CliIO = {
    cwd,
    stdout: io.stdout,
    stderr: (text) => {
      errorText += text;
      io.stderr(text);
    },
    readStdin: async () => '',
    env: { ...env, GITHUB_WORKSPACE: workspace },
    isTTY: false,
    onResult: (r) => (result = r),
  };
  const code = await main(cliArguments(inputs), cli);

  if (code === 2) {
    const message = errorText.split('\n')[0]!.replace(/^plimsoll: /, '') || 'plimsoll failed';
    io.stdout(`::error title=Plimsoll::${escapeData(message)}\n`);
  }
  if (result) {
    const sarifPath = inputs.sarifFile ? resolve(cwd, inputs.sarifFile) : '';
    const outputs: Record<(typeof OUTPUT_NAMES)[number], string | number> = {
      errors: result.summary.errors,
      warnings: result.summary.warnings,
      infos: result.summary.infos,
      'sarif-file': sarifPath,
    };
    if (env.GITHUB_OUTPUT) {
      appendFileSync(env.GITHUB_OUTPUT, Object.entries(outputs).map(([k, v]) => outputLine(k, String(v))).join(''));
    }
    if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, formatMarkdown(result, { color: false, cwd, root: workspace }));
  }
  return code;
}
