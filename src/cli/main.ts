/**
 * The command-line entry. Returns the exit code; never lets a stack trace reach the user:
 * usage and configuration problems are one line and exit 2.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { ConfigError, loadConfigFile } from '../core/config.js';
import { UsageError } from '../core/discover.js';
import type { LintResult } from '../core/lint.js';
import { packageVersion } from '../core/package-info.js';
import { findRule, ruleIds } from '../core/registry.js';
import { closest } from '../core/suggest.js';
import { SEVERITY_RANK } from '../core/types.js';
import { FORMATTERS } from '../report/formatters.js';
import { HELP, parseCli, type LintArgs } from './args.js';
import { applyBaseline, baselineText, readBaseline } from './baseline.js';
import { CliError } from './errors.js';
import { FixSession } from './fix-command.js';
import { graphCommand, simulateCommand } from './graph-command.js';
import { explainRule, listRules } from './rules-command.js';
import { lintStdin } from './stdin.js';

export interface CliIO {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string | Buffer>;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  /** Receives the result as reported (after fixes, baseline and --quiet); the GitHub Action reads its counts. */
  onResult?: (result: LintResult) => void;
}

export function defaultIO(): CliIO {
  return {
    cwd: process.cwd(),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readStdin: readAllStdin,
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
  };
}

async function readAllStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function main(argv: readonly string[], io: CliIO = defaultIO()): Promise<number> {
  try {
    const args = parseCli(argv);
    switch (args.command) {
      case 'help':
        io.stdout(HELP);
        return 0;
      case 'version':
        io.stdout(`${packageVersion()}\n`);
        return 0;
      case 'rules':
        io.stdout(listRules(args.format));
        return 0;
      case 'explain':
        io.stdout(explainRule(args.ruleId));
        return 0;
      case 'lint':
        return await lintCommand(args, io);
      case 'graph':
        return await graphCommand(args, io);
      case 'simulate':
        return await simulateCommand(args, io);
    }
  } catch (error) {
    return failure(error, io);
  }
}

function failure(error: unknown, io: CliIO): number {
  if (error instanceof UsageError) io.stderr(`plimsoll: ${error.message}\nRun "plimsoll --help" for usage.\n`);
  else if (error instanceof ConfigError) io.stderr(`plimsoll: configuration error: ${error.message}\n`);
  else if (error instanceof CliError) io.stderr(`plimsoll: ${error.message}\n`);
  else {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`plimsoll: internal error: ${message} (please report this at https://github.com/plimsoll-dev/plimsoll/issues)\n`);
    if (io.env.PLIMSOLL_DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  }
  return 2;
}

function useColor(args: LintArgs, io: CliIO): boolean {
  if (args.color !== undefined) return args.color;
  if (io.env.FORCE_COLOR !== undefined) return io.env.FORCE_COLOR !== '0' && io.env.FORCE_COLOR !== 'false';
  if (io.env.NO_COLOR) return false;
  return io.isTTY;
}

/** `--rule` names a rule that does not exist: a usage error naming the closest id. */
function checkRuleIds(args: LintArgs): void {
  for (const id of args.rules.keys()) {
    if (findRule(id)) continue;
    const hint = closest(id, ruleIds(), Math.max(2, Math.floor(id.length / 3)));
    throw new UsageError(`Unknown rule "${id}" in --rule${hint ? ` (did you mean "${hint}"?)` : ''}. "plimsoll rules" lists them all.`);
  }
}

async function lintCommand(args: LintArgs, io: CliIO): Promise<number> {
  checkRuleIds(args);
  const { lintFiles } = await import('../core/lint-files.js');
  const config = args.config ? await loadConfigFile(resolve(io.cwd, args.config)) : undefined;
  const baseline = args.baseline ? await readBaseline(resolve(io.cwd, args.baseline), args.baseline) : undefined;
  const input = args.stdin ? await io.readStdin() : undefined;
  const stdinText = input === undefined ? undefined : typeof input === 'string' ? input : input.toString('utf8');
  const fix = args.fix ? new FixSession(args.fix, io.cwd, stdinText) : undefined;
  const compose = {
    ...(args.envFiles.length > 0 ? { envFiles: args.envFiles.map((f) => resolve(io.cwd, f)) } : {}),
    ...(args.processEnv ? { processEnv: io.env } : {}),
  };
  const options = {
    cwd: io.cwd,
    noConfig: args.noConfig,
    ruleOverrides: args.rules,
    skipUnknown: args.skipUnknown,
    compose,
    ...(config ? { config } : {}),
    ...(args.kubernetesVersion ? { kubernetesVersion: args.kubernetesVersion } : {}),
    ...(args.schemaLocations.length > 0 ? { schemaLocations: args.schemaLocations.map((l) => resolve(io.cwd, l)) } : {}),
    ...(fix ? { lintFile: fix.lintFile } : {}),
    ...(args.jobs !== undefined ? { jobs: args.jobs } : {}),
    ...(args.shard ? { shard: args.shard } : {}),
  };
  let result: LintResult = input !== undefined ? await lintStdin(input, args.stdinFilename, options) : await lintFiles(args.paths, options);

  const fixed = fix ? await fix.finish() : undefined;
  for (const warning of fixed?.warnings ?? []) io.stderr(`plimsoll: ${warning}\n`);
  if (args.writeBaseline) {
    await writeOutput(resolve(io.cwd, args.writeBaseline), baselineText(result.findings));
    io.stderr(`plimsoll: recorded ${result.findings.length} finding(s) in ${args.writeBaseline}.\n`);
    result = applyBaseline(result, result.findings);
  }
  if (baseline) result = applyBaseline(result, baseline);
  if (args.quiet) result = onlyErrors(result);
  io.onResult?.(result);

  if (fixed?.ownsStdout) io.stdout(fixed.stdout);
  // While stdout carries the fix output, reports meant for it go to stderr.
  const toConsole = fixed?.ownsStdout ? io.stderr : io.stdout;
  const context = { color: useColor(args, io), cwd: io.cwd, root: ciRoot(io) };
  for (const target of args.outputs) {
    const text = FORMATTERS[target.format](result, target.file ? { ...context, color: false } : context);
    if (target.file) await writeOutput(resolve(io.cwd, target.file), text);
    else toConsole(text);
  }
  return exitCode(result, args);
}

/** Writes an output file, creating its folder; a failure is one line and exit 2. */
async function writeOutput(path: string, text: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    throw new CliError(`Cannot write ${path}: ${reason}.`);
  }
}

/** Inside GitHub Actions, annotations and SARIF paths are relative to the checkout. */
function ciRoot(io: CliIO): string {
  const workspace = io.env.GITHUB_WORKSPACE;
  return workspace && !relative(resolve(workspace), io.cwd).startsWith('..') ? resolve(workspace) : io.cwd;
}

function onlyErrors(result: LintResult): LintResult {
  const findings = result.findings.filter((f) => f.severity === 'error');
  return {
    files: result.files.map((f) => ({ ...f, findings: f.findings.filter((x) => x.severity === 'error') })),
    findings,
    summary: { ...result.summary, warnings: 0, infos: 0, fixable: findings.filter((f) => f.fix?.safe).length },
  };
}

export function exitCode(result: LintResult, args: Pick<LintArgs, 'failOn' | 'maxWarnings'>): number {
  if (args.failOn !== 'none') {
    const threshold = SEVERITY_RANK[args.failOn];
    if (result.findings.some((f) => SEVERITY_RANK[f.severity] >= threshold)) return 1;
  }
  if (args.maxWarnings !== undefined && result.summary.warnings > args.maxWarnings) return 1;
  return 0;
}
