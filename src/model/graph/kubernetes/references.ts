/**
 * References from pods (and Ingress TLS) to ConfigMaps, Secrets, PersistentVolumeClaims and
 * ServiceAccounts, resolved in the referrer's namespace: the object may be absent from the
 * files (it may still be created elsewhere) or present without the key asked for.
 */
import type { KubernetesGraph } from './graph.js';
import type { DataObject, KubeObject, ObjectReference, ReferenceKind } from './types.js';

export interface ReferenceProblem {
  reference: ObjectReference;
  /** The object that refers: the workload, or the Ingress for TLS. */
  owner: KubeObject;
  problem: 'absent' | 'key';
  /** The referenced object, when present. */
  target?: KubeObject;
}

const KIND_OF: Record<ReferenceKind, string> = {
  configMap: 'ConfigMap',
  secret: 'Secret',
  persistentVolumeClaim: 'PersistentVolumeClaim',
  serviceAccount: 'ServiceAccount',
};

export function kindOfReference(kind: ReferenceKind): string {
  return KIND_OF[kind];
}

/** Every reference of a kind: the pods' and, for Secrets, the Ingress TLS secrets. */
export function referencesOf(k: KubernetesGraph, kind: ReferenceKind): { reference: ObjectReference; owner: KubeObject }[] {
  const out: { reference: ObjectReference; owner: KubeObject }[] = [];
  for (const w of k.workloads) for (const reference of w.pod.references) if (reference.kind === kind) out.push({ reference, owner: w.object });
  if (kind === 'secret') {
    for (const ing of k.ingresses) {
      // cert-manager creates the certificate Secret of an annotated Ingress.
      if ([...ing.object.annotations.keys()].some((a) => a.startsWith('cert-manager.io/'))) continue;
      for (const name of ing.tlsSecrets) out.push({ reference: { kind: 'secret', name, optional: false, via: 'tls' }, owner: ing.object });
    }
  }
  return out;
}

export function referenceProblems(k: KubernetesGraph, kind: ReferenceKind): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  for (const { reference, owner } of referencesOf(k, kind)) {
    if (reference.optional) continue;
    const ns = owner.namespace;
    const name = reference.name.value;
    if (kind === 'serviceAccount' && name === 'default') continue;
    let target: KubeObject | undefined;
    let data: DataObject | undefined;
    if (kind === 'configMap' || kind === 'secret') {
      data = k.data(KIND_OF[kind] as 'ConfigMap' | 'Secret', ns, name);
      target = data?.object;
    } else target = k.find(KIND_OF[kind], ns, name)[0];
    if (!target) {
      problems.push({ reference, owner, problem: 'absent' });
      continue;
    }
    if (data && reference.key && !data.keys.has(reference.key.value)) problems.push({ reference, owner, problem: 'key', target });
  }
  return problems;
}
