/** Reads one merged service tree into the normalised ComposeService the rules use. */
import { resolve, isAbsolute } from 'node:path';
import type { Locatable } from '../../core/types.js';
import { entry, scalarBool, scalarNumber, scalarText, type CMap, type CScalar, type CValue } from '../../parse/compose/tree.js';
import type { YNode } from '../../parse/yaml/nodes.js';
import type { Sourced } from '../container.js';
import { parsePortRange, parseShortPort } from './ports.js';
import type { ComposeBuild, ComposeDependency, ComposeEnvEntry, ComposeMount, ComposePort, ComposeReference, ComposeService } from './types.js';
import { parseShortVolumeSpec } from './volumes.js';

export interface ServiceContext {
  /** The folder relative paths written at a node resolve against. */
  baseDirOf(node: Locatable): string;
  /** The user's home folder, for `~` in bind sources (undefined: `~` paths are not resolved). */
  home?: string;
}

type Partial = Omit<ComposeService, 'container' | 'imageHealthcheck' | 'imageUser'>;

export function sourced(value: CValue | undefined): Sourced<string> | undefined {
  const text = scalarText(value);
  return text === undefined || !value ? undefined : { value: text, node: value.node };
}

function sourcedNumber(value: CValue | undefined): Sourced<number> | undefined {
  const n = scalarNumber(value);
  return n === undefined || !value ? undefined : { value: n, node: value.node };
}

const unresolvedScalar = (value: CValue | undefined): boolean => value?.kind === 'scalar' && value.unresolved === true;

