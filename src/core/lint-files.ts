/**
 * Linting many files: discovery, per-file configuration, reading, the facts gathered from
 * all files together (collectors), then each file's rules, and the summary.
 */
import { resolve } from 'node:path';
import { ConfigResolver, isIgnored, settingsForFile, type CliRuleOverrides, type LoadedConfig } from './config.js';
import { detectFormat, formatFromName } from './detect.js';
import { discoverFiles, type DiscoveredFile } from './discover.js';
import { createEnvironment, type EnvironmentOptions, type LintEnvironment } from './environment.js';
import { lintProject, resolveImages, type ProjectInput } from './lint-project.js';
import { prepareFormats, sortFindings, summarise, type lintSource, type LintResult } from './lint.js';
import { readSource, type ReadResult } from './load.js';
import { lintProjectInWorkers, resolveJobs, workerModule } from './parallel.js';
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
  /** Lint only the `index`-th (1-based) of `count` slices of the files (`--shard`); facts and the graph still come from all. */
  shard?: { index: number; count: number };
}

/** lintSource, or a wrapper of it (the same parameters and result). */
export type FileLinter = typeof lintSource;

interface ReadFile {
  file: DiscoveredFile;
  config: LoadedConfig;
  read: ReadResult;
  format: FileFormat;
}

export async function lintFiles(patterns: readonly string[], options: LintFilesOptions = {}): Promise<LintResult> {
  const { inputs, env, configs } = await readProject(patterns, options);
  const selected = options.shard ? shardOf(inputs.length, options.shard) : undefined;
  const bytes = (selected ?? inputs.map((_, i) => i)).reduce((sum, i) => sum + (inputs[i]!.text?.length ?? 0), 0);
  const jobs = options.lintFile || options.host ? 1 : resolveJobs(options.jobs, bytes);
  const worker = jobs > 1 ? workerModule() : undefined;
  const only = selected ? new Set(selected) : undefined;
  const { results } = worker
    ? await lintProjectInWorkers(inputs, configs, options.ruleOverrides ?? new Map(), environmentOptions(options), { jobs, worker, ...(only ? { only } : {}) })
    : lintProject(inputs, env, { ...(options.lintFile ? { lintFile: options.lintFile } : {}), ...(only ? { only } : {}) });
  const findings = sortFindings(uniqueFindings(results.flatMap((r) => r.findings)));
  return { files: results, findings, summary: summarise(results, findings) };
}

/** The files of slice `index` of `count`: every count-th file of the (sorted) input, from the index-th on. */
export function shardOf(length: number, { index, count }: { index: number; count: number }): number[] {
  const out: number[] = [];
  for (let i = index - 1; i < length; i += count) out.push(i);
  return out;
}

/** The environment settings a worker needs to build the same environment. */
function environmentOptions(options: LintFilesOptions): EnvironmentOptions {
  const environment: EnvironmentOptions = {};
  if (options.kubernetesVersion !== undefined) environment.kubernetesVersion = options.kubernetesVersion;
  if (options.schemaLocations !== undefined) environment.schemaLocations = options.schemaLocations;
  if (options.compose !== undefined) environment.compose = options.compose;
  return environment;
}

/** Discovers, configures, reads and detects the files of a run; prepares their formats. */
export async function readProject(
  patterns: readonly string[],
  options: LintFilesOptions = {},
): Promise<{ inputs: ProjectInput[]; env: LintEnvironment; configs: LoadedConfig[] }> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const files = options.files ?? (await discoverFiles(patterns, cwd));
  const resolver = new ConfigResolver(cwd, options.config, !options.noConfig);
  const overrides = options.ruleOverrides ?? new Map();
  const env = createEnvironment(options);

  const read = await readAll(files, resolver, options.skipUnknown ?? false);
  await prepareFormats(new Set(read.map((r) => r.format)));
  const inputs = read.map(({ file, config, read: { text, problem }, format }): ProjectInput => {
    const { rules, settings } = settingsForFile(config, file.absolute, overrides);
    const input: ProjectInput = { display: file.display, absolute: file.absolute, format, rules };
    if (text !== undefined) input.text = text;
    if (problem) input.problem = problem;
    const images = resolveImages(config.baseDir, settings.images);
    if (images) input.images = images;
    return input;
  });
  return { inputs, env, configs: read.map((r) => r.config) };
}

/**
 * Files linted together can report the same finding twice: a compose override and its base
 * file both see the merged project, an included file is linted on its own and through the
 * file that includes it. A finding is the same when rule, file, place and message agree.
 */
function uniqueFindings(findings: LintResult['findings']): LintResult['findings'] {
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
