/** `--stdin`: lint standard input as if it were the file named by --stdin-filename. */
import { resolve } from 'node:path';
import { ConfigResolver, isIgnored, settingsForFile } from '../core/config.js';
import { detectFormat } from '../core/detect.js';
import { displayPath } from '../core/discover.js';
import { createEnvironment } from '../core/environment.js';
import type { LintFilesOptions } from '../core/lint-files.js';
import { lintProject, resolveImages, type ProjectInput } from '../core/lint-project.js';
import { prepareFormats, summarise, type FileResult, type LintResult } from '../core/lint.js';
import { decode } from '../core/load.js';

export async function lintStdin(input: string | Buffer, filename: string | undefined, options: LintFilesOptions): Promise<LintResult> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const absolute = resolve(cwd, filename ?? 'stdin');
  const display = filename ? displayPath(cwd, absolute) : '<stdin>';
  const { text, problem } = typeof input === 'string' ? { text: input, problem: undefined } : decode(input);
  const config = await new ConfigResolver(cwd, options.config, !options.noConfig).forFile(absolute);
  if (filename && isIgnored(config, absolute)) return { files: [], findings: [], summary: summarise([], []) };
  const format = text === undefined ? 'unknown' : (detectFormat(absolute, text, true) ?? 'unknown');
  await prepareFormats([format]);
  const { rules, settings } = settingsForFile(config, absolute, options.ruleOverrides);
  const project: ProjectInput = { display, absolute, format, rules, ...(text !== undefined ? { text } : {}), ...(problem ? { problem } : {}) };
  const images = resolveImages(config.baseDir, settings.images);
  if (images) project.images = images;
  const [file] = lintProject([project], createEnvironment(options), options.lintFile ? { lintFile: options.lintFile } : {}).results as [FileResult];
  return { files: [file], findings: file.findings, summary: summarise([file], file.findings) };
}
