/** `plimsoll graph` (nodes and typed edges as JSON, DOT or Mermaid) and `plimsoll simulate`. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { loadConfigFile } from '../core/config.js';
import { loadProjectGraph } from '../core/project-graph.js';
import { describeGraph } from '../model/graph/build.js';
import { simulateProject } from '../model/graph/simulate.js';
import { graphDot } from '../report/graph/dot.js';
import { graphJson } from '../report/graph/json.js';
import { graphMermaid } from '../report/graph/mermaid.js';
import { simulationJson } from '../report/simulate/json.js';
import { simulationText } from '../report/simulate/text.js';
import type { GraphArgs, SimulateArgs } from './args.js';
import type { CliIO } from './main.js';

async function graphOf(args: GraphArgs | SimulateArgs, io: CliIO) {
  const config = args.config ? await loadConfigFile(resolve(io.cwd, args.config)) : undefined;
  return loadProjectGraph(args.paths, { cwd: io.cwd, noConfig: args.noConfig, ...(config ? { config } : {}) });
}

async function emit(text: string, output: string | undefined, io: CliIO): Promise<void> {
  if (output) {
    const path = resolve(io.cwd, output);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  }
  else io.stdout(text);
}

export async function graphCommand(args: GraphArgs, io: CliIO): Promise<number> {
  const description = describeGraph(await graphOf(args, io));
  const text = args.format === 'dot' ? graphDot(description) : args.format === 'mermaid' ? graphMermaid(description) : graphJson(description);
  await emit(text, args.output, io);
  return 0;
}

export async function simulateCommand(args: SimulateArgs, io: CliIO): Promise<number> {
  const simulation = simulateProject(await graphOf(args, io));
  await emit(args.format === 'json' ? simulationJson(simulation) : simulationText(simulation), args.output, io);
  return 0;
}
