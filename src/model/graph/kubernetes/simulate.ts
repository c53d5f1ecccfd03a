/**
 * `kubectl apply -f` of every manifest, then `kubectl get`: workloads → ReplicaSets → pods
 * (names as the controllers would make them), Services with their endpoints, Ingress routes,
 * who may reach whom under the NetworkPolicies, and what admission refuses.
 */
import type { Simulation } from '../simulate.js';
import { admitAll, type Rejection } from './admission.js';
import type { KubernetesGraph } from './graph.js';
import { reachablePorts } from './network.js';
import { resolveTargetPort } from './ports.js';
import type { Workload } from './types.js';

export interface SimulatedPod {
  namespace: string;
  name: string;
  /** `Deployment/web`, `ReplicaSet/web-5d8f7c9b4c`, … */
  owner: string;
  labels: string;
  /** Running (as far as the files tell), or Rejected by admission. */
  status: 'Running' | 'Rejected';
}

export interface KubernetesSimulation {
  workloads: { namespace: string; kind: string; name: string; replicas: number; file: string }[];
  replicaSets: { namespace: string; name: string; owner: string; replicas: number }[];
  pods: SimulatedPod[];
  services: { namespace: string; name: string; type: string; clusterIP: string; ports: string; endpoints: string[] }[];
  ingresses: { namespace: string; name: string; host: string; path: string; backend: string; endpoints: number }[];
  /** Rows are sources, columns destinations (`namespace/name`); undefined when there are no NetworkPolicies. */
  reachability?: { workloads: string[]; allowed: boolean[][] } | { note: string };
  rejected: { namespace: string; object: string; reason: string }[];
}

declare module '../simulate.js' {
  interface Simulation {
    kubernetes?: KubernetesSimulation;
  }
}

/** The alphabet Kubernetes uses for generated name suffixes (no vowels, no look-alikes). */
const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

function suffix(seed: string, length: number): string {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619) >>> 0;
  let out = '';
  for (let i = 0; i < length; i++) {
    h = Math.imul(h ^ (h >>> 13), 0x5bd1e995) >>> 0;
    out += ALPHABET[h % ALPHABET.length];
  }
  return out;
}

const MAX_MATRIX = 200;

export function simulateKubernetes(k: KubernetesGraph, out: Simulation): void {
  if (k.objects.length === 0) return;
  const rejections = admitAll(k).flatMap((a) => a.rejections);
  const refused = new Map<Workload, number>();
  for (const r of rejections) {
    const admitted = r.kind === 'quota-exceeded' ? r.admitted : 0;
    refused.set(r.workload, Math.min(refused.get(r.workload) ?? r.workload.replicas, admitted));
  }
  const sim: KubernetesSimulation = { workloads: [], replicaSets: [], pods: [], services: [], ingresses: [], rejected: [] };
  const podNames = new Map<Workload, string[]>();
  for (const w of k.workloads) {
    const ns = w.object.namespace;
    const name = w.object.name;
    sim.workloads.push({ namespace: ns, kind: w.kind, name, replicas: w.replicas, file: w.object.file.path });
    const labels = [...w.pod.labels].map(([key, v]) => `${key}=${v}`).join(',');
    const hash = suffix(`${ns}/${name}/${labels}`, 10);
    let owner = `${w.kind}/${name}`;
    let names: string[];
    switch (w.kind) {
      case 'Deployment':
        sim.replicaSets.push({ namespace: ns, name: `${name}-${hash}`, owner, replicas: w.replicas });
        owner = `ReplicaSet/${name}-${hash}`;
        names = range(w.replicas).map((i) => `${name}-${hash}-${suffix(`${hash}${i}`, 5)}`);
        break;
      case 'StatefulSet':
        names = range(w.replicas).map((i) => `${name}-${i}`);
        break;
      case 'Pod':
        names = [name];
        break;
      case 'CronJob':
        names = [];
        break;
      default:
        names = range(w.replicas).map((i) => `${name}-${suffix(`${hash}${i}`, 5)}`);
    }
    const admitted = refused.get(w) ?? names.length;
    names.forEach((pod, i) => sim.pods.push({ namespace: ns, name: pod, owner, labels, status: i < admitted ? 'Running' : 'Rejected' }));
    podNames.set(w, names.slice(0, admitted));
  }
  for (const s of k.services) {
    const selected = k.serviceSelects(s);
    const endpoints: string[] = [];
    for (const port of s.ports) {
      for (const w of selected) {
        const target = resolveTargetPort(port, w);
        if (target === undefined) continue;
        for (const pod of podNames.get(w) ?? []) endpoints.push(`${pod}:${target}`);
      }
    }
    sim.services.push({
      namespace: s.object.namespace,
      name: s.object.name,
      type: s.type,
      clusterIP: s.headless ? 'None' : s.type === 'ExternalName' ? '<none>' : '<assigned>',
      ports: s.ports.map((p) => `${p.port}${p.targetPort !== undefined ? `→${p.targetPort.value}` : ''}/${p.protocol}`).join(','),
      endpoints,
    });
  }
  for (const ing of k.ingresses) {
    for (const b of ing.backends) {
      const service = k.service(ing.object.namespace, b.service.value);
      const count = service ? k.serviceSelects(service).reduce((n, w) => n + (podNames.get(w)?.length ?? 0), 0) : 0;
      sim.ingresses.push({
        namespace: ing.object.namespace,
        name: ing.object.name,
        host: b.host,
        path: b.path,
        backend: `${b.service.value}${b.port ? `:${b.port.value}` : ''}${service ? '' : ' (no such Service)'}`,
        endpoints: count,
      });
    }
  }
  const running = k.workloads.filter((w) => w.kind !== 'CronJob');
  if (k.networkPolicies.length > 0) {
    sim.reachability =
      running.length > MAX_MATRIX
        ? { note: `${running.length} workloads: too many to print as a matrix; see plimsoll graph (can-reach edges).` }
        : {
            workloads: running.map((w) => `${w.object.namespace}/${w.object.name}`),
            allowed: running.map((from) => running.map((to) => from === to || reachablePorts(k, from, to).length > 0)),
          };
  }
  sim.rejected = rejections.map((r) => ({ namespace: r.workload.object.namespace, object: `${r.workload.kind}/${r.workload.object.name}`, reason: rejectionReason(r) }));
  out.kubernetes = sim;
}

function range(n: number): number[] {
  return Array.from({ length: Math.max(0, Math.min(n, 1000)) }, (_, i) => i);
}

/** The API server's own words, as `kubectl describe replicaset` shows them in FailedCreate events. */
export function rejectionReason(r: Rejection): string {
  switch (r.kind) {
    case 'quota-missing':
      return `403 Forbidden: failed quota: ${r.quota.object.name}: must specify ${r.missing.map((m) => `${m.resource} for: ${m.container}`).join('; ')}`;
    case 'quota-exceeded':
      return `403 Forbidden: exceeded quota: ${r.quota.object.name}, requested: ${r.requested}, used: ${r.used}, limited: ${r.limited} (${r.admitted} of ${r.workload.replicas} pods admitted)`;
    case 'limit-range':
      return r.bound === 'max'
        ? `403 Forbidden: maximum ${r.resource} usage per Container is ${r.limit}, but limit is ${r.value} (container ${r.container})`
        : `403 Forbidden: minimum ${r.resource} usage per Container is ${r.limit}, but request is ${r.value} (container ${r.container})`;
  }
}
