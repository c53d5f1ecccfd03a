/**
 * The one pod-template extractor: Pod, Deployment, ReplicaSet, ReplicationController,
 * StatefulSet, DaemonSet, Job and CronJob → a PodTemplate with one ContainerSpec per
 * container, init container and ephemeral container. Every value keeps its YAML node;
 * security settings are merged pod → container with the node of each effective value.
 */
import type { Container, PodSpec, Probe, Volume } from 'kubernetes-types/core/v1.js';
import type { ObjectMeta } from 'kubernetes-types/meta/v1.js';
import type { YNode, YPair } from '../../parse/yaml/nodes.js';
import { emptyContainer, type ContainerRole, type ContainerSpec, type EnvSource, type ProbeSpec, type Sourced } from '../container.js';
import { parseImageReference } from '../image.js';
import type { KubernetesObject } from '../kubernetes/object.js';
import type { PodTemplate, PodVolume } from '../kubernetes/pod-template.js';
import { mergeSecurity } from '../kubernetes/security.js';
import { YView, type Anchored, type Loose } from '../kubernetes/view.js';
import { isBatchKind, templatePathOf, workloadKindOf } from '../kubernetes/workloads.js';

const templates = new WeakMap<KubernetesObject, PodTemplate | null>();
const ownerOfContainer = new WeakMap<ContainerSpec, PodTemplate>();

/** The pod template of a workload object, built once; undefined for objects that run no pods. */
export function podTemplateOf(object: KubernetesObject): PodTemplate | undefined {
  let template = templates.get(object);
  if (template === undefined) {
    template = buildPodTemplate(object) ?? null;
    templates.set(object, template);
  }
  return template ?? undefined;
}

/** The pod template a Kubernetes container was extracted from. */
export function podTemplateOfContainer(container: ContainerSpec): PodTemplate | undefined {
  return ownerOfContainer.get(container);
}

/** The containers of every complete pod template (fragments are left out, see PodTemplate.partial). */
export function extractKubernetesContainers(objects: readonly KubernetesObject[]): ContainerSpec[] {
  return objects.flatMap((o) => {
    const template = podTemplateOf(o);
    return template && !template.partial ? template.containers : [];
  });
}

const ROLES: readonly [key: 'containers' | 'initContainers' | 'ephemeralContainers', role: ContainerRole][] = [
  ['containers', 'container'],
  ['initContainers', 'initContainer'],
  ['ephemeralContainers', 'ephemeralContainer'],
];

function buildPodTemplate(object: KubernetesObject): PodTemplate | undefined {
  const kind = workloadKindOf(object.apiVersion, object.kind);
  if (!kind) return undefined;
  const path = templatePathOf(kind);
  const root = new YView<Loose>(object.yaml, []);
  let templateView: YView<Loose> | undefined = root;
  for (const segment of path) templateView = templateView?.object(String(segment));
  const spec = templateView?.object('spec') as YView<PodSpec> | undefined;
  if (!templateView || !spec) return undefined;
  const metadata = templateView.object('metadata') as YView<ObjectMeta> | undefined;

  const restartPolicy = spec.string('restartPolicy')?.value;
  const runsToCompletion = isBatchKind(kind) || (kind === 'Pod' && (restartPolicy === 'Never' || restartPolicy === 'OnFailure'));
  const template: PodTemplate = {
    object,
    kind,
    objectRef: object.objectRef,
    path,
    ...(metadata ? { metadata } : {}),
    spec,
    anchor: kind === 'Pod' ? object.anchor : spec.anchor,
    labels: stringEntries(metadata, 'labels'),
    annotations: stringEntries(metadata, 'annotations'),
    volumes: volumesOf(spec),
    containers: [],
    runsToCompletion,
    partial: false,
  };
  const containers: ContainerSpec[] = [];
  for (const [key, role] of ROLES) {
    // EphemeralContainer has the fields read here under the same names as Container.
    for (const view of spec.list(key) as YView<Container>[]) {
      const c = extractContainer(view, role, template);
      ownerOfContainer.set(c, template);
      containers.push(c);
    }
  }
  template.containers = containers;
  template.partial = object.patch === true || containers.some((c) => c.origin.role !== 'ephemeralContainer' && !c.image && !(c.node as Anchored).yaml.pairs.some((p) => p.keyText === 'image'));
  return template;
}

