/**
 * Linting in worker threads (`--jobs`), with tinypool. The main thread discovers, configures
 * and reads the files; every worker gets all of them once, because the collectors (custom
 * resource definitions, compose projects, kustomize patches) must see the whole project, as
 * on one thread. A worker lints the batches it is handed — phase 1: parse, per-file rules —
 * and, while each file's tree is alive, reads what the project graph needs from it (the
 * graph parts' `extract`) and its suppressions. The main thread then builds the graph from
 * those records in input order and runs phase 2 (graph rules) exactly as lintProject does,
 * so the output is the same as with one thread, byte for byte.
 *
 * Records cross threads by structured cloning, which keeps data but not classes: every
 * SourceText in them is sent as a marker and turned back into the main thread's SourceText
 * of that file (one per file, as on one thread), and every GraphFile into the main thread's.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { GraphCollector } from '../model/graph/build.js';
import type { GraphFile } from '../model/graph/types.js';
import type { CliRuleOverrides, LoadedConfig } from './config.js';
import { createEnvironment, type EnvironmentOptions, type ProjectFile } from './environment.js';
import { sortFindings, type FileResult } from './lint.js';
import type { ProjectInput, ProjectRun } from './lint-project.js';
import type { ReadProblem } from './load.js';
import { packageRoot } from './package-info.js';
import { isProjectRule, runProjectRules, type ProjectFileState } from './project-rules.js';
import { SourceText } from './source.js';
import type { Suppression } from './suppress.js';
import type { FileFormat } from './types.js';

/** One file of the run, as the workers receive it. */
export interface WorkerFile {
  display: string;
  absolute?: string;
  text?: string;
  problem?: ReadProblem;
  format: FileFormat;
  /** Index into WorkerSetup.configs. */
  config: number;
}

/** What every worker gets once. */
export interface WorkerSetup {
  files: WorkerFile[];
  configs: LoadedConfig[];
  overrides: [string, string][];
  environment: EnvironmentOptions;
  /** Whether phase 2 runs (some file has a graph rule on): then workers read the graph records. */
  graph: boolean;
}

/** A batch: file indexes, and whether each is linted (a `--shard` lints some, the graph reads all). */
export interface WorkerTask {
  files: { index: number; lint: boolean }[];
}

export interface WorkerResult {
  index: number;
  result?: Omit<FileResult, 'source'>;
  /** The graph parts' records (markers for SourceText and GraphFile). */
  extracted?: unknown[];
  suppressions?: Suppression[];
}

/**
 * Below this much text `--jobs auto` stays on the main thread: each worker loads the linter,
 * gathers the project facts and warms up on its own (bench/run.mjs measures it), which only
 * pays off on large inputs and idle cores.
 */
export const AUTO_JOBS_MIN_BYTES = 4_000_000;

/**
 * How many workers to use. The default is one thread: on the corpus (28 MB) two workers
 * took more CPU in all and, on a busy two-core machine, more wall time too (README,
 * Performance). `auto` uses every CPU for inputs of at least AUTO_JOBS_MIN_BYTES.
 */
export function resolveJobs(jobs: number | 'auto' | undefined, totalBytes: number): number {
  if (jobs === undefined) return 1;
  if (jobs === 'auto') return totalBytes >= AUTO_JOBS_MIN_BYTES ? availableParallelism() : 1;
  return Math.max(1, Math.floor(jobs));
}

/** The compiled worker module; undefined when it is not there (a bundle such as the Action's), which means one thread. */
export function workerModule(): string | undefined {
  const path = join(packageRoot(), 'build', 'src', 'core', 'lint-worker.js');
  return existsSync(path) ? path : undefined;
}