export function readService(name: string, key: YNode, tree: CMap, ctx: ServiceContext): Partial {
  const get = (k: string) => entry(tree, k);
  const references: ComposeReference[] = [];
  const ref = (kind: ComposeReference['kind'], via: string, value: CValue | undefined, text?: string) => {
    const s = text !== undefined && value ? { value: text, node: value.node } : sourced(value);
    if (s && s.value !== '') references.push({ kind, via, name: s });
  };

  const service: Partial = {
    name,
    key,
    tree,
    objectRef: { kind: 'Service', name },
    imageUnresolved: unresolvedScalar(get('image')),
    dependsOn: [],
    references,
    links: [],
    ports: [],
    exposeErrors: [],
    mounts: [],
    environment: [],
    envFiles: [],
    profiles: listOfText(get('profiles')).map((s) => s.value),
    durations: [],
  };
  const image = sourced(get('image'));
  if (image) service.image = image;
  const build = readBuild(get('build'), tree.entries.get('build')?.key, ctx);
  if (build) service.build = build;
  const containerName = sourced(get('container_name'));
  if (containerName) service.containerName = containerName;
  const deploy = get('deploy');
  const replicas = scalarText(entry(deploy, 'mode')) === 'global' ? undefined : (sourcedNumber(entry(deploy, 'replicas')) ?? sourcedNumber(get('scale')));
  if (replicas) service.replicas = replicas;
  const networkMode = sourced(get('network_mode'));
  if (networkMode) {
    service.networkMode = networkMode;
    if (networkMode.value.startsWith('service:')) ref('service', 'network_mode', get('network_mode'), networkMode.value.slice(8));
  }
  for (const [k, via] of [['pid', 'pid'], ['ipc', 'ipc']] as const) {
    const v = sourced(get(k));
    if (!v) continue;
    service[k] = v;
    if (v.value.startsWith('service:')) ref('service', via, get(k), v.value.slice(8));
  }
  const userns = sourced(get('userns_mode'));
  if (userns) service.userns = userns;

  const networks = tree.entries.get('networks');
  if (networks) {
    service.networksNode = networks.key;
    for (const n of namesOf(networks.value)) ref('network', 'networks', n.value, n.name);
  }
  readDependsOn(get('depends_on'), service.dependsOn);
  for (const d of service.dependsOn) references.push({ kind: 'service', via: 'depends_on', name: d.service });
  for (const link of listOfText(get('links'))) {
    const target = link.value.split(':')[0]!;
    service.links.push({ value: target, node: link.node });
    references.push({ kind: 'service', via: 'links', name: { value: target, node: link.node } });
  }
  for (const from of listOfText(get('volumes_from'))) {
    if (from.value.startsWith('container:')) continue;
    references.push({ kind: 'service', via: 'volumes_from', name: { value: from.value.split(':')[0]!, node: from.node } });
  }
  for (const [kind, key] of [['secret', 'secrets'], ['config', 'configs']] as const) {
    const list = get(key);
    if (list?.kind !== 'seq') continue;
    for (const item of list.items) ref(kind, key, item.kind === 'map' ? entry(item, 'source') : item);
  }
  for (const m of namesOf(get('models'))) ref('model', 'models', m.value, m.name);

  const ports = get('ports');
  if (ports?.kind === 'seq') for (const item of ports.items) service.ports.push(readPort(item));
  const expose = get('expose');
  if (expose?.kind === 'seq') {
    for (const item of expose.items) {
      const text = scalarText(item);
      if (text === undefined || unresolvedScalar(item)) continue;
      const [port, protocol] = text.split('/');
      const range = parsePortRange(port!.trim());
      const error = 'error' in range ? range.error : protocol !== undefined && !['tcp', 'udp', 'sctp'].includes(protocol.toLowerCase()) ? `"${protocol}" is not a protocol (tcp, udp or sctp)` : undefined;
      if (error) service.exposeErrors.push({ node: item.node, error });
    }
  }
  const volumes = get('volumes');
  if (volumes?.kind === 'seq') {
    for (const item of volumes.items) {
      const mount = readMount(item, ctx);
      service.mounts.push(mount);
      if (mount.type === 'volume' && mount.source) references.push({ kind: 'volume', via: 'volumes', name: mount.source });
    }
  }
  for (const t of listOfText(get('tmpfs'))) {
    service.mounts.push({ node: t.node, type: 'tmpfs', target: { value: t.value.split(':')[0]!, node: t.node }, readOnly: false, long: false, unresolved: false, createHostPath: false });
  }
  readEnvironment(get('environment'), service.environment);
  readEnvFiles(get('env_file'), service, ctx);
  const healthcheck = get('healthcheck');
  if (healthcheck?.kind === 'map') {
    const test = entry(healthcheck, 'test');
    const first = test?.kind === 'seq' ? scalarText(test.items[0]) : undefined;
    service.healthcheck = { node: tree.entries.get('healthcheck')!.key, disabled: scalarBool(entry(healthcheck, 'disable')) === true || first === 'NONE', ...(test ? { test } : {}) };
    for (const f of ['interval', 'timeout', 'start_period', 'start_interval']) addDuration(service, `healthcheck.${f}`, entry(healthcheck, f));
  }
  addDuration(service, 'stop_grace_period', get('stop_grace_period'));
  for (const section of ['update_config', 'rollback_config']) {
    for (const f of ['delay', 'monitor']) addDuration(service, `deploy.${section}.${f}`, entry(entry(deploy, section), f));
  }
  const restartPolicy = entry(deploy, 'restart_policy');
  if (restartPolicy) {
    service.restartPolicy = restartPolicy.node;
    for (const f of ['delay', 'window']) addDuration(service, `deploy.restart_policy.${f}`, entry(restartPolicy, f));
  }
  const restart = sourced(get('restart'));
  if (restart) service.restart = restart;
  const ext = tree.entries.get('extends');
  if (ext) service.extendsNode = ext.key;
  return service;
}

function addDuration(service: Partial, field: string, value: CValue | undefined): void {
  if (value?.kind === 'scalar' && typeof value.value === 'string' && !value.unresolved) service.durations.push({ field, value: { value: value.value, node: value.node } });
}

