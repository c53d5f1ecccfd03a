/**
 * The Kubernetes graph: every object of every file, and the questions graph rules ask of it,
 * answered through indexes (by kind, namespace and name; pods by label per namespace) and
 * memoized, so a 20,000-object project resolves in seconds.
 */
import { LabelIndex } from './select.js';
import type {
  BindingRecord, DataObject, HpaRecord, IngressRecord, KubeObject, KubernetesFileRecords, LimitRangeRecord,
  NetworkPolicyRecord, PdbRecord, PvcRecord, QuotaRecord, RoleRecord, SelectorRecord, ServiceRecord, Workload,
} from './types.js';

/** A namespace as selectors see it: its labels, including `kubernetes.io/metadata.name`. */
export interface NamespaceNode {
  name: string;
  labels: ReadonlyMap<string, string>;
  /** The Namespace object, when the project declares it. */
  object?: KubeObject;
}

/** API groups served by Kubernetes itself; anything else is a custom resource (an operator's). */
const BUILT_IN_GROUPS = new Set([
  '', 'apps', 'batch', 'autoscaling', 'policy', 'extensions', 'networking.k8s.io', 'rbac.authorization.k8s.io',
  'storage.k8s.io', 'apiextensions.k8s.io', 'admissionregistration.k8s.io', 'scheduling.k8s.io', 'coordination.k8s.io',
  'node.k8s.io', 'discovery.k8s.io', 'certificates.k8s.io', 'events.k8s.io', 'flowcontrol.apiserver.k8s.io',
  'apiregistration.k8s.io', 'resource.k8s.io', 'authentication.k8s.io', 'authorization.k8s.io',
]);

const key = (kind: string, namespace: string, name: string) => `${kind}\u0000${namespace}\u0000${name}`;

export class KubernetesGraph implements KubernetesFileRecords {
  readonly objects: KubeObject[] = [];
  readonly workloads: Workload[] = [];
  readonly services: ServiceRecord[] = [];
  readonly ingresses: IngressRecord[] = [];
  readonly hpas: HpaRecord[] = [];
  readonly pdbs: PdbRecord[] = [];
  readonly networkPolicies: NetworkPolicyRecord[] = [];
  readonly configMaps: DataObject[] = [];
  readonly secrets: DataObject[] = [];
  readonly pvcs: PvcRecord[] = [];
  readonly roles: RoleRecord[] = [];
  readonly bindings: BindingRecord[] = [];
  readonly quotas: QuotaRecord[] = [];
  readonly limitRanges: LimitRangeRecord[] = [];

  private readonly byName = new Map<string, KubeObject[]>();
  /** `kind` and `kind\u0000namespace` → number of objects. */
  private readonly kindCounts = new Map<string, number>();
  private readonly podsByNamespace = new Map<string, LabelIndex<Workload>>();
  private readonly dataByName = new Map<string, DataObject>();
  private readonly workloadsByName = new Map<string, Workload>();
  private readonly servicesByName = new Map<string, ServiceRecord>();
  private readonly selected = new WeakMap<object, Workload[]>();
  private servicesByWorkload: Map<Workload, ServiceRecord[]> | undefined;
  private readonly customResourceFiles = new Set<string>();
  private namespaceNodes: Map<string, NamespaceNode> | undefined;
  private namespaceIndex: LabelIndex<NamespaceNode> | undefined;

  add(records: KubernetesFileRecords): void {
    for (const field of Object.keys(records) as (keyof KubernetesFileRecords)[]) {
      const target = this[field] as unknown[];
      for (const item of records[field]) target.push(item);
    }
  }

  /** Builds the indexes; call once after every file was added. */
  index(): void {
    for (const o of this.objects) {
      if (!BUILT_IN_GROUPS.has(o.group)) this.customResourceFiles.add(o.file.path);
      for (const c of [o.kind, `${o.kind}\u0000${o.namespace}`]) this.kindCounts.set(c, (this.kindCounts.get(c) ?? 0) + 1);
      const k = key(o.kind, o.namespace, o.name);
      const list = this.byName.get(k);
      if (list) list.push(o);
      else this.byName.set(k, [o]);
    }
    for (const w of this.workloads) {
      this.podIndex(w.object.namespace).add(w);
      this.workloadsByName.set(key(w.kind, w.object.namespace, w.object.name), w);
    }
    for (const d of [...this.configMaps, ...this.secrets]) this.dataByName.set(key(d.object.kind, d.object.namespace, d.object.name), d);
    for (const s of this.services) this.servicesByName.set(key('Service', s.object.namespace, s.object.name), s);
  }

