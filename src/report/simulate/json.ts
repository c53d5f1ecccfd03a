/** `plimsoll simulate --format json`: the simulation as data, sections keyed by name. */
import { packageVersion } from '../../core/package-info.js';
import type { Simulation } from '../../model/graph/simulate.js';

export function simulationJson(simulation: Simulation): string {
  return `${JSON.stringify({ tool: { name: 'plimsoll', version: packageVersion() }, ...simulation }, null, 2)}\n`;
}