/** A list of strings (or one string) with their nodes. */
export function listOfText(value: CValue | undefined): Sourced<string>[] {
  if (!value) return [];
  if (value.kind === 'seq') return value.items.map(sourced).filter((s): s is Sourced<string> => s !== undefined);
  const one = sourced(value);
  return one ? [one] : [];
}

/** Names from a list or from the keys of a mapping (`networks`, `models`). */
function namesOf(value: CValue | undefined): { name: string; value: CValue }[] {
  if (value?.kind === 'seq') return value.items.map((v) => ({ name: scalarText(v) ?? '', value: v })).filter((n) => n.name !== '');
  if (value?.kind === 'map') return [...value.entries].map(([name, e]) => ({ name, value: { kind: 'scalar', value: name, node: e.key } as CScalar }));
  return [];
}

function readDependsOn(value: CValue | undefined, out: ComposeDependency[]): void {
  if (value?.kind === 'seq') {
    for (const s of listOfText(value)) out.push({ service: s, condition: 'service_started', required: true });
  } else if (value?.kind === 'map') {
    for (const [name, e] of value.entries) {
      const condition = entry(e.value, 'condition');
      const dep: ComposeDependency = {
        service: { value: name, node: e.key },
        condition: scalarText(condition) ?? 'service_started',
        required: scalarBool(entry(e.value, 'required')) ?? true,
      };
      if (condition) dep.conditionNode = condition.node;
      out.push(dep);
    }
  }
}

