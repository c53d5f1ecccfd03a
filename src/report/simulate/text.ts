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

const more = (list: readonly string[], shown = 3) =>
  list.length === 0 ? '<none>' : list.length <= shown ? list.join(',') : `${list.slice(0, shown).join(',')} + ${list.length - shown} more...`;

const kubernetes: SectionPrinter = (sim) => {
  const k = sim.kubernetes;
  if (!k) return undefined;
  const out: string[] = [];
  if (k.workloads.length > 0) {
    out.push(`# kubectl get deployments,statefulsets,daemonsets,jobs,cronjobs,pods -A (workloads)\n${table(
      ['NAMESPACE', 'NAME', 'REPLICAS', 'FILE'],
      k.workloads.map((w) => [w.namespace, `${w.kind.toLowerCase()}/${w.name}`, String(w.replicas), w.file]),
    )}`);
  }
  if (k.replicaSets.length > 0) {
    out.push(`# kubectl get replicasets -A\n${table(['NAMESPACE', 'NAME', 'DESIRED', 'OWNER'], k.replicaSets.map((r) => [r.namespace, r.name, String(r.replicas), r.owner]))}`);
  }
  if (k.pods.length > 0) {
    out.push(`# kubectl get pods -A --show-labels\n${table(['NAMESPACE', 'NAME', 'STATUS', 'OWNER', 'LABELS'], k.pods.map((p) => [p.namespace, p.name, p.status, p.owner, p.labels || '<none>']))}`);
  }
  if (k.services.length > 0) {
    out.push(`# kubectl get services,endpoints -A\n${table(
      ['NAMESPACE', 'NAME', 'TYPE', 'CLUSTER-IP', 'PORT(S)', 'ENDPOINTS'],
      k.services.map((s) => [s.namespace, s.name, s.type, s.clusterIP, s.ports || '<none>', more(s.endpoints)]),
    )}`);
  }
  if (k.ingresses.length > 0) {
    out.push(`# kubectl get ingress -A (one line per route)\n${table(
      ['NAMESPACE', 'NAME', 'HOST', 'PATH', 'BACKEND', 'ENDPOINTS'],
      k.ingresses.map((i) => [i.namespace, i.name, i.host, i.path, i.backend, String(i.endpoints)]),
    )}`);
  }
  if (k.reachability) {
    if ('note' in k.reachability) out.push(`# network reachability\n${k.reachability.note}`);
    else {
      const { workloads, allowed } = k.reachability;
      const header = ['FROM \\ TO', ...workloads.map((_, i) => String(i + 1))];
      const rows = workloads.map((w, i) => [`${i + 1} ${w}`, ...allowed[i]!.map((ok) => (ok ? 'yes' : '-'))]);
      out.push(`# network reachability under the NetworkPolicies (yes: some declared port is allowed)\n${table(header, rows)}`);
    }
  }
  if (k.rejected.length > 0) {
    out.push(`# admission would reject\n${table(['NAMESPACE', 'OBJECT', 'REASON'], k.rejected.map((r) => [r.namespace, r.object, r.reason]))}`);
  }
  return out.join('\n\n') || undefined;
};

const compose: SectionPrinter = (sim) => {
  if (!sim.compose) return undefined;
  return sim.compose
    .map((p) => {
      const ps = table(
        ['NAME', 'SERVICE', 'IMAGE', 'NETWORKS', 'PORTS', 'STARTS AFTER'],
        p.containers.map((c) => [c.name, c.service, c.image, c.networks.join(',') || '<none>', c.ports.join(', '), c.startsAfter.join(', ')]),
      );
      const volumes = p.volumes.length > 0 ? `\nvolumes: ${p.volumes.map((v) => `${v.name} (${v.services.join(', ') || 'unused'})`).join('; ')}` : '';
      return `# docker compose -p ${p.project} up (${p.files.join(', ')}); docker compose ps\n${ps}\nnetworks: ${p.networks.join(', ') || '<none>'}${volumes}\nstart order: ${p.startOrder.join(' → ')}`;
    })
    .join('\n\n');
};

export const SECTIONS: SectionPrinter[] = [images, compose, kubernetes];

export function simulationText(simulation: Simulation, sections: readonly SectionPrinter[] = SECTIONS): string {
  const parts = sections.map((print) => print(simulation)).filter((s): s is string => s !== undefined);
  return parts.length > 0 ? `${parts.join('\n\n')}\n` : 'Nothing to simulate: no Dockerfile, compose file or Kubernetes manifest was found.\n';
}
