/**
 * What linting one file may know beyond that file: the run's settings (target Kubernetes
 * version, extra schema locations), a way to read the files it refers to (a compose file's
 * `extends`, `include` and `.env`), and facts gathered from every linted file before any is
 * linted (custom resource definitions, compose override groups). Adapters read it; rules
 * never do I/O of their own.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { FileFormat } from './types.js';

/** Reads files a loader needs besides the linted one. Never throws. */
export interface FileHost {
  /** The file's text, or undefined when it is missing, unreadable or not text. */
  readFile(absolutePath: string): string | undefined;
  /** Whether a path exists (file or folder). */
  exists(absolutePath: string): boolean;
  /** Names in a folder, sorted, sub-folders ending in "/"; undefined when it is not a readable folder. */
  listDirectory?(absolutePath: string): string[] | undefined;
}

/**
 * Facts about the whole set of linted files. Format modules add their own fields by
 * declaration merging, and fill them in a collector registered with `registerCollector`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ProjectFacts {}

export interface LintEnvironment {
  /** Target Kubernetes minor version, `x.y`; undefined: the newest bundled. */
  kubernetesVersion?: string;
  /** Folders or files with extra schemas (`--schema-location`). */
  schemaLocations?: readonly string[];
  /** Reads related files; the library and CLI read the file system, tests may fake it. */
  host: FileHost;
  /** Filled by the collectors before any file is linted. */
  project: ProjectFacts;
  /** Where compose interpolation takes variables from (default: the `.env` beside the project only). */
  compose?: ComposeEnvironmentOptions;
}

export interface ComposeEnvironmentOptions {
  /** `--env-file` files, absolute; they replace the project's `.env`, as in Compose. */
  envFiles?: readonly string[];
  /** Variables of the process environment, which then win over env files (`--process-env`). */
  processEnv?: Readonly<Record<string, string | undefined>>;
}

/** One linted file as the collectors see it: already read and detected, not yet parsed. */
export interface ProjectFile {
  /** Absolute path, or undefined for stdin without a name. */
  absolute?: string;
  /** Display path (relative to cwd, `/`-separated). */
  display: string;
  format: FileFormat;
  text: string;
}

/** Adds facts about the whole project before linting starts. Must not throw. */
export type ProjectCollector = (files: readonly ProjectFile[], env: LintEnvironment) => void;

const collectors: ProjectCollector[] = [];

export function registerCollector(collector: ProjectCollector): void {
  collectors.push(collector);
}

/** Runs every registered collector over the files; a collector's failure leaves its facts unset. */
export function collectProjectFacts(files: readonly ProjectFile[], env: LintEnvironment): void {
  for (const collect of collectors) {
    try {
      collect(files, env);
    } catch {
      // Facts are an enhancement: a broken file is reported when it is linted, not here.
    }
  }
}

export const fileSystemHost: FileHost = {
  readFile(absolutePath) {
    try {
      const text = readFileSync(absolutePath, 'utf8');
      return text.includes('\u0000') ? undefined : text;
    } catch {
      return undefined;
    }
  },
  exists(absolutePath) {
    try {
      statSync(absolutePath);
      return true;
    } catch {
      return false;
    }
  },
  listDirectory(absolutePath) {
    try {
      return readdirSync(absolutePath, { withFileTypes: true })
        .map((entry) => (entry.isDirectory() ? `${entry.name}/` : entry.name))
        .sort();
    } catch {
      return undefined;
    }
  },
};

export interface EnvironmentOptions {
  kubernetesVersion?: string;
  schemaLocations?: readonly string[];
  host?: FileHost;
  compose?: ComposeEnvironmentOptions;
}

export function createEnvironment(options: EnvironmentOptions = {}): LintEnvironment {
  const env: LintEnvironment = { host: options.host ?? fileSystemHost, project: {} };
  if (options.kubernetesVersion !== undefined) env.kubernetesVersion = options.kubernetesVersion;
  if (options.schemaLocations !== undefined) env.schemaLocations = options.schemaLocations;
  if (options.compose !== undefined) env.compose = options.compose;
  return env;
}
