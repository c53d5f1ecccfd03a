/** One Kubernetes file → graph records (see types.ts). Runs while the file's YAML tree is alive. */
import type { KubernetesObject } from '../../kubernetes/object.js';
import { podTemplateOf } from '../../extract/kubernetes.js';
import { objectView, type Loose, type YView } from '../../kubernetes/view.js';
import { apiGroupOf } from '../../kubernetes/workloads.js';
import type { GraphFile } from '../types.js';
import { podRecord } from './pods.js';
import { RecordReader, textEntries } from './reader.js';
import type { IngressBackend, KubeObject, KubernetesFileRecords, Located, PolicyPeer, PolicyRule, Workload } from './types.js';

/** Kinds that moved out of `extensions`: the same resource under either group. */
const MOVED: Record<string, string> = {
  Deployment: 'apps',
  DaemonSet: 'apps',
  ReplicaSet: 'apps',
  Ingress: 'networking.k8s.io',
  NetworkPolicy: 'networking.k8s.io',
  PodSecurityPolicy: 'policy',
};

/** Built-in kinds that live outside namespaces. */
const CLUSTER_SCOPED = new Set([
  'Namespace', 'Node', 'PersistentVolume', 'StorageClass', 'ClusterRole', 'ClusterRoleBinding',
  'CustomResourceDefinition', 'PriorityClass', 'IngressClass', 'RuntimeClass', 'CSIDriver', 'CSINode',
  'VolumeAttachment', 'ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration',
  'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding', 'APIService', 'PodSecurityPolicy',
  'CertificateSigningRequest', 'ComponentStatus', 'FlowSchema', 'PriorityLevelConfiguration',
  'ClusterIssuer', 'ClusterSecretStore', 'ClusterPolicy',
]);

const NONE: ReadonlyMap<string, string> = new Map();

export function isClusterScoped(kind: string): boolean {
  return CLUSTER_SCOPED.has(kind);
}

export function emptyRecords(): KubernetesFileRecords {
  return {
    objects: [], workloads: [], services: [], ingresses: [], hpas: [], pdbs: [], networkPolicies: [],
    configMaps: [], secrets: [], pvcs: [], roles: [], bindings: [], quotas: [], limitRanges: [],
  };
}

export function extractKubernetesRecords(objects: readonly KubernetesObject[], file: GraphFile): KubernetesFileRecords {
  const out = emptyRecords();
  for (const o of objects) {
    // A Kustomize patch is part of another object, not one that gets created.
    if (!o.kind || !o.name || o.patch) continue;
    const r = new RecordReader(file.source, o.objectRef);
    const root = objectView<Loose>(o);
    const metadata = root.object('metadata');
    let group = apiGroupOf(o.apiVersion);
    if (group === 'extensions' && MOVED[o.kind]) group = MOVED[o.kind]!;
    const cluster = isClusterScoped(o.kind);
    const object: KubeObject = {
      apiVersion: o.apiVersion,
      group,
      kind: o.kind,
      name: o.name,
      namespace: cluster ? '' : (o.namespace || 'default'),
      file,
      at: r.at(o.anchor),
      ref: o.objectRef,
      named: typeof metadata?.string('name')?.value === 'string' && metadata.string('name')!.value !== '',
      // Only what relationships read: a Namespace's labels (namespaceSelector), an Ingress's annotations (cert-manager).
      labels: o.kind === 'Namespace' ? textEntries(metadata, 'labels') : NONE,
      annotations: o.kind === 'Ingress' ? textEntries(metadata, 'annotations') : NONE,
    };
    const ns = r.located(metadata?.string('namespace'), ['metadata', 'namespace']);
    if (ns) object.namespaceAt = ns;
    out.objects.push(object);
    const spec = root.object('spec');
    readKind(o, object, root, spec, r, out);
  }
  return out;
}

