/**
 * The Kubernetes part of the graph as small records: what relationships need (names,
 * namespaces, labels, selectors, ports, references, resources) and where each was written.
 * The YAML trees are not kept; every location is a span in its file.
 */
import type { ObjectRef } from '../../../core/types.js';
import type { WorkloadKind } from '../../kubernetes/workloads.js';
import type { GraphFile, SourceLocation } from '../types.js';

export interface Located<T> {
  value: T;
  at: SourceLocation;
}

/** A label selector as matching needs it. */
export interface SelectorRecord {
  matchLabels: [key: string, value: string][];
  expressions: { key: string; operator: string; values: string[] }[];
  at: SourceLocation;
}

export interface KubeObject {
  apiVersion: string;
  /** API group, `` for core; `extensions` is read as the group the kind moved to. */
  group: string;
  kind: string;
  name: string;
  /** Effective namespace: as written, `default` when unset or empty; `` for cluster-scoped kinds. */
  namespace: string;
  /** metadata.namespace as written. */
  namespaceAt?: Located<string>;
  file: GraphFile;
  /** Where findings about the object go (its metadata.name). */
  at: SourceLocation;
  ref: ObjectRef;
  /** metadata.name is set (not only generateName, which gets a fresh name each time). */
  named: boolean;
  /** Kept for Namespaces only (namespaceSelector); workloads' pod labels are on their PodRecord. */
  labels: ReadonlyMap<string, string>;
  /** Kept for Ingresses only (a cert-manager annotation means the TLS Secret is created for it). */
  annotations: ReadonlyMap<string, string>;
}

export type ReferenceKind = 'configMap' | 'secret' | 'persistentVolumeClaim' | 'serviceAccount';

/** A reference from a pod (or an Ingress) to another object by name, and optionally a key in it. */
export interface ObjectReference {
  kind: ReferenceKind;
  name: Located<string>;
  key?: Located<string>;
  /** `optional: true`: the pod starts without it. */
  optional: boolean;
  /** How: `env`, `envFrom`, `volume`, `projected`, `imagePullSecrets`, `tls`, `serviceAccountName`. */
  via: string;
  /** Container it is used by, when it is. */
  container?: string;
}

export interface ContainerPort {
  name?: string;
  port: number;
  protocol: string;
  at: SourceLocation;
}

export interface PodContainer {
  name: string;
  role: 'container' | 'initContainer' | 'ephemeralContainer';
  at: SourceLocation;
  image?: Located<string>;
  ports: ContainerPort[];
  /** Resource name → quantity as written (`cpu`, `memory`, `ephemeral-storage`, `nvidia.com/gpu`). */
  requests: Map<string, Located<string>>;
  limits: Map<string, Located<string>>;
  /** Where `resources:` is, or the container when it has none. */
  resourcesAt: SourceLocation;
  readinessProbe: boolean;
  mounts: Located<string>[];
  runAsNonRoot?: Located<boolean>;
  runAsUser?: Located<number>;
}

export interface PodRecord {
  labels: ReadonlyMap<string, string>;
  /** The template's labels (or where they would go). */
  labelsAt: SourceLocation;
  /** Where findings about the pod as a whole go. */
  at: SourceLocation;
  serviceAccount?: Located<string>;
  volumes: Map<string, { type: string; at: SourceLocation }>;
  containers: PodContainer[];
  references: ObjectReference[];
  hostNetwork: boolean;
}

export interface Workload {
  object: KubeObject;
  kind: WorkloadKind;
  /** Pods it runs: spec.replicas (default 1), 1 for a Pod, parallelism for a Job. DaemonSets: one per node, counted as 1. */
  replicas: number;
  replicasAt?: SourceLocation;
  pod: PodRecord;
  minReadySeconds?: Located<number>;
  strategy?: { type: string; maxUnavailable?: Located<number | string>; maxSurge?: Located<number | string>; at: SourceLocation };
  /** StatefulSet spec.serviceName. */
  serviceName?: Located<string>;
  volumeClaimTemplates: { name: string; storageClassName?: Located<string>; at: SourceLocation }[];
}

