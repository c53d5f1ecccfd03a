/**
 * `plimsoll simulate`: what would exist, printed the way `docker build`, `kubectl get` and
 * `docker compose ps` would show it, section by section; then what would be rejected.
 */
import type { SimulatedImage } from '../../model/graph/dockerfile.js';
import type { Simulation } from '../../model/graph/simulate.js';
import { table } from '../table.js';

/** A section printer; format modules' sections are listed in SECTIONS in print order. */
export type SectionPrinter = (simulation: Simulation) => string | undefined;

function command(image: SimulatedImage): string {
  const words = [...(image.entrypoint ?? []), ...(image.cmd ?? [])];
  return words.length > 0 ? JSON.stringify(words.join(' ')) : '';
}

const images: SectionPrinter = (sim) => {
  if (!sim.images) return undefined;
  const rows = sim.images.map((i) => [
    i.dockerfile,
    i.target,
    i.base ?? '<unknown>',
    i.user ?? '<base image>',
    i.expose.join(',') || '<none>',
    i.healthcheck === 'defined' ? 'yes' : i.healthcheck === 'disabled' ? 'disabled' : 'no',
    command(i),
  ]);
  return `# docker build\n${table(['DOCKERFILE', 'TARGET', 'BASE', 'USER', 'EXPOSE', 'HEALTHCHECK', 'COMMAND'], rows)}`;
};

export const SECTIONS: SectionPrinter[] = [images];

export function simulationText(simulation: Simulation, sections: readonly SectionPrinter[] = SECTIONS): string {
  const parts = sections.map((print) => print(simulation)).filter((s): s is string => s !== undefined);
  return parts.length > 0 ? `${parts.join('\n\n')}\n` : 'Nothing to simulate: no Dockerfile, compose file or Kubernetes manifest was found.\n';
}
