/**
 * Linting in worker threads (`--jobs`), with tinypool. The main thread discovers, configures
 * and reads the files; every worker gets all of them once (the collectors — custom resource
 * definitions, compose projects, kustomize patches — must see the whole project, exactly as
 * in one thread) and lints the batches it is handed. Results come back per file and are put
 * in input order, so the output is the same as with one thread, byte for byte.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { CliRuleOverrides, LoadedConfig } from './config.js';
import type { EnvironmentOptions, ProjectFile } from './environment.js';
import type { FileResult } from './lint.js';
import type { ReadProblem } from './load.js';
import { packageRoot } from './package-info.js';
import { SourceText } from './source.js';
import type { FileFormat } from './types.js';

/** One file to lint, as the workers receive it. */
export interface WorkerFile {
  display: string;
  absolute: string;
  text?: string;
  problem?: ReadProblem;
  format: FileFormat;
  /** Index into WorkerSetup.configs. */
  config: number;
}

/** What every worker gets once: every file read (the collectors see them all), those linted by index. */
export interface WorkerSetup {
  files: WorkerFile[];
  configs: LoadedConfig[];
  overrides: [string, string][];
  environment: EnvironmentOptions;
}

export type WorkerResult = Omit<FileResult, 'source'>;

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

/**
 * Lints `files` in `jobs` workers. `projectFiles` are what the collectors read. Batches keep
 * neighbouring files together (a folder's compose files share their parsed base) and are
 * sized by text length, so the workers finish at about the same time.
 */
export async function lintInWorkers(
  files: WorkerFile[],
  selected: readonly number[],
  configs: LoadedConfig[],
  overrides: CliRuleOverrides,
  environment: EnvironmentOptions,
  jobs: number,
  filename: string,
): Promise<FileResult[]> {
  const { default: Tinypool } = await import('tinypool');
  const setup: WorkerSetup = { files, configs, overrides: [...overrides] as [string, string][], environment };
  const pool = new Tinypool({ filename, minThreads: jobs, maxThreads: jobs, workerData: setup, isolateWorkers: false });
  try {
    const batches = batchesOf(files, selected, jobs * 6);
    const parts = await Promise.all(batches.map((indexes) => pool.run(indexes) as Promise<WorkerResult[]>));
    const byIndex = new Map<number, FileResult>();
    batches.forEach((indexes, b) => {
      indexes.forEach((index, k) => {
        const file = files[index]!;
        byIndex.set(index, { ...parts[b]![k]!, source: new SourceText(file.display, file.text ?? '') });
      });
    });
    return selected.map((i) => byIndex.get(i)!);
  } finally {
    await pool.destroy();
  }
}

/** Consecutive runs of the selected file indexes, of roughly equal total size. */
function batchesOf(files: readonly WorkerFile[], selected: readonly number[], count: number): number[][] {
  const sizeOf = (i: number) => (files[i]!.text?.length ?? 0) + 200;
  const total = selected.reduce((sum, i) => sum + sizeOf(i), 0);
  const target = total / Math.max(1, count);
  const batches: number[][] = [];
  let current: number[] = [];
  let size = 0;
  selected.forEach((i) => {
    current.push(i);
    size += sizeOf(i);
    if (size >= target) {
      batches.push(current);
      current = [];
      size = 0;
    }
  });
  if (current.length > 0) batches.push(current);
  return batches;
}

/** The files the collectors of every worker read: the same as on one thread. */
export function projectFilesOf(files: readonly WorkerFile[]): ProjectFile[] {
  return files.flatMap((f) => (f.text === undefined ? [] : [{ absolute: f.absolute, display: f.display, format: f.format, text: f.text }]));
}
