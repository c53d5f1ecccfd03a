/** `docker compose up` of each project, then `docker compose ps`: containers, networks, ports, volumes, start order. */
import type { Simulation } from '../simulate.js';
import { networksOf } from './network.js';
import type { ComposeProjectRecord } from './part.js';

export interface ComposeSimulation {
  project: string;
  files: string[];
  containers: { name: string; service: string; image: string; networks: string[]; ports: string[]; startsAfter: string[] }[];
  networks: string[];
  volumes: { name: string; services: string[] }[];
  /** Services in the order Compose starts them (depends_on first). */
  startOrder: string[];
}

declare module '../simulate.js' {
  interface Simulation {
    compose?: ComposeSimulation[];
  }
}

export function simulateCompose(projects: readonly ComposeProjectRecord[], out: Simulation): void {
  if (projects.length === 0) return;
  out.compose = projects.map((p) => {
    const containers: ComposeSimulation['containers'] = [];
    for (const s of p.services) {
      const count = s.containerName ? 1 : s.replicas;
      for (let i = 1; i <= Math.min(count, 100); i++) {
        containers.push({
          name: s.containerName ?? `${p.name}-${s.name}-${i}`,
          service: s.name,
          image: s.image ?? `${p.name}-${s.name}`,
          networks: networksOf(p, s).map((n) => (n === '<host>' ? 'host' : `${p.name}_${n}`)),
          ports: s.ports.map((port) => {
            const target = `${port.target ?? '?'}/${port.protocol}`;
            if (port.published === undefined) return target;
            const host = port.hostIp ?? '0.0.0.0';
            const published = port.publishedEnd !== undefined && port.publishedEnd !== port.published ? `${port.published}-${port.publishedEnd}` : String(port.published);
            return `${host}:${published}->${target}`;
          }),
          startsAfter: s.dependsOn.map((d) => `${d.service} (${d.condition})`),
        });
      }
    }
    const networks = [...new Set(p.services.flatMap((s) => networksOf(p, s)).filter((n) => n !== '<host>'))].map((n) => `${p.name}_${n}`);
    const volumes = [...p.volumes.keys()].map((v) => ({ name: p.volumes.get(v)!.external ? v : `${p.name}_${v}`, services: p.services.filter((s) => s.volumes.some((m) => m.name === v)).map((s) => s.name) }));
    return { project: p.name, files: p.files, containers, networks, volumes, startOrder: startOrder(p) };
  });
}

/** depends_on first; a cycle (reported by compose-dependency-cycle) is broken where it closes. */
function startOrder(p: ComposeProjectRecord): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const byName = new Map(p.services.map((s) => [s.name, s]));
  const visit = (name: string) => {
    if (state.has(name)) return;
    state.set(name, 'visiting');
    for (const d of byName.get(name)?.dependsOn ?? []) if (byName.has(d.service)) visit(d.service);
    state.set(name, 'done');
    order.push(name);
  };
  for (const s of p.services) visit(s.name);
  return order;
}