function stringEntries(metadata: YView<ObjectMeta> | undefined, key: 'labels' | 'annotations') {
  const out = new Map<string, Sourced<string> & { pair: YPair }>();
  for (const pair of metadata?.entries(key) ?? []) {
    const value = pair.value && pair.value.kind !== 'map' && pair.value.kind !== 'seq' ? scalarString(pair.value) : undefined;
    if (value !== undefined) out.set(pair.keyText, { value, node: pair.value!, pair });
  }
  return out;
}

function scalarString(node: YNode): string | undefined {
  const n = node.kind === 'alias' ? node.target : node;
  return n?.kind === 'scalar' && typeof n.value === 'string' ? n.value : undefined;
}

const VOLUME_SOURCE_FIELD: Record<string, string> = {
  hostPath: 'path',
  configMap: 'name',
  secret: 'secretName',
  persistentVolumeClaim: 'claimName',
  nfs: 'path',
};

function volumesOf(spec: YView<PodSpec>): Map<string, PodVolume> {
  const out = new Map<string, PodVolume>();
  for (const view of spec.list('volumes')) {
    const name = view.string('name')?.value;
    if (name === undefined || out.has(name)) continue;
    const typePair = view.map.pairs.find((p) => p.keyText !== 'name' && !p.merge);
    const type = typePair?.keyText ?? 'unknown';
    const volume: PodVolume = { name, type, view };
    const field = VOLUME_SOURCE_FIELD[type];
    if (field) {
      const source = (view.object(type as keyof Volume & string) as YView<Loose> | undefined)?.string(field);
      if (source) volume.source = source;
    }
    out.set(name, volume);
  }
  return out;
}

function extractContainer(view: YView<Container>, role: ContainerRole, t: PodTemplate): ContainerSpec {
  const name = view.string('name')?.value ?? `#${String(view.path[view.path.length - 1])}`;
  const c = emptyContainer(
    {
      format: 'kubernetes',
      role,
      name,
      object: t.objectRef,
      runsToCompletion: t.runsToCompletion,
      path: view.path,
      ...(role === 'initContainer' && view.string('restartPolicy')?.value === 'Always' ? { sidecar: true } : {}),
    },
    view.anchor,
  );
  const image = view.string('image');
  if (image) c.image = { value: parseImageReference(image.value), node: image.node };
  // Kubernetes `command` replaces the image's ENTRYPOINT and `args` its CMD.
  const command = view.raw('command');
  if (command) c.entrypoint = { value: view.strings('command').map((s) => s.value), node: command };
  const args = view.raw('args');
  if (args) c.command = { value: view.strings('args').map((s) => s.value), node: args };
  const pullPolicy = view.string('imagePullPolicy');
  if (pullPolicy) c.imagePullPolicy = pullPolicy;

  readEnv(view, c);
  readPorts(view, c);
  readMounts(view, c, t);
  for (const key of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
    const probe = view.object(key);
    if (probe) c[key] = probeOf(probe);
  }
  const resources = view.object('resources');
  if (resources) {
    c.resources.node = resources.anchor;
    const limits = resources.object('limits') as YView<Loose> | undefined;
    const requests = resources.object('requests') as YView<Loose> | undefined;
    for (const key of ['cpu', 'memory'] as const) {
      const limit = limits?.text(key);
      if (limit) c.resources.limits[key] = limit;
      const request = requests?.text(key);
      if (request) c.resources.requests[key] = request;
    }
  }
  c.security = mergeSecurity(t.spec.object('securityContext'), view.object('securityContext'));
  return c;
}

