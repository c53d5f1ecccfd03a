/**
 * Linting files as one project: facts from all files (collectors), then phase 1 per file
 * (its rules, one walk), while the graph part of each file is read; then the project graph
 * and phase 2 (graph rules), whose findings join the files they land in. The CLI, the
 * library and the fixture harness all lint through here.
 */
import { resolve } from 'node:path';
import { GraphCollector } from '../model/graph/build.js';
import type { GraphFile, ProjectGraph } from '../model/graph/types.js';
import type { ConfiguredRule } from './engine.js';
import { collectProjectFacts, type LintEnvironment } from './environment.js';
import { lintSource, sortFindings, type FileResult } from './lint.js';
import type { ReadProblem } from './load.js';
import type { ParsedFile } from './parsed-file.js';
import { isProjectRule, runProjectRules, type ProjectFileState } from './project-rules.js';
import { sourceIndex } from './registry.js';
import { collectSuppressions } from './suppress.js';
import type { FileFormat } from './types.js';

export interface ProjectInput {
  /** Display path (relative to cwd, `/`-separated). */
  display: string;
  absolute?: string;
  /** undefined: the file could not be read (`problem` says why). */
  text?: string;
  problem?: ReadProblem;
  format: FileFormat;
  /** The rules configured for this file, graph rules included. */
  rules: readonly ConfiguredRule[];
  /** Config `images`: image name → absolute path of the Dockerfile that builds it. */
  images?: ReadonlyMap<string, string>;
}

export interface ProjectRun {
  results: FileResult[];
  /** Built when a graph rule is on for some file, or when asked for. */
  graph?: ProjectGraph;
  /** Milliseconds spent: phase 1 (parse, per-file rules, graph extraction), graph build, graph rules. */
  timings: { files: number; graph: number; graphRules: number };
}

/** Milliseconds, monotonic. (The global `performance` would load perf_hooks, ~4 ms of every start-up.) */
const now = (): number => Number(process.hrtime.bigint()) / 1e6;

/** The order files are linted in (results keep the input order): those others depend on first (see ProjectFacts.lintFirst). */
export function lintOrder(inputs: readonly { display: string }[], env: LintEnvironment): number[] {
  const first = env.project.lintFirst;
  const indexes = inputs.map((_, i) => i);
  if (!first || first.size === 0) return indexes;
  return [...indexes.filter((i) => first.has(inputs[i]!.display)), ...indexes.filter((i) => !first.has(inputs[i]!.display))];
}

/** Config `images` with each Dockerfile path made absolute against the config's folder. */
export function resolveImages(baseDir: string, images: Readonly<Record<string, string>> | undefined): Map<string, string> | undefined {
  if (!images || Object.keys(images).length === 0) return undefined;
  return new Map(Object.entries(images).map(([image, path]) => [image, resolve(baseDir, path)]));
}

/** Lints the inputs together. The formats must be prepared (`prepareFormats`). */
export function lintProject(
  inputs: readonly ProjectInput[],
  env: LintEnvironment,
  options: {
    graph?: boolean;
    lintFile?: typeof lintSource;
    /** Lint only these inputs (a `--shard`); the others still feed the facts and the graph, and report nothing. */
    only?: ReadonlySet<number>;
  } = {},
): ProjectRun {
  const lintFile = options.lintFile ?? lintSource;
  collectProjectFacts(
    inputs.flatMap((i) => (i.text === undefined ? [] : [{ ...(i.absolute ? { absolute: i.absolute } : {}), display: i.display, format: i.format, text: i.text }])),
    env,
  );
  const started = now();
  const wantGraph = options.graph === true || inputs.some((i) => i.rules.some((r) => isProjectRule(r.rule)));
  const collector = wantGraph ? new GraphCollector() : undefined;
  const states = new Map<string, ProjectFileState>();
  const only = options.only;
  const byIndex = new Array<FileResult | undefined>(inputs.length);
  const parts = new Array<{ file: GraphFile; extracted: unknown[]; state: ProjectFileState } | undefined>(inputs.length);
  // `--fix` (a custom lintFile) keeps the input order: it reports and writes in the order it lints.
  const order = options.lintFile ? inputs.map((_, i) => i) : lintOrder(inputs, env);
  for (const index of order) {
    const input = inputs[index]!;
    const linted = !only || only.has(index);
    // Without a graph, a file outside the shard is not needed at all.
    if (!linted && !collector) continue;
    const fileRules = linted ? input.rules.filter((r) => !isProjectRule(r.rule)) : [];
    // `--fix` lints a file several times; the graph takes the parse of the text that is reported.
    const parses = new Map<string, ParsedFile>();
    const result = lintFile(input.display, input.text, input.format, fileRules, input.problem, {
      ...(input.absolute ? { absolutePath: input.absolute } : {}),
      env,
      ...(collector ? { onParsed: (parsed: ParsedFile) => parses.set(parsed.source.text, parsed) } : {}),
    });
    if (linted) byIndex[index] = result;
    const parsed = result.source ? parses.get(result.source.text) : undefined;
    if (collector && parsed) {
      const file: GraphFile = { path: input.display, ...(input.absolute ? { absolute: input.absolute } : {}), format: input.format, source: parsed.source };
      const extracted = collector.extract({ parsed, file, ...(input.images ? { images: input.images } : {}) });
      parts[index] = { file, extracted, state: { source: parsed.source, format: input.format, rules: input.rules, suppressions: collectSuppressions(parsed, sourceIndex()) } };
    }
  }
  // The graph sees the files in input order, whatever order they were linted in.
  for (const part of parts) {
    if (!part || !collector) continue;
    collector.addExtracted(part.file, part.extracted);
    states.set(part.file.path, part.state);
  }
  const results = byIndex.filter((r): r is FileResult => r !== undefined);
  const filesDone = now();
  const timings = { files: filesDone - started, graph: 0, graphRules: 0 };
  if (!collector) return { results, timings };
  const graph = collector.build({ env });
  const built = now();
  timings.graph = built - filesDone;
  const graphFindings = runProjectRules(graph, states);
  timings.graphRules = now() - built;
  if (graphFindings.length > 0) {
    const byPath = new Map(results.map((r) => [r.path, r]));
    for (const f of graphFindings) byPath.get(f.file)?.findings.push(f);
    for (const r of results) sortFindings(r.findings);
  }
  return { results, graph, timings };
}