function readKind(o: KubernetesObject, object: KubeObject, root: YView<Loose>, spec: YView<Loose> | undefined, r: RecordReader, out: KubernetesFileRecords): void {
  const template = podTemplateOf(o);
  if (template) {
    if (!template.partial) out.workloads.push(workloadOf(object, template.kind, spec, r, podRecord(template, r)));
    return;
  }
  const core = object.group === '';
  switch (object.kind) {
    case 'Service':
      if (core) out.services.push(serviceOf(object, spec, r));
      return;
    case 'Ingress':
      if (object.group === 'networking.k8s.io') out.ingresses.push(ingressOf(object, spec, r));
      return;
    case 'HorizontalPodAutoscaler':
      if (object.group === 'autoscaling') out.hpas.push(hpaOf(object, spec, r));
      return;
    case 'PodDisruptionBudget':
      if (object.group === 'policy') {
        const selector = r.selector(spec?.object('selector'));
        const minAvailable = r.located(spec?.intOrString('minAvailable'), spec?.at('minAvailable'));
        const maxUnavailable = r.located(spec?.intOrString('maxUnavailable'), spec?.at('maxUnavailable'));
        out.pdbs.push({ object, ...(selector ? { selector } : {}), ...(minAvailable ? { minAvailable } : {}), ...(maxUnavailable ? { maxUnavailable } : {}) });
      }
      return;
    case 'NetworkPolicy':
      if (object.group === 'networking.k8s.io' && spec) out.networkPolicies.push(networkPolicyOf(object, spec, r));
      return;
    case 'ConfigMap':
    case 'Secret':
      if (core) {
        const keys = new Set<string>();
        for (const key of object.kind === 'ConfigMap' ? ['data', 'binaryData'] : ['data', 'stringData']) for (const pair of root.entries(key)) keys.add(pair.keyText);
        (object.kind === 'ConfigMap' ? out.configMaps : out.secrets).push({ object, keys });
      }
      return;
    case 'PersistentVolumeClaim':
      if (core) {
        const sc = r.located(spec?.string('storageClassName'), spec?.at('storageClassName'));
        out.pvcs.push({ object, ...(sc ? { storageClassName: sc } : {}) });
      }
      return;
    case 'Role':
    case 'ClusterRole':
      if (object.group === 'rbac.authorization.k8s.io') {
        const wildcard = root.list('rules').find((rule) => rule.strings('verbs').some((v) => v.value === '*') && rule.strings('resources').some((v) => v.value === '*'));
        out.roles.push({ object, ...(wildcard ? { wildcard: r.of(wildcard) } : {}) });
      }
      return;
    case 'RoleBinding':
    case 'ClusterRoleBinding':
      if (object.group === 'rbac.authorization.k8s.io') out.bindings.push(bindingOf(object, root, r));
      return;
    case 'ResourceQuota':
      if (core) {
        const hard = new Map<string, Located<string>>();
        const view = spec?.object('hard');
        for (const pair of view?.map.pairs ?? []) {
          const text = r.located(view!.text(pair.keyText), view!.at(pair.keyText));
          if (text) hard.set(pair.keyText, text);
        }
        out.quotas.push({ object, hard, scoped: spec?.has('scopes') === true || spec?.has('scopeSelector') === true });
      }
      return;
    case 'LimitRange':
      if (core) {
        const limits = (spec?.list('limits') ?? []).map((item) => {
          const plain = (key: string) => new Map([...(item.object(key)?.map.pairs ?? [])].flatMap((p) => {
            const t = item.object(key)!.text(p.keyText);
            return t ? [[p.keyText, t.value] as [string, string]] : [];
          }));
          const located = (key: string) => {
            const view = item.object(key);
            return new Map((view?.map.pairs ?? []).flatMap((p) => {
              const t = r.located(view!.text(p.keyText), view!.at(p.keyText));
              return t ? [[p.keyText, t] as [string, Located<string>]] : [];
            }));
          };
          return {
            type: item.string('type')?.value ?? '',
            default: plain('default'),
            defaultRequest: plain('defaultRequest'),
            max: located('max'),
            min: located('min'),
            at: r.of(item),
          };
        });
        out.limitRanges.push({ object, limits });
      }
      return;
  }
}