function readEnv(view: YView<Container>, c: ContainerSpec): void {
  for (const env of view.list('env')) {
    const name = env.string('name');
    if (!name) continue;
    const value = env.text('value');
    const valueFrom = env.object('valueFrom');
    const entry: ContainerSpec['env'][number] = { name, ...(value ? { value } : {}) };
    if (valueFrom) {
      entry.fromReference = true;
      const kindPair = valueFrom.map.pairs.find((p) => !p.merge);
      if (kindPair) {
        const ref = YView.of<Loose>(kindPair.value, valueFrom.at(kindPair.keyText));
        const refName = ref?.string('name')?.value;
        const refKey = ref?.string('key')?.value;
        entry.valueFrom = { kind: kindPair.keyText, ...(refName !== undefined ? { name: refName } : {}), ...(refKey !== undefined ? { key: refKey } : {}) };
      }
    }
    c.env.push(entry);
  }
  const sources: EnvSource[] = [];
  for (const from of view.list('envFrom')) {
    const ref = from.object('configMapRef') ?? from.object('secretRef');
    if (!ref) continue;
    const kind = from.has('configMapRef') ? 'configMap' : 'secret';
    const name = ref.string('name');
    const prefix = from.string('prefix')?.value;
    const optional = ref.boolean('optional')?.value;
    sources.push({
      kind,
      node: from.anchor,
      ...(name ? { name } : {}),
      ...(prefix !== undefined ? { prefix } : {}),
      ...(optional !== undefined ? { optional } : {}),
    });
  }
  if (sources.length > 0) c.envFrom = sources;
}

function readPorts(view: YView<Container>, c: ContainerSpec): void {
  for (const port of view.list('ports')) {
    const containerPort = port.integer('containerPort')?.value;
    const hostPort = port.integer('hostPort')?.value;
    const hostIp = port.string('hostIP')?.value;
    const name = port.string('name')?.value;
    c.ports.push({
      protocol: port.string('protocol')?.value ?? 'TCP',
      node: port.anchor,
      ...(containerPort !== undefined ? { containerPort } : {}),
      ...(hostPort !== undefined ? { hostPort } : {}),
      ...(hostIp !== undefined ? { hostIp } : {}),
      ...(name !== undefined ? { name } : {}),
    });
  }
}

function readMounts(view: YView<Container>, c: ContainerSpec, t: PodTemplate): void {
  for (const mount of view.list('volumeMounts')) {
    const volumeName = mount.string('name');
    const volume = volumeName ? t.volumes.get(volumeName.value) : undefined;
    const target = mount.string('mountPath');
    const subPath = mount.string('subPath')?.value;
    c.mounts.push({
      type: volume?.type ?? 'unknown',
      node: mount.anchor,
      readOnly: mount.boolean('readOnly')?.value === true,
      ...(volume?.source ? { source: volume.source } : {}),
      ...(target ? { target } : {}),
      ...(volumeName ? { volume: volumeName } : {}),
      ...(subPath !== undefined ? { subPath } : {}),
    });
  }
}

const HANDLERS = ['httpGet', 'tcpSocket', 'grpc', 'exec'] as const;

function probeOf(probe: YView<Probe>): ProbeSpec {
  const spec: ProbeSpec = { node: probe.anchor, signature: signatureOf(probe.map) };
  for (const handler of HANDLERS) {
    const action = probe.object(handler) as YView<Loose> | undefined;
    if (!action) continue;
    spec.handler = handler;
    const port = action.intOrString('port');
    if (port) spec.port = port;
    break;
  }
  return spec;
}

/**
 * A canonical text of a YAML value (keys sorted), to compare two probes. Aliases are
 * followed, so the walk has a budget: a probe is a handful of nodes, an alias bomb is not.
 */
function signatureOf(node: YNode | null | undefined, budget = { nodes: 1000 }): string {
  const n = node?.kind === 'alias' ? node.target : node;
  if (!n || --budget.nodes < 0) return 'null';
  if (n.kind === 'scalar') return JSON.stringify(n.value ?? null);
  if (n.kind === 'seq') return `[${n.items.map((i) => signatureOf(i, budget)).join(',')}]`;
  if (n.kind === 'map') {
    const pairs = n.pairs.map((p) => `${JSON.stringify(p.keyText)}:${signatureOf(p.value, budget)}`).sort();
    return `{${pairs.join(',')}}`;
  }
  return 'null';
}
