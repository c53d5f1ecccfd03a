/**
 * The library API. Findings have the JSON output's shape (1-based, end exclusive)
 * plus 0-based `offsets` for editors. The library does no network access and writes nothing.
 */
import { resolve } from 'node:path';
import { defaultConfig, loadConfigFile, resolveInlineConfig, settingsForFile, type LoadedConfig, type PlimsollConfig } from './core/config.js';
import { detectFormat } from './core/detect.js';
import { createEnvironment } from './core/environment.js';
import { lintFiles as lintFilesInternal } from './core/lint-files.js';
import { lintProject, resolveImages, type ProjectInput } from './core/lint-project.js';
import { graphOfTexts, loadProjectGraph, type GraphSourceFile } from './core/project-graph.js';
import type { ProjectGraph } from './model/graph/types.js';
import { summarise, type FileResult, type LintSummary } from './core/lint.js';
import { registeredRules } from './core/registry.js';
import type { FileFormat, Span } from './core/types.js';
import { initShellParser } from './parse/dockerfile/shell.js';
import { versionProblem } from './model/kubernetes/versions.js';
import { catalogEntry, type CatalogEntry } from './cli/rules-command.js';
import { rangeResolver, toJsonFinding, type JsonFinding } from './report/json.js';

// The shell grammar loads asynchronously once, so that lintText can stay synchronous.
await initShellParser();

export interface LibraryFinding extends JsonFinding {
  /** 0-based offsets into the linted text (BOM excluded). */
  offsets: Span;
}

export interface LintTextOptions {
  /** The file name the text stands for: it decides the format and the config overrides that apply. */
  filename: string;
  /** A configuration object (presets may be extended; other files may not). Default: plimsoll:recommended. */
  config?: PlimsollConfig | LoadedConfig;
  /** Target Kubernetes minor version (`x.y`) for schemas and API checks; default: the newest bundled. */
  kubernetesVersion?: string;
  /** Folders or files with CRDs or `{kind}_{version}.json` schemas for custom resources. */
  schemaLocations?: readonly string[];
}

export interface LintTextResult {
  format: FileFormat;
  findings: LibraryFinding[];
}

function isLoaded(config: PlimsollConfig | LoadedConfig): config is LoadedConfig {
  return (config as LoadedConfig).rules instanceof Map;
}

/** Lints one text. Does not look for config files: pass `config` to configure. */
export function lintText(text: string, options: LintTextOptions): LintTextResult {
  const absolute = resolve(options.filename);
  const config = options.config
    ? isLoaded(options.config)
      ? options.config
      : resolveInlineConfig(options.config, process.cwd())
    : defaultConfig(process.cwd());
  const format = detectFormat(absolute, text, true) ?? 'unknown';
  const { rules, settings } = settingsForFile(config, absolute);
  const env = createEnvironment(kubernetesEnvironment(options, process.cwd()));
  const input: ProjectInput = { display: options.filename, absolute, format, rules, text };
  const images = resolveImages(config.baseDir, settings.images);
  if (images) input.images = images;
  const [file] = lintProject([input], env).results as [FileResult];
  const rangeOf = rangeResolver({ files: [file], findings: file.findings, summary: summarise([file], file.findings) });
  return { format, findings: file.findings.map((f) => ({ ...toJsonFinding(f, rangeOf), offsets: f.span })) };
}

export interface LintFilesResult {
  files: { path: string; format: FileFormat; documents: number; findings: number }[];
  findings: LibraryFinding[];
  summary: LintSummary;
}

export interface LintFilesOptions {
  cwd?: string;
  /** A config object, or the path of a config file; default: config files found upward from each file. */
  config?: PlimsollConfig | LoadedConfig | string;
  /** Target Kubernetes minor version (`x.y`) for schemas and API checks; default: the newest bundled. */
  kubernetesVersion?: string;
  /** Folders or files with CRDs or `{kind}_{version}.json` schemas for custom resources (relative to cwd). */
  schemaLocations?: readonly string[];
  /** Worker threads (default 1); `auto`: every CPU for large inputs. The result is the same either way. */
  jobs?: number | 'auto';
  /** Lint only the `index`-th (1-based) of `count` deterministic slices of the files. */
  shard?: { index: number; count: number };
}