  private podIndex(namespace: string): LabelIndex<Workload> {
    let index = this.podsByNamespace.get(namespace);
    if (!index) this.podsByNamespace.set(namespace, (index = new LabelIndex<Workload>((w) => w.pod.labels)));
    return index;
  }

  /**
   * Whether the object's file also declares custom resources: their operators create pods
   * (a database cluster, a Redis failover) that the files do not show, so "selects nothing"
   * cannot be told there.
   */
  besideCustomResources(o: KubeObject): boolean {
    return this.customResourceFiles.has(o.file.path);
  }

  /** Objects of a kind by namespace and name (several when declared more than once). */
  find(kind: string, namespace: string, name: string): readonly KubeObject[] {
    return this.byName.get(key(kind, namespace, name)) ?? [];
  }

  has(kind: string, namespace: string, name: string): boolean {
    return this.byName.has(key(kind, namespace, name));
  }

  /** Whether the project declares any object of this kind (then absence means more). */
  declares(kind: string, namespace?: string): boolean {
    return (this.kindCounts.get(namespace === undefined ? kind : `${kind}\u0000${namespace}`) ?? 0) > 0;
  }

  workload(kind: string, namespace: string, name: string): Workload | undefined {
    return this.workloadsByName.get(key(kind, namespace, name));
  }

  service(namespace: string, name: string): ServiceRecord | undefined {
    return this.servicesByName.get(key('Service', namespace, name));
  }

  data(kind: 'ConfigMap' | 'Secret', namespace: string, name: string): DataObject | undefined {
    return this.dataByName.get(key(kind, namespace, name));
  }

  workloadsIn(namespace: string): readonly Workload[] {
    return this.podsByNamespace.get(namespace)?.items ?? [];
  }

  /** The workloads whose pods a label selector picks in a namespace. */
  select(namespace: string, selector: Pick<SelectorRecord, 'matchLabels' | 'expressions'>, emptyMatchesAll: boolean): Workload[] {
    return this.podsByNamespace.get(namespace)?.select(selector, emptyMatchesAll) ?? [];
  }

  /** The workloads whose pods a Service's selector picks (memoized). */
  serviceSelects(service: ServiceRecord): Workload[] {
    let out = this.selected.get(service);
    if (!out) {
      out = service.selector ? (this.podsByNamespace.get(service.object.namespace)?.selectMap(service.selector.entries) ?? []) : [];
      this.selected.set(service, out);
    }
    return out;
  }

  /** The Services whose selector picks a workload's pods. */
  servicesOf(workload: Workload): readonly ServiceRecord[] {
    if (!this.servicesByWorkload) {
      this.servicesByWorkload = new Map();
      for (const s of this.services) {
        for (const w of this.serviceSelects(s)) {
          const list = this.servicesByWorkload.get(w);
          if (list) list.push(s);
          else this.servicesByWorkload.set(w, [s]);
        }
      }
    }
    return this.servicesByWorkload.get(workload) ?? [];
  }

  /** Every namespace the project uses or declares, with its labels. */
  namespaces(): ReadonlyMap<string, NamespaceNode> {
    if (!this.namespaceNodes) {
      const nodes = new Map<string, NamespaceNode>();
      const ensure = (name: string, object?: KubeObject) => {
        const existing = nodes.get(name);
        if (existing && (existing.object || !object)) return;
        const labels = new Map(object?.labels ?? []);
        labels.set('kubernetes.io/metadata.name', name);
        nodes.set(name, { name, labels, ...(object ? { object } : {}) });
      };
      for (const o of this.objects) if (o.kind === 'Namespace' && o.group === '') ensure(o.name, o);
      for (const o of this.objects) if (o.namespace !== '') ensure(o.namespace);
      this.namespaceNodes = nodes;
    }
    return this.namespaceNodes;
  }

  /** Namespaces a namespaceSelector picks (an empty selector: all of them). */
  selectNamespaces(selector: Pick<SelectorRecord, 'matchLabels' | 'expressions'>): NamespaceNode[] {
    if (!this.namespaceIndex) {
      this.namespaceIndex = new LabelIndex<NamespaceNode>((n) => n.labels);
      for (const n of this.namespaces().values()) this.namespaceIndex.add(n);
    }
    return this.namespaceIndex.select(selector, true);
  }
}
