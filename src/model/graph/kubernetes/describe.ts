/** The Kubernetes nodes and edges of `plimsoll graph`. */
import type { DescriptionBuilder } from '../parts.js';
import type { KubernetesGraph } from './graph.js';
import { allowedPairs, selectedBy } from './network.js';
import type { KubeObject, ObjectReference, Workload } from './types.js';

export function objectId(kind: string, namespace: string, name: string): string {
  return namespace ? `k8s:${kind}/${namespace}/${name}` : `k8s:${kind}/${name}`;
}

export function podsId(w: Workload): string {
  return `pods:${w.object.namespace}/${w.kind}/${w.object.name}`;
}

const REFERENCED_KIND: Record<ObjectReference['kind'], string> = {
  configMap: 'ConfigMap',
  secret: 'Secret',
  persistentVolumeClaim: 'PersistentVolumeClaim',
  serviceAccount: 'ServiceAccount',
};

export function describeKubernetes(k: KubernetesGraph, out: DescriptionBuilder): void {
  const node = (o: KubeObject) =>
    out.node({
      id: objectId(o.kind, o.namespace, o.name),
      kind: 'object',
      label: `${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}`,
      file: o.file.path,
      line: o.file.source.positionAt(o.at.span.start).line + 1,
      object: o.ref,
    });
  /** The node of a referenced object, or an external one when the files do not declare it. */
  const target = (kind: string, namespace: string, name: string) => {
    const found = k.find(kind, namespace, name)[0];
    if (found) return node(found);
    return out.node({ id: objectId(kind, namespace, name), kind: 'external', label: `${kind} ${namespace ? `${namespace}/` : ''}${name} (not in the files)` });
  };
  for (const o of k.objects) node(o);
  for (const w of k.workloads) {
    const pods = out.node({
      id: podsId(w),
      kind: 'pod',
      label: `pods ${w.object.namespace}/${w.object.name} ×${w.replicas}`,
      file: w.object.file.path,
      attributes: { replicas: w.replicas, labels: [...w.pod.labels].map(([k2, v]) => `${k2}=${v}`).join(',') },
    });
    out.edge({ type: 'owns', from: node(w.object), to: pods });
    for (const ref of w.pod.references) {
      const to = target(REFERENCED_KIND[ref.kind], w.object.namespace, ref.name.value);
      out.edge({ type: ref.kind === 'persistentVolumeClaim' ? 'mounts' : 'references', from: pods, to, ...(ref.key ? { label: ref.key.value } : {}) });
    }
    if (w.serviceName) out.edge({ type: 'references', from: node(w.object), to: target('Service', w.object.namespace, w.serviceName.value), label: 'serviceName' });
  }
  for (const s of k.services) for (const w of k.serviceSelects(s)) out.edge({ type: 'selects', from: node(s.object), to: podsId(w) });
  for (const ing of k.ingresses) {
    for (const b of ing.backends) {
      const port = b.port ? `:${b.port.value}` : '';
      out.edge({ type: 'routes-to', from: node(ing.object), to: target('Service', ing.object.namespace, b.service.value), label: `${b.host}${b.path === '(default)' ? '' : b.path}${port}` });
    }
    for (const tls of ing.tlsSecrets) out.edge({ type: 'references', from: node(ing.object), to: target('Secret', ing.object.namespace, tls.value), label: 'tls' });
  }
  for (const h of k.hpas) {
    if (!h.target) continue;
    const w = k.workload(h.target.kind.value, h.object.namespace, h.target.name.value);
    out.edge({ type: 'scales', from: node(h.object), to: w ? node(w.object) : target(h.target.kind.value, h.object.namespace, h.target.name.value) });
  }
  for (const p of k.pdbs) if (p.selector) for (const w of k.select(p.object.namespace, p.selector, p.object.apiVersion === 'policy/v1')) out.edge({ type: 'selects', from: node(p.object), to: podsId(w) });
  for (const np of k.networkPolicies) for (const w of selectedBy(k, np)) out.edge({ type: 'selects', from: node(np.object), to: podsId(w) });
  for (const b of k.bindings) {
    if (b.roleRef) {
      const ns = b.roleRef.kind === 'ClusterRole' ? '' : b.object.namespace;
      out.edge({ type: 'binds', from: node(b.object), to: target(b.roleRef.kind, ns, b.roleRef.name.value) });
    }
    for (const s of b.subjects) if (s.kind === 'ServiceAccount') out.edge({ type: 'binds', from: node(b.object), to: target('ServiceAccount', s.namespace, s.name) });
  }
  for (const { from, to, port } of allowedPairs(k)) out.edge({ type: 'can-reach', from: podsId(from), to: podsId(to), ...(port ? { label: port } : {}) });
}