/** Checks the Kubernetes options (an unknown version throws a TypeError naming the bundled ones). */
function kubernetesEnvironment(options: { kubernetesVersion?: string; schemaLocations?: readonly string[] }, cwd: string) {
  const out: { kubernetesVersion?: string; schemaLocations?: readonly string[] } = {};
  if (options.kubernetesVersion !== undefined) {
    const problem = versionProblem(options.kubernetesVersion);
    if (problem) throw new TypeError(problem);
    out.kubernetesVersion = options.kubernetesVersion;
  }
  if (options.schemaLocations) out.schemaLocations = options.schemaLocations.map((l) => resolve(cwd, l));
  return out;
}

/** Lints files, folders and globs (.gitignore honoured), each with the config that applies to it. */
export async function lintFiles(patterns: string | readonly string[], options: LintFilesOptions = {}): Promise<LintFilesResult> {
  const cwd = resolve(options.cwd ?? process.cwd());
  let config: LoadedConfig | undefined;
  if (typeof options.config === 'string') config = await loadConfigFile(resolve(cwd, options.config));
  else if (options.config) config = isLoaded(options.config) ? options.config : resolveInlineConfig(options.config, cwd);
  const result = await lintFilesInternal([patterns].flat(), {
    cwd,
    ...(config ? { config } : {}),
    ...kubernetesEnvironment(options, cwd),
    ...(options.jobs !== undefined ? { jobs: options.jobs } : {}),
    ...(options.shard ? { shard: options.shard } : {}),
  });
  const rangeOf = rangeResolver(result);
  const counts = new Map<string, number>();
  for (const f of result.findings) counts.set(f.file, (counts.get(f.file) ?? 0) + 1);
  return {
    files: result.files.map((f) => ({ path: f.path, format: f.format, documents: f.documents, findings: counts.get(f.path) ?? 0 })),
    findings: result.findings.map((f) => ({ ...toJsonFinding(f, rangeOf), offsets: f.span })),
    summary: result.summary,
  };
}

export interface BuildGraphOptions {
  cwd?: string;
  /** For patterns: a config object or file (its `images` and `ignorePatterns` apply); default: config files found upward. */
  config?: PlimsollConfig | LoadedConfig | string;
  /** For texts: image name → Dockerfile path (relative to cwd), as the config's `images`. */
  images?: Readonly<Record<string, string>>;
}

/**
 * The project graph of files, folders and globs, or of texts given as `{ path, text }`:
 * Kubernetes objects and the pods they would create, compose services, networks and volumes,
 * Dockerfile stages and images, and how they relate. `describeGraph` turns it into nodes and
 * typed edges, `simulate` into what would exist after build, apply and up.
 */
export async function buildGraph(input: string | readonly string[] | readonly GraphSourceFile[], options: BuildGraphOptions = {}): Promise<ProjectGraph> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const list = typeof input === 'string' ? [input] : input;
  if (list.length > 0 && typeof list[0] !== 'string') {
    const images = resolveImages(cwd, options.images);
    return graphOfTexts(
      (list as readonly GraphSourceFile[]).map((f) => ({ ...f, absolute: f.absolute ?? resolve(cwd, f.path) })),
      images ? { images } : {},
    );
  }
  let config: LoadedConfig | undefined;
  if (typeof options.config === 'string') config = await loadConfigFile(resolve(cwd, options.config));
  else if (options.config) config = isLoaded(options.config) ? options.config : resolveInlineConfig(options.config, cwd);
  return loadProjectGraph(list as readonly string[], { cwd, ...(config ? { config } : {}) });
}

export { describeGraph } from './model/graph/build.js';
export { simulateProject as simulate } from './model/graph/simulate.js';
export type { GraphSourceFile } from './core/project-graph.js';
export type { GraphDescription, GraphEdge, GraphEdgeType, GraphNode, GraphNodeKind, ProjectGraph } from './model/graph/types.js';
export type { Simulation } from './model/graph/simulate.js';

/** Loads a config file (following `extends`), for use with lintText/lintFiles. */
export function loadConfig(path: string): Promise<LoadedConfig> {
  return loadConfigFile(resolve(path));
}

/** The rule catalog, as `plimsoll rules --format json` prints it. */
export function rules(): CatalogEntry[] {
  return registeredRules().map(catalogEntry);
}

export { ConfigError } from './core/config.js';
export type { LoadedConfig, PlimsollConfig, RuleSetting } from './core/config.js';
export type { CatalogEntry } from './cli/rules-command.js';
export type { JsonFinding, JsonRange } from './report/json.js';
export type { FileFormat, Format, Severity, Span } from './core/types.js';
export type { LintSummary } from './core/lint.js';
