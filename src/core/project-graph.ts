/** The project graph of a set of files, without linting them (`plimsoll graph`, `plimsoll simulate`, `buildGraph`). */
import type { ProjectGraph } from '../model/graph/types.js';
import { createEnvironment, type EnvironmentOptions } from './environment.js';
import { detectFormat } from './detect.js';
import { readProject, type LintFilesOptions } from './lint-files.js';
import { lintProject, type ProjectInput } from './lint-project.js';
import { prepareFormats } from './lint.js';

/** Reads, configures (ignorePatterns, `images`) and parses the files; runs no rules. */
export async function loadProjectGraph(patterns: readonly string[], options: LintFilesOptions = {}): Promise<ProjectGraph> {
  const { inputs, env } = await readProject(patterns, options);
  return lintProject(inputs.map((i) => ({ ...i, rules: [] })), env, { graph: true }).graph!;
}

/** A file given as text (the library's `buildGraph`). */
export interface GraphSourceFile {
  /** Display path; also decides the format when the content does not. */
  path: string;
  text: string;
  /** Absolute path, for resolving what the file refers to (a compose `build:` context). */
  absolute?: string;
}

export async function graphOfTexts(
  files: readonly GraphSourceFile[],
  options: EnvironmentOptions & { images?: ReadonlyMap<string, string> } = {},
): Promise<ProjectGraph> {
  const inputs = files.map((f): ProjectInput => {
    const input: ProjectInput = { display: f.path, format: detectFormat(f.absolute ?? f.path, f.text, true) ?? 'unknown', rules: [], text: f.text };
    if (f.absolute) input.absolute = f.absolute;
    if (options.images) input.images = options.images;
    return input;
  });
  await prepareFormats(new Set(inputs.map((i) => i.format)));
  return lintProject(inputs, createEnvironment(options), { graph: true }).graph!;
}