function readBuild(value: CValue | undefined, key: YNode | undefined, ctx: ServiceContext): ComposeBuild | undefined {
  if (!value || (value.kind === 'scalar' && value.value === null)) return undefined;
  const context = value.kind === 'map' ? sourced(entry(value, 'context')) : sourced(value);
  const build: ComposeBuild = { node: key ?? value.node, inline: false, remote: false };
  if (context) build.context = context;
  if (value.kind === 'map') {
    const dockerfile = sourced(entry(value, 'dockerfile'));
    if (dockerfile) build.dockerfile = dockerfile;
    build.inline = entry(value, 'dockerfile_inline') !== undefined;
    const target = sourced(entry(value, 'target'));
    if (target) build.target = target;
  }
  const contextText = context?.value ?? '.';
  build.remote = /^(?:https?:\/\/|git@|git:\/\/|ssh:\/\/|github\.com\/)/.test(contextText) || /\.git(?:#.*)?$/.test(contextText);
  if (!build.remote && !(context && unresolvedScalar(entry(value, 'context') ?? value))) {
    const base = ctx.baseDirOf(context?.node ?? value.node);
    build.contextDir = resolve(base, contextText);
    if (!build.inline) {
      const dockerfile = build.dockerfile?.value ?? 'Dockerfile';
      build.dockerfilePath = isAbsolute(dockerfile) ? dockerfile : resolve(build.contextDir, dockerfile);
    }
  }
  return build;
}

function readPort(item: CValue): ComposePort {
  if (item.kind === 'map') {
    const port: ComposePort = { node: item.node, long: true, protocol: (scalarText(entry(item, 'protocol')) ?? 'tcp').toLowerCase() };
    const target = scalarText(entry(item, 'target'));
    if (target !== undefined) {
      const range = parsePortRange(target);
      if ('error' in range) port.error = `target: ${range.error}`;
      else [port.target, port.targetEnd] = range;
    } else port.error = 'no target port is given';
    const published = scalarText(entry(item, 'published'));
    if (published !== undefined && published !== '') {
      const range = parsePortRange(published);
      if ('error' in range) port.error ??= `published: ${range.error}`;
      else [port.published, port.publishedEnd] = range;
    }
    const hostIp = scalarText(entry(item, 'host_ip'));
    if (hostIp) port.hostIp = hostIp;
    return port;
  }
  const text = scalarText(item);
  const port: ComposePort = { node: item.node, long: false, protocol: 'tcp', scalar: item.node };
  if (text === undefined) {
    port.error = 'an empty port';
    return port;
  }
  const parsed = parseShortPort(text);
  // A port made of a variable without a value is reported as that variable, not as a bad port.
  if ('error' in parsed) {
    if (!unresolvedScalar(item)) port.error = parsed.error;
  }
  else {
    port.target = parsed.target;
    port.targetEnd = parsed.targetEnd;
    port.protocol = parsed.protocol;
    if (parsed.published !== undefined) port.published = parsed.published;
    if (parsed.publishedEnd !== undefined) port.publishedEnd = parsed.publishedEnd;
    if (parsed.hostIp !== undefined) port.hostIp = parsed.hostIp;
  }
  return port;
}

function readMount(item: CValue, ctx: ServiceContext): ComposeMount {
  const resolveSource = (mount: ComposeMount): void => {
    const source = mount.source?.value;
    if (mount.type !== 'bind' || source === undefined || mount.unresolved) return;
    if (source.startsWith('~')) {
      if (ctx.home && (source === '~' || source.startsWith('~/'))) mount.resolvedSource = resolve(ctx.home, source.slice(2));
      return;
    }
    if (/^\p{L}:/u.test(source) || source.startsWith('\\\\')) return; // a Windows path: not on this machine
    mount.resolvedSource = resolve(ctx.baseDirOf(mount.source!.node), source);
  };
  if (item.kind === 'map') {
    const type = scalarText(entry(item, 'type')) ?? 'volume';
    const mount: ComposeMount = {
      node: item.node,
      type,
      readOnly: scalarBool(entry(item, 'read_only')) === true,
      long: true,
      unresolved: unresolvedScalar(entry(item, 'source')),
      createHostPath: scalarBool(entry(entry(item, 'bind'), 'create_host_path')) === true,
    };
    const source = sourced(entry(item, 'source'));
    if (source) mount.source = source;
    const target = sourced(entry(item, 'target'));
    if (target) mount.target = target;
    resolveSource(mount);
    return mount;
  }
  const text = scalarText(item) ?? '';
  const parsed = parseShortVolumeSpec(text);
  const mount: ComposeMount = { node: item.node, type: 'volume', readOnly: false, long: false, unresolved: unresolvedScalar(item), createHostPath: true };
  if ('error' in parsed) {
    mount.error = parsed.error;
    return mount;
  }
  mount.type = parsed.type;
  mount.readOnly = parsed.readOnly;
  mount.target = { value: parsed.target, node: item.node };
  if (parsed.source !== undefined) mount.source = { value: parsed.source, node: item.node };
  resolveSource(mount);
  return mount;
}

function readEnvironment(value: CValue | undefined, out: ComposeEnvEntry[]): void {
  if (value?.kind === 'map') {
    for (const [name, e] of value.entries) {
      const v = e.value;
      const text = scalarText(v);
      out.push({ name: { value: name, node: e.key }, ...(text !== undefined ? { value: { value: text, node: v.node } } : {}), node: e.key, fromList: false });
    }
  } else if (value?.kind === 'seq') {
    for (const item of value.items) {
      const text = scalarText(item);
      if (text === undefined) continue;
      const eq = text.indexOf('=');
      const name = eq < 0 ? text : text.slice(0, eq);
      out.push({ name: { value: name, node: item.node }, ...(eq >= 0 ? { value: { value: text.slice(eq + 1), node: item.node } } : {}), node: item.node, fromList: true });
    }
  }
}

function readEnvFiles(value: CValue | undefined, service: Partial, ctx: ServiceContext): void {
  const items = value?.kind === 'seq' ? value.items : value ? [value] : [];
  for (const item of items) {
    const path = item.kind === 'map' ? sourced(entry(item, 'path')) : sourced(item);
    if (!path || unresolvedScalar(item.kind === 'map' ? entry(item, 'path') : item)) continue;
    const required = item.kind === 'map' ? (scalarBool(entry(item, 'required')) ?? true) : true;
    service.envFiles.push({ path, required, resolved: resolve(ctx.baseDirOf(path.node), path.value) });
  }
}
