/**
 * A `--jobs` worker (see parallel.ts): on its first batch it gathers the project facts from
 * every file of the run, as the main thread would, then lints the files it is given.
 */
import { settingsForFile } from './config.js';
import { collectProjectFacts, createEnvironment, type LintEnvironment } from './environment.js';
import { lintSource, prepareFormats } from './lint.js';
import { projectFilesOf, type WorkerResult, type WorkerSetup } from './parallel.js';
import type { SeverityOrOff } from './types.js';

let state: { setup: WorkerSetup; env: LintEnvironment; overrides: Map<string, SeverityOrOff> } | undefined;

function setupOf(): WorkerSetup {
  const data = (process as unknown as { __tinypool_state__?: { workerData?: WorkerSetup } }).__tinypool_state__?.workerData;
  if (!data) throw new Error('plimsoll: lint-worker.js runs only as a tinypool worker.');
  return data;
}

export default async function lintBatch(indexes: number[]): Promise<WorkerResult[]> {
  if (!state) {
    const setup = setupOf();
    const env = createEnvironment(setup.environment);
    collectProjectFacts(projectFilesOf(setup.files), env);
    state = { setup, env, overrides: new Map(setup.overrides as [string, SeverityOrOff][]) };
  }
  const { setup, env, overrides } = state;
  await prepareFormats(new Set(indexes.map((i) => setup.files[i]!.format)));
  return indexes.map((i) => {
    const file = setup.files[i]!;
    const { rules } = settingsForFile(setup.configs[file.config]!, file.absolute, overrides);
    const { source: _source, ...result } = lintSource(file.display, file.text, file.format, rules, file.problem, { absolutePath: file.absolute, env });
    return result;
  });
}
