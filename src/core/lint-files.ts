/** Linting many files: discovery, per-file configuration, reading, and the summary. */
import { resolve } from 'node:path';
import { ConfigResolver, isIgnored, settingsForFile, type CliRuleOverrides, type LoadedConfig } from './config.js';
import { detectFormat, formatFromName } from './detect.js';
import { discoverFiles, type DiscoveredFile } from './discover.js';
import { lintSource, prepareFormats, sortFindings, summarise, type FileResult, type LintResult } from './lint.js';
import { readSource } from './load.js';

export interface LintFilesOptions {
  cwd?: string;
  /** An explicit configuration, instead of looking for config files. */
  config?: LoadedConfig;
  /** Ignore config files and use the defaults. */
  noConfig?: boolean;
  /** `--rule id=severity` overrides. */
  ruleOverrides?: CliRuleOverrides;
  /** Read these files as they are; do not look for others. */
  files?: DiscoveredFile[];
  /** Files named explicitly are detected like found ones: unrecognised files are skipped silently. */
  skipUnknown?: boolean;
  /** Lints one file; `--fix` passes one that fixes, then lints the result. Default: lintSource. */
  lintFile?: FileLinter;
}

export type FileLinter = typeof lintSource;

export async function lintFiles(patterns: readonly string[], options: LintFilesOptions = {}): Promise<LintResult> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const files = options.files ?? (await discoverFiles(patterns, cwd));
  const resolver = new ConfigResolver(cwd, options.config, !options.noConfig);
  const overrides = options.ruleOverrides ?? new Map();
  const lintFile = options.lintFile ?? lintSource;
  const results: FileResult[] = [];
  // Reading is I/O bound: keep a few reads in flight while linting synchronously.
  const reads = files.map((file) => ({ file, read: undefined as ReturnType<typeof readSource> | undefined }));
  const window = 16;
  for (let i = 0; i < Math.min(window, reads.length); i++) reads[i]!.read = readSource(reads[i]!.file.absolute);
  for (let i = 0; i < reads.length; i++) {
    const { file } = reads[i]!;
    const next = reads[i + window];
    if (next) next.read = readSource(next.file.absolute);
    const config = await resolver.forFile(file.absolute);
    if (isIgnored(config, file.absolute)) continue;
    const { text, problem } = await reads[i]!.read!;
    const explicit = file.explicit && !options.skipUnknown;
    const format =
      text === undefined
        ? (formatFromName(file.absolute) ?? (explicit ? 'unknown' : undefined))
        : detectFormat(file.absolute, text, explicit);
    if (!format || (format === 'yaml' && !explicit)) continue;
    await prepareFormats([format]);
    const { rules } = settingsForFile(config, file.absolute, overrides);
    results.push(lintFile(file.display, text, format, rules, problem));
  }
  const findings = sortFindings(results.flatMap((r) => r.findings));
  return { files: results, findings, summary: summarise(results, findings) };
}