/** lintProject, with phase 1 in `jobs` workers. `only`: the inputs to lint (a shard); all feed the facts and the graph. */
export async function lintProjectInWorkers(
  inputs: readonly ProjectInput[],
  configs: readonly LoadedConfig[],
  overrides: CliRuleOverrides,
  environment: EnvironmentOptions,
  options: { jobs: number; worker: string; only?: ReadonlySet<number> },
): Promise<Pick<ProjectRun, 'results'>> {
  const wantGraph = inputs.some((i) => i.rules.some((r) => isProjectRule(r.rule)));
  const configIndex = new Map<LoadedConfig, number>();
  const files: WorkerFile[] = inputs.map((input, i) => {
    const config = configs[i]!;
    if (!configIndex.has(config)) configIndex.set(config, configIndex.size);
    const f: WorkerFile = { display: input.display, format: input.format, config: configIndex.get(config)! };
    if (input.absolute !== undefined) f.absolute = input.absolute;
    if (input.text !== undefined) f.text = input.text;
    if (input.problem) f.problem = input.problem;
    return f;
  });
  const setup: WorkerSetup = { files, configs: [...configIndex.keys()], overrides: [...overrides] as [string, string][], environment, graph: wantGraph };
  const wanted = inputs.map((_, i) => i).filter((i) => wantGraph || !options.only || options.only.has(i));
  const { default: Tinypool } = await import('tinypool');
  const pool = new Tinypool({ filename: options.worker, minThreads: options.jobs, maxThreads: options.jobs, workerData: setup });
  let answers: WorkerResult[];
  try {
    const batches = batchesOf(files, wanted, options.jobs * 6).map((indexes): WorkerTask => ({ files: indexes.map((index) => ({ index, lint: !options.only || options.only.has(index) })) }));
    answers = (await Promise.all(batches.map((task) => pool.run(task) as Promise<WorkerResult[]>))).flat();
  } finally {
    await pool.destroy();
  }
  answers.sort((a, b) => a.index - b.index);

  // One SourceText per file, as on one thread; files read only by loaders (an extended compose file) too.
  const sources = new Map<string, SourceText>(files.map((f) => [f.display, new SourceText(f.display, f.text ?? '')]));
  const graphFiles = new Map<string, GraphFile>();
  const collector = wantGraph ? new GraphCollector() : undefined;
  const states = new Map<string, ProjectFileState>();
  const results: FileResult[] = [];
  for (const answer of answers) {
    const input = inputs[answer.index]!;
    const source = sources.get(input.display)!;
    if (answer.result && (!options.only || options.only.has(answer.index))) results.push({ ...answer.result, source });
    if (!collector || !answer.extracted) continue;
    const file: GraphFile = { path: input.display, ...(input.absolute ? { absolute: input.absolute } : {}), format: input.format, source };
    graphFiles.set(file.path, file);
    const extracted = rehydrate(answer.extracted, sources, graphFiles) as unknown[];
    collector.addExtracted(file, extracted);
    states.set(input.display, { source, format: input.format, rules: input.rules, suppressions: answer.suppressions ?? [] });
  }
  if (!collector) return { results };
  // Building the graph reads files through the environment's host only (a compose build's Dockerfile).
  const graph = collector.build({ env: createEnvironment(environment) });
  const graphFindings = runProjectRules(graph, states);
  if (graphFindings.length > 0) {
    const byPath = new Map(results.map((r) => [r.path, r]));
    for (const f of graphFindings) byPath.get(f.file)?.findings.push(f);
    for (const r of results) sortFindings(r.findings);
  }
  return { results };
}

/** Consecutive runs of the given file indexes, of roughly equal total size. */
function batchesOf(files: readonly WorkerFile[], indexes: readonly number[], count: number): number[][] {
  const sizeOf = (i: number) => (files[i]!.text?.length ?? 0) + 200;
  const total = indexes.reduce((sum, i) => sum + sizeOf(i), 0);
  const target = total / Math.max(1, count);
  const batches: number[][] = [];
  let current: number[] = [];
  let size = 0;
  for (const i of indexes) {
    current.push(i);
    size += sizeOf(i);
    if (size >= target) {
      batches.push(current);
      current = [];
      size = 0;
    }
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** The files the collectors of every worker read: the same as on one thread. */
export function projectFilesOf(files: readonly WorkerFile[]): ProjectFile[] {
  return files.flatMap((f) => (f.text === undefined ? [] : [{ ...(f.absolute !== undefined ? { absolute: f.absolute } : {}), display: f.display, format: f.format, text: f.text }]));
}

// ---- records across threads -----------------------------------------------------------

const SOURCE = '__plimsollSource';
const GRAPH_FILE = '__plimsollGraphFile';

/**
 * In a worker: replaces, in place, every SourceText in `value` by a marker (with the text
 * when the main thread does not have the file) and every `graphFile` by a marker.
 */
export function dehydrate(value: unknown, graphFile: GraphFile, known: ReadonlySet<string>): unknown {
  const seen = new Set<object>();
  const swap = (v: unknown): unknown => {
    if (v instanceof SourceText) return known.has(v.path) ? { [SOURCE]: v.path } : { [SOURCE]: v.path, raw: (v.hasBom ? '\ufeff' : '') + v.text };
    if (v === graphFile) return { [GRAPH_FILE]: graphFile.path };
    if (v !== null && typeof v === 'object' && !seen.has(v)) {
      seen.add(v);
      walk(v, swap);
    }
    return v;
  };
  return swap(value);
}

/** In the main thread: the markers of `dehydrate` back to this thread's objects, in place. */
function rehydrate(value: unknown, sources: Map<string, SourceText>, graphFiles: ReadonlyMap<string, GraphFile>): unknown {
  const seen = new Set<object>();
  const swap = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    const marker = v as Record<string, unknown>;
    if (typeof marker[SOURCE] === 'string') {
      const path = marker[SOURCE] as string;
      let source = sources.get(path);
      if (!source) sources.set(path, (source = new SourceText(path, (marker.raw as string | undefined) ?? '')));
      return source;
    }
    if (typeof marker[GRAPH_FILE] === 'string') return graphFiles.get(marker[GRAPH_FILE] as string);
    if (!seen.has(v)) {
      seen.add(v);
      walk(v, swap);
    }
    return v;
  };
  return swap(value);
}

/** Applies `swap` to every member of a container, replacing it in place. */
function walk(v: object, swap: (x: unknown) => unknown): void {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = swap(v[i]);
  } else if (v instanceof Map) {
    const entries = [...v.entries()].map(([k, x]) => [swap(k), swap(x)] as const);
    v.clear();
    for (const [k, x] of entries) v.set(k, x);
  } else if (v instanceof Set) {
    const items = [...v].map(swap);
    v.clear();
    for (const x of items) v.add(x);
  } else {
    const o = v as Record<string, unknown>;
    for (const key of Object.keys(o)) o[key] = swap(o[key]);
  }
}