export interface ServicePort {
  name?: string;
  port: number;
  protocol: string;
  targetPort?: Located<number | string>;
  at: SourceLocation;
}

export interface ServiceRecord {
  object: KubeObject;
  type: string;
  /** spec.selector; undefined when absent (endpoints are managed by hand). */
  selector?: { entries: [string, string][]; at: SourceLocation };
  headless: boolean;
  ports: ServicePort[];
}

export interface IngressBackend {
  service: Located<string>;
  port?: Located<number | string>;
  /** host + path, for messages and simulate; `*` for any host. */
  host: string;
  path: string;
  at: SourceLocation;
}

export interface IngressRecord {
  object: KubeObject;
  backends: IngressBackend[];
  tlsSecrets: Located<string>[];
}

export interface HpaRecord {
  object: KubeObject;
  target?: { kind: Located<string>; name: Located<string>; apiVersion?: string };
  minReplicas?: number;
  maxReplicas?: number;
  /** Resource metrics with a Utilization target: they need requests for that resource. */
  utilization: Located<string>[];
}

export interface PdbRecord {
  object: KubeObject;
  selector?: SelectorRecord;
  minAvailable?: Located<number | string>;
  maxUnavailable?: Located<number | string>;
}

export interface PolicyPeer {
  podSelector?: SelectorRecord;
  namespaceSelector?: SelectorRecord;
  ipBlock?: { cidr: string; except: string[] };
  at: SourceLocation;
}

export interface PolicyPort {
  protocol: string;
  /** undefined: every port. */
  port?: number | string;
  endPort?: number;
}

export interface PolicyRule {
  /** Empty: from (to) anywhere. */
  peers: PolicyPeer[];
  /** Empty: every port. */
  ports: PolicyPort[];
  at: SourceLocation;
}

export interface NetworkPolicyRecord {
  object: KubeObject;
  podSelector: SelectorRecord;
  /** Effective policyTypes (Ingress, plus Egress when egress rules exist, when unset). */
  types: Set<'Ingress' | 'Egress'>;
  ingress: PolicyRule[];
  egress: PolicyRule[];
}

export interface DataObject {
  object: KubeObject;
  keys: Set<string>;
}

export interface RoleRecord {
  object: KubeObject;
  /** Some rule grants every verb on every resource. */
  wildcard?: SourceLocation;
}

export interface BindingRecord {
  object: KubeObject;
  roleRef?: { kind: string; name: Located<string> };
  subjects: { kind: string; name: string; namespace: string; at: SourceLocation }[];
}

export interface QuotaRecord {
  object: KubeObject;
  hard: Map<string, Located<string>>;
  /** Quotas with scopes or a scopeSelector apply to some pods only; they are not simulated. */
  scoped: boolean;
}

export interface LimitRangeItem {
  type: string;
  default: Map<string, string>;
  defaultRequest: Map<string, string>;
  max: Map<string, Located<string>>;
  min: Map<string, Located<string>>;
  at: SourceLocation;
}

export interface LimitRangeRecord {
  object: KubeObject;
  limits: LimitRangeItem[];
}

export interface PvcRecord {
  object: KubeObject;
  storageClassName?: Located<string>;
}

/** What one file contributes. */
export interface KubernetesFileRecords {
  objects: KubeObject[];
  workloads: Workload[];
  services: ServiceRecord[];
  ingresses: IngressRecord[];
  hpas: HpaRecord[];
  pdbs: PdbRecord[];
  networkPolicies: NetworkPolicyRecord[];
  configMaps: DataObject[];
  secrets: DataObject[];
  pvcs: PvcRecord[];
  roles: RoleRecord[];
  bindings: BindingRecord[];
  quotas: QuotaRecord[];
  limitRanges: LimitRangeRecord[];
}
