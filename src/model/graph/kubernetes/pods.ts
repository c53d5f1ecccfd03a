/**
 * A workload's pod template as the graph needs it: labels, service account, volumes,
 * containers (ports, resources, probes, mounts, effective runAsNonRoot/runAsUser) and every
 * reference to a ConfigMap, Secret, PersistentVolumeClaim or ServiceAccount.
 */
import type { Container, Volume } from 'kubernetes-types/core/v1.js';
import type { ContainerSpec } from '../../container.js';
import type { PodTemplate } from '../../kubernetes/pod-template.js';
import type { Loose, YView } from '../../kubernetes/view.js';
import type { RecordReader } from './reader.js';
import { textEntries } from './reader.js';
import type { ObjectReference, PodContainer, PodRecord, ReferenceKind } from './types.js';

const ROLE_KEYS = [
  ['containers', 'container'],
  ['initContainers', 'initContainer'],
  ['ephemeralContainers', 'ephemeralContainer'],
] as const;

export function podRecord(template: PodTemplate, r: RecordReader): PodRecord {
  const spec = template.spec;
  const metadata = template.metadata as YView<Record<string, unknown>> | undefined;
  const labelsView = metadata?.object('labels');
  const pod: PodRecord = {
    labels: textEntries(metadata, 'labels'),
    labelsAt: labelsView ? r.of(labelsView) : r.at(template.anchor, template.path),
    at: r.at(template.anchor, template.path),
    volumes: new Map(),
    containers: [],
    references: [],
    hostNetwork: spec.boolean('hostNetwork')?.value === true,
  };
  const sa = spec.string('serviceAccountName') ?? spec.string('serviceAccount');
  if (sa && sa.value !== '') {
    pod.serviceAccount = { value: sa.value, at: r.at(sa.node) };
    pod.references.push({ kind: 'serviceAccount', name: pod.serviceAccount, optional: false, via: 'serviceAccountName' });
  }
  for (const secret of spec.list('imagePullSecrets')) {
    const name = r.located(secret.string('name'));
    if (name) pod.references.push({ kind: 'secret', name, optional: false, via: 'imagePullSecrets' });
  }
  for (const volume of spec.list('volumes')) readVolume(volume, pod, r);

  let index = 0;
  for (const [key, role] of ROLE_KEYS) {
    for (const view of spec.list(key) as YView<Container>[]) {
      const spec = template.containers[index++];
      pod.containers.push(containerRecord(view, role, spec, pod, r));
    }
  }
  return pod;
}

function ref(
  kind: ReferenceKind,
  view: YView<Loose> | undefined,
  nameKey: string,
  via: string,
  r: RecordReader,
  extra: { container?: string; key?: YView<Loose>; optionalFrom?: YView<Loose> } = {},
): ObjectReference | undefined {
  const name = r.located(view?.string(nameKey), view?.at(nameKey));
  if (!view || !name || name.value === '') return undefined;
  const out: ObjectReference = {
    kind,
    name,
    optional: (extra.optionalFrom ?? view).boolean('optional')?.value === true,
    via,
  };
  const key = r.located(extra.key?.string('key'), extra.key?.at('key'));
  if (key) out.key = key;
  if (extra.container) out.container = extra.container;
  return out;
}

function readVolume(volume: YView<Volume>, pod: PodRecord, r: RecordReader): void {
  const name = volume.string('name')?.value;
  if (name === undefined) return;
  const typePair = volume.map.pairs.find((p) => p.keyText !== 'name' && !p.merge);
  pod.volumes.set(name, { type: typePair?.keyText ?? 'unknown', at: r.of(volume) });
  const v = volume as unknown as YView<Loose>;
  const withItems = (kind: ReferenceKind, source: YView<Loose> | undefined, nameKey: string, via: string) => {
    const base = ref(kind, source, nameKey, via, r);
    if (!base) return;
    const items = source!.list('items');
    if (items.length === 0) pod.references.push(base);
    for (const item of items) {
      const key = r.located(item.string('key'), item.at('key'));
      pod.references.push(key ? { ...base, key } : base);
    }
  };
  withItems('configMap', v.object('configMap'), 'name', 'volume');
  withItems('secret', v.object('secret'), 'secretName', 'volume');
  const claim = ref('persistentVolumeClaim', v.object('persistentVolumeClaim'), 'claimName', 'volume', r);
  if (claim) pod.references.push(claim);
  for (const source of v.object('projected')?.list('sources') ?? []) {
    withItems('configMap', source.object('configMap'), 'name', 'projected');
    withItems('secret', source.object('secret'), 'name', 'projected');
  }
}

function containerRecord(
  view: YView<Container>,
  role: PodContainer['role'],
  spec: ContainerSpec | undefined,
  pod: PodRecord,
  r: RecordReader,
): PodContainer {
  const name = view.string('name')?.value ?? `#${String(view.path.at(-1))}`;
  const resources = view.object('resources') as YView<Loose> | undefined;
  const quantities = (key: 'requests' | 'limits') => {
    const out = new Map<string, { value: string; at: ReturnType<RecordReader['at']> }>();
    const map = resources?.object(key);
    for (const pair of map?.map.pairs ?? []) {
      const text = map!.text(pair.keyText);
      if (text) out.set(pair.keyText, { value: text.value, at: r.at(text.node, map!.at(pair.keyText)) });
    }
    return out;
  };
  const c: PodContainer = {
    name,
    role,
    at: r.of(view),
    ports: [],
    requests: quantities('requests'),
    limits: quantities('limits'),
    resourcesAt: resources ? r.of(resources) : r.of(view),
    readinessProbe: view.has('readinessProbe'),
    mounts: [],
  };
  const image = r.located(view.string('image'), view.at('image'));
  if (image) c.image = image;
  for (const port of view.list('ports')) {
    const number = port.integer('containerPort')?.value;
    if (number === undefined) continue;
    const name = port.string('name')?.value;
    c.ports.push({ port: number, protocol: port.string('protocol')?.value ?? 'TCP', at: r.of(port), ...(name !== undefined ? { name } : {}) });
  }
  for (const mount of view.list('volumeMounts')) {
    const volume = r.located(mount.string('name'), mount.at('name'));
    if (volume) c.mounts.push(volume);
  }
  const nonRoot = r.located(spec?.security.runAsNonRoot);
  if (nonRoot) c.runAsNonRoot = nonRoot;
  const user = r.located(spec?.security.runAsUser);
  if (user) c.runAsUser = user;

  for (const env of view.list('env')) {
    const from = env.object('valueFrom') as YView<Loose> | undefined;
    const cm = from?.object('configMapKeyRef');
    const secret = from?.object('secretKeyRef');
    const reference =
      ref('configMap', cm, 'name', 'env', r, { container: name, ...(cm ? { key: cm } : {}) }) ??
      ref('secret', secret, 'name', 'env', r, { container: name, ...(secret ? { key: secret } : {}) });
    if (reference) pod.references.push(reference);
  }
  for (const from of view.list('envFrom')) {
    const f = from as unknown as YView<Loose>;
    const reference = ref('configMap', f.object('configMapRef'), 'name', 'envFrom', r, { container: name }) ?? ref('secret', f.object('secretRef'), 'name', 'envFrom', r, { container: name });
    if (reference) pod.references.push(reference);
  }
  return c;
}

