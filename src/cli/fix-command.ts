/**
 * `--fix` and `--fix-dry-run`. Linting goes through a FixSession's `lintFile`, which
 * fixes each file in memory (src/core/fix.ts) and returns what is left to report; the
 * session then writes the files atomically, or prints a unified diff and writes nothing.
 *
 * Standard input is never written anywhere: `--fix` prints the fixed text and
 * `--fix-dry-run` the diff, on stdout. Whenever stdout carries fix output, the reports
 * that would go there go to stderr instead, so the output can be piped (to a file,
 * to `git apply`).
 */
import { randomBytes } from 'node:crypto';
import { chmod, chown, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { fixSource, type FixOutcome } from '../core/fix.js';
import type { FileLinter } from '../core/lint-files.js';
import { lintSource } from '../core/lint.js';
import { CliError } from './errors.js';

export type FixMode = 'write' | 'dry-run';

export interface FixReport {
  /** Text for stdout (the diff, or the fixed standard input); empty when files were written. */
  stdout: string;
  /** True when stdout belongs to the fix output and reports must go elsewhere. */
  ownsStdout: boolean;
  /** One line per file whose fixing stopped early. */
  warnings: string[];
  fixedFiles: number;
  fixedProblems: number;
}

export class FixSession {
  private readonly outcomes: { path: string; outcome: FixOutcome }[] = [];

  /** `stdin`: the text read from standard input, printed as it is when nothing lints it (an ignored file). */
  constructor(
    readonly mode: FixMode,
    private readonly cwd: string,
    private readonly stdin?: string,
  ) {}

  readonly lintFile: FileLinter = (path, text, format, rules, problem, where) => {
    const outcome = fixSource(lintSource, path, text, format, rules, problem, where);
    this.outcomes.push({ path, outcome });
    return outcome.result;
  };

  async finish(): Promise<FixReport> {
    const changed = this.outcomes.filter(({ outcome }) => outcome.output !== outcome.original);
    const report: FixReport = {
      stdout: '',
      ownsStdout: this.stdin !== undefined || this.mode === 'dry-run',
      warnings: this.outcomes.flatMap(({ path, outcome }) => (outcome.problem ? [`${path}: ${outcome.problem}`] : [])),
      fixedFiles: changed.length,
      fixedProblems: changed.reduce((n, { outcome }) => n + outcome.fixed, 0),
    };
    if (this.mode === 'dry-run') {
      report.stdout = changed.map(({ path, outcome }) => unifiedDiff(path, outcome.original, outcome.output)).join('');
    } else if (this.stdin !== undefined) {
      report.stdout = this.outcomes[0]?.outcome.output ?? this.stdin;
    } else {
      for (const { path, outcome } of changed) await writeFileAtomic(resolve(this.cwd, path), outcome.output);
    }
    return report;
  }
}

export function unifiedDiff(path: string, before: string, after: string): string {
  return createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after, undefined, undefined, { headerOptions: FILE_HEADERS_ONLY });
}

/**
 * Replaces a file's content without a moment where it is half-written: a temporary file
 * in the same folder (same file system), given the original's mode (and owner, where
 * permitted), then renamed over it. Symbolic links are followed, not replaced.
 */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  let target: string;
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    target = await realpath(path);
    info = await stat(target);
  } catch (error) {
    throw new CliError(`cannot write fixes to ${path}: ${(error as Error).message}`);
  }
  const mode = Number(info.mode) & 0o7777;
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.plimsoll-fix`);
  try {
    await writeFile(temp, content, { mode, flag: 'wx' });
    await chmod(temp, mode); // the umask may have narrowed it
    await chown(temp, Number(info.uid), Number(info.gid)).catch(() => undefined);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw new CliError(`cannot write fixes to ${path}: ${(error as Error).message}`);
  }
}
