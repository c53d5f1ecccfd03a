/**
 * What would exist after `docker build`, `kubectl apply -f` and `docker compose up` of the
 * project, and what would be rejected. Each part of the graph adds its section; the CLI
 * prints them as `kubectl get` / `docker compose ps` would (src/report/simulate/).
 */
import { GRAPH_PARTS } from './all-parts.js';
import type { GraphPart } from './parts.js';
import type { ProjectGraph } from './types.js';

/** Sections by name; format modules declare theirs by declaration merging. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Simulation {}

export interface SimulatingPart {
  simulate(graph: ProjectGraph, out: Simulation): void;
}

export function simulateProject(graph: ProjectGraph, parts: readonly GraphPart[] = GRAPH_PARTS): Simulation {
  const out: Simulation = {};
  for (const part of parts) part.simulate?.(graph, out);
  return out;
}
