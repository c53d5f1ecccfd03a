/**
 * A `--jobs` worker (see parallel.ts): on its first batch it gathers the project facts from
 * every file of the run, as the main thread would; then, for each file of a batch, phase 1
 * (parse, per-file rules) and, while the tree is alive, the graph records and suppressions.
 */
import { GraphCollector } from '../model/graph/build.js';
import type { GraphFile } from '../model/graph/types.js';
import { settingsForFile } from './config.js';
import { collectProjectFacts, createEnvironment, type LintEnvironment } from './environment.js';
import { resolveImages } from './lint-project.js';
import { lintSource, prepareFormats } from './lint.js';
import { dehydrate, projectFilesOf, type WorkerResult, type WorkerSetup, type WorkerTask } from './parallel.js';
import type { ParsedFile } from './parsed-file.js';
import { isProjectRule } from './project-rules.js';
import { sourceIndex } from './registry.js';
import { collectSuppressions } from './suppress.js';
import type { SeverityOrOff } from './types.js';

let state: { setup: WorkerSetup; env: LintEnvironment; overrides: Map<string, SeverityOrOff>; known: Set<string>; collector: GraphCollector } | undefined;

function setupOf(): WorkerSetup {
  const data = (process as unknown as { __tinypool_state__?: { workerData?: WorkerSetup } }).__tinypool_state__?.workerData;
  if (!data) throw new Error('plimsoll: lint-worker.js runs only as a tinypool worker.');
  return data;
}

export default async function lintBatch(task: WorkerTask): Promise<WorkerResult[]> {
  if (!state) {
    const setup = setupOf();
    const env = createEnvironment(setup.environment);
    collectProjectFacts(projectFilesOf(setup.files), env);
    state = { setup, env, overrides: new Map(setup.overrides as [string, SeverityOrOff][]), known: new Set(setup.files.map((f) => f.display)), collector: new GraphCollector() };
  }
  const { setup, env, overrides, known, collector } = state;
  await prepareFormats(new Set(task.files.map(({ index }) => setup.files[index]!.format)));
  // Files others depend on (CRDs) first, as on one thread; the answers keep their indexes.
  const first = env.project.lintFirst;
  const order = first ? [...task.files.filter((f) => first.has(setup.files[f.index]!.display)), ...task.files.filter((f) => !first.has(setup.files[f.index]!.display))] : task.files;
  return order.map(({ index, lint }): WorkerResult => {
    const file = setup.files[index]!;
    const config = setup.configs[file.config]!;
    const { rules, settings } = settingsForFile(config, file.absolute ?? file.display, overrides);
    const fileRules = lint ? rules.filter((r) => !isProjectRule(r.rule)) : [];
    let parsed: ParsedFile | undefined;
    const { source: _source, ...result } = lintSource(file.display, file.text, file.format, fileRules, file.problem, {
      ...(file.absolute !== undefined ? { absolutePath: file.absolute } : {}),
      env,
      ...(setup.graph ? { onParsed: (p: ParsedFile) => (parsed = p) } : {}),
    });
    const answer: WorkerResult = { index };
    if (lint) answer.result = result;
    if (setup.graph && parsed) {
      const graphFile: GraphFile = { path: file.display, ...(file.absolute !== undefined ? { absolute: file.absolute } : {}), format: file.format, source: parsed.source };
      const images = resolveImages(config.baseDir, settings.images);
      const extracted = collector.extract({ parsed, file: graphFile, ...(images ? { images } : {}) });
      answer.extracted = dehydrate(extracted, graphFile, known) as unknown[];
      answer.suppressions = collectSuppressions(parsed, sourceIndex());
    }
    return answer;
  });
}
