/**
 * Linting many files: discovery, per-file configuration, reading, the facts gathered from
 * all files together (collectors), then each file's rules, and the summary.
 */
import { resolve } from 'node:path';
import { ConfigResolver, isIgnored, settingsForFile, type CliRuleOverrides, type LoadedConfig } from './config.js';
import { detectFormat, formatFromName } from './detect.js';
import { discoverFiles, type DiscoveredFile } from './discover.js';
import { collectProjectFacts, createEnvironment, type EnvironmentOptions, type LintEnvironment, type ProjectFile } from './environment.js';
import { lintSource, prepareFormats, sortFindings, summarise, type FileResult, type LintResult } from './lint.js';
import { readSource, type ReadResult } from './load.js';
import { lintInWorkers, resolveJobs, workerModule, type WorkerFile } from './parallel.js';
import type { FileFormat } from './types.js';

export interface LintFilesOptions extends EnvironmentOptions {
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
  /**
   * Worker threads (`--jobs`, default 1); `auto` uses every CPU for large inputs (see
   * parallel.ts). One thread whenever a custom `lintFile` or `host` is given.
   */
  jobs?: number | 'auto';
  /** Lint only the `index`-th (1-based) of `count` slices of the files (`--shard`); facts still come from all. */
  shard?: { index: number; count: number };
}

export type FileLinter = typeof lintSource;

interface ReadFile {
  file: DiscoveredFile;
  config: LoadedConfig;
  read: ReadResult;
  format: FileFormat;
}

export async function lintFiles(patterns: readonly string[], options: LintFilesOptions = {}): Promise<LintResult> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const files = options.files ?? (await discoverFiles(patterns, cwd));
  const resolver = new ConfigResolver(cwd, options.config, !options.noConfig);
  const overrides = options.ruleOverrides ?? new Map();
  const lintFile = options.lintFile ?? lintSource;
  const env = createEnvironment(options);

  const read = await readAll(files, resolver, options.skipUnknown ?? false);
  const selected = options.shard ? shardOf(read.length, options.shard) : read.map((_, i) => i);
  const bytes = selected.reduce((sum, i) => sum + (read[i]!.read.text?.length ?? 0), 0);
  const jobs = options.lintFile || options.host ? 1 : resolveJobs(options.jobs, bytes);
  const worker = jobs > 1 ? workerModule() : undefined;

  let results: FileResult[];
  if (worker) {
    results = await lintReadInWorkers(read, selected, overrides, options, jobs, worker);
  } else {
    collectProjectFacts(read.flatMap(projectFile), env);
    const chosen = new Set(selected);
    const all = new Array<FileResult | undefined>(read.length);
    for (const i of lintOrder(read, env)) {
      if (!chosen.has(i)) continue;
      const { file, config, read: { text, problem }, format } = read[i]!;
      await prepareFormats([format]);
      const { rules } = settingsForFile(config, file.absolute, overrides);
      all[i] = lintFile(file.display, text, format, rules, problem, { absolutePath: file.absolute, env });
    }
    results = selected.map((i) => all[i]!);
  }
  const findings = sortFindings(uniqueFindings(results.flatMap((r) => r.findings)));
  return { files: results, findings, summary: summarise(results, findings) };
}

/** The files of slice `index` of `count`: every count-th file of the (sorted) input, from the index-th on. */
export function shardOf(length: number, { index, count }: { index: number; count: number }): number[] {
  const out: number[] = [];
  for (let i = index - 1; i < length; i += count) out.push(i);
  return out;
}

/** The selected files linted by workers, which gather the project facts from every file read. */
async function lintReadInWorkers(
  read: readonly ReadFile[],
  selected: readonly number[],
  overrides: CliRuleOverrides,
  options: LintFilesOptions,
  jobs: number,
  worker: string,
): Promise<FileResult[]> {
  const configs = new Map<LoadedConfig, number>();
  const files: WorkerFile[] = read.map(({ file, config, read: { text, problem }, format }) => {
    if (!configs.has(config)) configs.set(config, configs.size);
    const f: WorkerFile = { display: file.display, absolute: file.absolute, format, config: configs.get(config)! };
    if (text !== undefined) f.text = text;
    if (problem) f.problem = problem;
    return f;
  });
  const environment: EnvironmentOptions = {};
  if (options.kubernetesVersion !== undefined) environment.kubernetesVersion = options.kubernetesVersion;
  if (options.schemaLocations !== undefined) environment.schemaLocations = options.schemaLocations;
  if (options.compose !== undefined) environment.compose = options.compose;
  return lintInWorkers(files, selected, [...configs.keys()], overrides, environment, jobs, worker);
}

/** The order files are linted in (results keep the input order): those others depend on first. */
function lintOrder(read: readonly ReadFile[], env: LintEnvironment): number[] {
  const defining = env.project.lintFirst;
  const indexes = read.map((_, i) => i);
  if (!defining || defining.size === 0) return indexes;
  const first = indexes.filter((i) => defining.has(read[i]!.file.display));
  return [...first, ...indexes.filter((i) => !defining.has(read[i]!.file.display))];
}

/**
 * Files linted together can report the same finding twice: a compose override and its base
 * file both see the merged project, an included file is linted on its own and through the
 * file that includes it. A finding is the same when rule, file, place and message agree.
 */
function uniqueFindings(findings: FileResult['findings']): FileResult['findings'] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.ruleId}\u0000${f.file}\u0000${f.span.start}\u0000${f.span.end}\u0000${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Reads and detects every file that is not ignored, keeping a few reads in flight. */
async function readAll(files: readonly DiscoveredFile[], resolver: ConfigResolver, skipUnknown: boolean): Promise<ReadFile[]> {
  const pending = files.map((file) => ({ file, read: undefined as Promise<ReadResult> | undefined }));
  const window = 16;
  for (let i = 0; i < Math.min(window, pending.length); i++) pending[i]!.read = readSource(pending[i]!.file.absolute);
  const out: ReadFile[] = [];
  for (let i = 0; i < pending.length; i++) {
    const { file } = pending[i]!;
    const next = pending[i + window];
    if (next) next.read = readSource(next.file.absolute);
    const config = await resolver.forFile(file.absolute);
    if (isIgnored(config, file.absolute)) continue;
    const read = await pending[i]!.read!;
    const explicit = file.explicit && !skipUnknown;
    const format =
      read.text === undefined
        ? (formatFromName(file.absolute) ?? (explicit ? 'unknown' : undefined))
        : detectFormat(file.absolute, read.text, explicit);
    if (!format || (format === 'yaml' && !explicit)) continue;
    out.push({ file, config, read, format });
  }
  return out;
}

function projectFile({ file, read, format }: ReadFile): ProjectFile[] {
  return read.text === undefined ? [] : [{ absolute: file.absolute, display: file.display, format, text: read.text }];
}