function workloadOf(object: KubeObject, kind: Workload['kind'], spec: YView<Loose> | undefined, r: RecordReader, pod: Workload['pod']): Workload {
  const jobSpec = kind === 'CronJob' ? spec?.object('jobTemplate')?.object('spec') : kind === 'Job' ? spec : undefined;
  const replicasField = kind === 'Pod' || kind === 'DaemonSet' ? undefined : jobSpec ? jobSpec.integer('parallelism') : spec?.integer('replicas');
  const w: Workload = {
    object,
    kind,
    replicas: replicasField?.value ?? 1,
    pod,
    volumeClaimTemplates: [],
  };
  if (replicasField) w.replicasAt = r.at(replicasField.node, (jobSpec ?? spec)!.at(jobSpec ? 'parallelism' : 'replicas'));
  const minReady = r.located(spec?.integer('minReadySeconds'), spec?.at('minReadySeconds'));
  if (minReady && kind !== 'Pod') w.minReadySeconds = minReady;
  const strategyView = kind === 'Deployment' ? spec?.object('strategy') : kind === 'StatefulSet' || kind === 'DaemonSet' ? spec?.object('updateStrategy') : undefined;
  if (strategyView) {
    const rolling = strategyView.object('rollingUpdate');
    const maxUnavailable = r.located(rolling?.intOrString('maxUnavailable'), rolling?.at('maxUnavailable'));
    const maxSurge = r.located(rolling?.intOrString('maxSurge'), rolling?.at('maxSurge'));
    w.strategy = {
      type: strategyView.string('type')?.value ?? 'RollingUpdate',
      at: r.of(strategyView),
      ...(maxUnavailable ? { maxUnavailable } : {}),
      ...(maxSurge ? { maxSurge } : {}),
    };
  }
  if (kind === 'StatefulSet') {
    const serviceName = r.located(spec?.string('serviceName'), spec?.at('serviceName'));
    if (serviceName && serviceName.value !== '') w.serviceName = serviceName;
    for (const claim of spec?.list('volumeClaimTemplates') ?? []) {
      const name = claim.object('metadata')?.string('name')?.value;
      if (!name) continue;
      const sc = r.located(claim.object('spec')?.string('storageClassName'), claim.object('spec')?.at('storageClassName'));
      w.volumeClaimTemplates.push({ name, at: r.of(claim), ...(sc ? { storageClassName: sc } : {}) });
      w.pod.volumes.set(name, { type: 'volumeClaimTemplate', at: r.of(claim) });
    }
  }
  return w;
}

function serviceOf(object: KubeObject, spec: YView<Loose> | undefined, r: RecordReader) {
  const selectorView = spec?.object('selector');
  const entries = [...textEntries(spec, 'selector')];
  const clusterIP = spec?.string('clusterIP')?.value;
  return {
    object,
    type: spec?.string('type')?.value ?? 'ClusterIP',
    ...(selectorView ? { selector: { entries, at: r.of(selectorView) } } : {}),
    headless: clusterIP === 'None',
    ports: (spec?.list('ports') ?? []).flatMap((p) => {
      const port = p.integer('port')?.value;
      if (port === undefined) return [];
      const name = p.string('name')?.value;
      const targetPort = r.located(p.intOrString('targetPort'), p.at('targetPort'));
      return [{ port, protocol: p.string('protocol')?.value ?? 'TCP', at: r.of(p), ...(name !== undefined ? { name } : {}), ...(targetPort ? { targetPort } : {}) }];
    }),
  };
}

function ingressOf(object: KubeObject, spec: YView<Loose> | undefined, r: RecordReader) {
  const backends: IngressBackend[] = [];
  const add = (backend: YView<Loose> | undefined, host: string, path: string) => {
    if (!backend) return;
    const service = backend.object('service');
    // networking.k8s.io/v1: backend.service.{name, port.{number | name}}; v1beta1: backend.{serviceName, servicePort}.
    const name = service ? r.located(service.string('name'), service.at('name')) : r.located(backend.string('serviceName'), backend.at('serviceName'));
    if (!name) return;
    const portView = service?.object('port');
    const port = service
      ? (r.located(portView?.integer('number'), portView?.at('number')) ?? r.located(portView?.string('name'), portView?.at('name')))
      : r.located(backend.intOrString('servicePort'), backend.at('servicePort'));
    backends.push({ service: name, host, path, at: r.of(backend), ...(port ? { port } : {}) });
  };
  add(spec?.object('defaultBackend') ?? spec?.object('backend'), '*', '(default)');
  for (const rule of spec?.list('rules') ?? []) {
    const host = rule.string('host')?.value ?? '*';
    for (const path of rule.object('http')?.list('paths') ?? []) add(path.object('backend'), host, path.string('path')?.value ?? '/');
  }
  const tlsSecrets = (spec?.list('tls') ?? []).flatMap((t) => {
    const name = r.located(t.string('secretName'), t.at('secretName'));
    return name ? [name] : [];
  });
  return { object, backends, tlsSecrets };
}

