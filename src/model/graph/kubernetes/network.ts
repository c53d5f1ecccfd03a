/**
 * NetworkPolicy semantics, as the API documents them: a pod is isolated for ingress (egress)
 * only when a policy of its namespace selects it and lists that policy type; then only what
 * the union of those policies' rules allows gets through. A connection needs both the
 * source's egress and the destination's ingress to allow it. Peers: podSelector (in the
 * policy's namespace), namespaceSelector (labels, including kubernetes.io/metadata.name),
 * both (pods of those namespaces), ipBlock (outside the cluster: pod IPs are not known).
 * Ports: number or name (resolved on the destination's containers), protocol, endPort.
 */
import type { KubernetesGraph } from './graph.js';
import { scopeOf, withinScope } from './scopes.js';
import { selectorMatches } from './select.js';
import type { NetworkPolicyRecord, PolicyPeer, PolicyPort, PolicyRule, Workload } from './types.js';

/** A destination port; undefined number: the destination declares none (any port). */
export interface TrafficPort {
  port?: number;
  protocol: string;
  name?: string;
}

interface Applying {
  ingress: NetworkPolicyRecord[];
  egress: NetworkPolicyRecord[];
}

const applyingCache = new WeakMap<KubernetesGraph, Map<Workload, Applying>>();
const scopeCache = new WeakMap<KubernetesGraph, (o: Workload['object']) => string>();

/**
 * The workloads a policy's podSelector selects. A policy and pods that both leave their
 * namespace to kubectl's context only meet when their folders belong together (scopes.ts):
 * the unrelated samples of one repository are not applied into one namespace together.
 */
export function selectedBy(k: KubernetesGraph, np: NetworkPolicyRecord): Workload[] {
  const selected = k.select(np.object.namespace, np.podSelector, true);
  if (np.object.namespaceAt) return selected;
  let scope = scopeCache.get(k);
  if (!scope) scopeCache.set(k, (scope = scopeOf(k.objects, 'NetworkPolicy')));
  const folder = scope(np.object);
  return selected.filter((w) => w.object.namespaceAt || withinScope(w.object.file.path, folder));
}

/** The policies that select each workload's pods, by type (computed once per graph). */
export function policiesOf(k: KubernetesGraph, w: Workload): Applying {
  let map = applyingCache.get(k);
  if (!map) {
    map = new Map();
    for (const np of k.networkPolicies) {
      for (const selected of selectedBy(k, np)) {
        let entry = map.get(selected);
        if (!entry) map.set(selected, (entry = { ingress: [], egress: [] }));
        if (np.types.has('Ingress')) entry.ingress.push(np);
        if (np.types.has('Egress')) entry.egress.push(np);
      }
    }
    applyingCache.set(k, map);
  }
  return map.get(w) ?? { ingress: [], egress: [] };
}

/** Whether a peer covers a pod of `w` (for a policy of namespace `policyNamespace`). */
export function peerMatches(k: KubernetesGraph, peer: PolicyPeer, policyNamespace: string, w: Workload): boolean {
  if (peer.ipBlock) return false;
  const ns = w.object.namespace;
  if (peer.namespaceSelector) {
    const node = k.namespaces().get(ns);
    if (!node || !selectorMatches(peer.namespaceSelector, node.labels)) return false;
  } else if (ns !== policyNamespace) return false;
  return !peer.podSelector || selectorMatches(peer.podSelector, w.pod.labels);
}

/** Whether a rule's port list admits the port (named ports are looked up on the destination). */
export function portAdmitted(ports: readonly PolicyPort[], port: TrafficPort, destination: Workload): boolean {
  if (ports.length === 0) return true;
  return ports.some((p) => {
    if (p.protocol !== port.protocol) return false;
    if (p.port === undefined || port.port === undefined) return true;
    if (typeof p.port === 'string') {
      return destination.pod.containers.some((c) => c.ports.some((cp) => cp.name === p.port && cp.port === port.port && cp.protocol === port.protocol));
    }
    return p.endPort !== undefined ? port.port >= p.port && port.port <= p.endPort : port.port === p.port;
  });
}

function ruleAllows(k: KubernetesGraph, rule: PolicyRule, policyNamespace: string, other: Workload, port: TrafficPort, destination: Workload): boolean {
  if (!portAdmitted(rule.ports, port, destination)) return false;
  return rule.peers.length === 0 || rule.peers.some((peer) => peerMatches(k, peer, policyNamespace, other));
}

/** Whether pods of `from` may open a connection to `to` on `port`. */
export function canReach(k: KubernetesGraph, from: Workload, to: Workload, port: TrafficPort): boolean {
  const egress = policiesOf(k, from).egress;
  if (egress.length > 0 && !egress.some((np) => np.egress.some((rule) => ruleAllows(k, rule, np.object.namespace, to, port, to)))) return false;
  const ingress = policiesOf(k, to).ingress;
  return ingress.length === 0 || ingress.some((np) => np.ingress.some((rule) => ruleAllows(k, rule, np.object.namespace, from, port, to)));
}

/** The ports a workload's containers declare; one "any port" entry when they declare none. */
export function portsOf(w: Workload): TrafficPort[] {
  const ports = w.pod.containers.filter((c) => c.role !== 'initContainer').flatMap((c) => c.ports.map((p) => ({ port: p.port, protocol: p.protocol, ...(p.name ? { name: p.name } : {}) })));
  return ports.length > 0 ? ports : [{ protocol: 'TCP' }];
}

/** The ports of `to` that `from` may reach (empty: none). */
export function reachablePorts(k: KubernetesGraph, from: Workload, to: Workload): TrafficPort[] {
  return portsOf(to).filter((p) => canReach(k, from, to, p));
}

/**
 * Whether any client at all (a pod, or one outside the cluster) is allowed in to this port:
 * false only when the workload is isolated for ingress and no rule of its policies admits the
 * port. Peers are not resolved here, since they may match pods the files do not declare.
 */
export function anythingAdmitted(k: KubernetesGraph, to: Workload, port: TrafficPort): boolean {
  const ingress = policiesOf(k, to).ingress;
  return ingress.length === 0 || ingress.some((np) => np.ingress.some((rule) => portAdmitted(rule.ports, port, to)));
}

/**
 * Explicit allows, for the printed graph: for every ingress-isolated workload, the workloads
 * its policies let in (found through the label indexes, not by trying every pair).
 */
export function allowedPairs(k: KubernetesGraph): { from: Workload; to: Workload; port?: string }[] {
  const out: { from: Workload; to: Workload; port?: string }[] = [];
  if (k.networkPolicies.length === 0) return out;
  for (const to of k.workloads) {
    const ingress = policiesOf(k, to).ingress;
    if (ingress.length === 0) continue;
    const candidates = new Set<Workload>();
    for (const np of ingress) {
      for (const rule of np.ingress) {
        for (const peer of rule.peers) {
          if (peer.ipBlock) continue;
          const namespaces = peer.namespaceSelector ? k.selectNamespaces(peer.namespaceSelector).map((n) => n.name) : [np.object.namespace];
          for (const ns of namespaces) for (const w of peer.podSelector ? k.select(ns, peer.podSelector, true) : k.workloadsIn(ns)) candidates.add(w);
        }
      }
    }
    for (const from of candidates) {
      if (from === to) continue;
      const ports = reachablePorts(k, from, to);
      if (ports.length > 0) {
        const label = ports.map((p) => (p.port === undefined ? '' : `${p.port}/${p.protocol}`)).filter(Boolean).join(',');
        out.push({ from, to, ...(label ? { port: label } : {}) });
      }
    }
  }
  return out;
}