function hpaOf(object: KubeObject, spec: YView<Loose> | undefined, r: RecordReader) {
  const target = spec?.object('scaleTargetRef');
  const kind = r.located(target?.string('kind'), target?.at('kind'));
  const name = r.located(target?.string('name'), target?.at('name'));
  const apiVersion = target?.string('apiVersion')?.value;
  const utilization: Located<string>[] = [];
  const cpu = spec?.integer('targetCPUUtilizationPercentage');
  if (cpu) utilization.push({ value: 'cpu', at: r.at(cpu.node, spec!.at('targetCPUUtilizationPercentage')) });
  for (const metric of spec?.list('metrics') ?? []) {
    if (metric.string('type')?.value !== 'Resource') continue;
    const resource = metric.object('resource');
    const resourceName = resource?.string('name')?.value;
    const target = resource?.object('target');
    const utilizationTarget = target?.string('type')?.value === 'Utilization' || resource?.has('targetAverageUtilization') === true;
    if (resourceName && utilizationTarget) utilization.push({ value: resourceName, at: r.of(metric) });
  }
  const min = spec?.integer('minReplicas')?.value;
  const max = spec?.integer('maxReplicas')?.value;
  return {
    object,
    ...(kind && name ? { target: { kind, name, ...(apiVersion ? { apiVersion } : {}) } } : {}),
    ...(min !== undefined ? { minReplicas: min } : {}),
    ...(max !== undefined ? { maxReplicas: max } : {}),
    utilization,
  };
}

function networkPolicyOf(object: KubeObject, spec: YView<Loose>, r: RecordReader) {
  const rules = (key: 'ingress' | 'egress', peersKey: 'from' | 'to'): PolicyRule[] =>
    spec.list(key).map((rule) => ({
      at: r.of(rule),
      peers: rule.list(peersKey).map((peer): PolicyPeer => {
        const out: PolicyPeer = { at: r.of(peer) };
        const pod = r.selector(peer.object('podSelector'));
        const ns = r.selector(peer.object('namespaceSelector'));
        if (pod) out.podSelector = pod;
        if (ns) out.namespaceSelector = ns;
        const block = peer.object('ipBlock');
        if (block) out.ipBlock = { cidr: block.string('cidr')?.value ?? '', except: block.strings('except').map((s) => s.value) };
        return out;
      }),
      ports: rule.list('ports').map((p) => {
        const port = p.intOrString('port')?.value;
        const endPort = p.integer('endPort')?.value;
        return { protocol: p.string('protocol')?.value ?? 'TCP', ...(port !== undefined ? { port } : {}), ...(endPort !== undefined ? { endPort } : {}) };
      }),
    }));
  const ingress = rules('ingress', 'from');
  const egress = rules('egress', 'to');
  const written = spec.strings('policyTypes').map((s) => s.value);
  // Unset policyTypes: Ingress always, Egress when the policy has egress rules.
  const types = new Set(
    (written.length > 0 ? written : ['Ingress', ...(egress.length > 0 ? ['Egress'] : [])]).filter((t): t is 'Ingress' | 'Egress' => t === 'Ingress' || t === 'Egress'),
  );
  const podSelector = r.selector(spec.object('podSelector')) ?? { matchLabels: [], expressions: [], at: r.of(spec) };
  return { object, podSelector, types, ingress, egress };
}

function bindingOf(object: KubeObject, root: YView<Loose>, r: RecordReader) {
  const roleRef = root.object('roleRef');
  const kind = roleRef?.string('kind')?.value;
  const name = r.located(roleRef?.string('name'), roleRef?.at('name'));
  const subjects = root.list('subjects').flatMap((s) => {
    const subjectKind = s.string('kind')?.value;
    const subjectName = s.string('name')?.value;
    if (!subjectKind || !subjectName) return [];
    return [{ kind: subjectKind, name: subjectName, namespace: s.string('namespace')?.value ?? object.namespace, at: r.of(s) }];
  });
  return { object, ...(kind && name ? { roleRef: { kind, name } } : {}), subjects };
}
