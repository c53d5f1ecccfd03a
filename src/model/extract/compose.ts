/**
 * One ContainerSpec per compose service, so the shared container rules (run-as-root,
 * latest-tag, missing-healthcheck, resource limits, privileges, …) apply to compose too.
 */
import { entry, scalarBool, scalarText, type CValue } from '../../parse/compose/tree.js';
import { listOfText, sourced } from '../compose/service.js';
import type { ComposeService } from '../compose/types.js';
import { emptyContainer, type ContainerSpec, type Sourced } from '../container.js';
import { parseImageReference } from '../image.js';

export function composeContainer(service: Omit<ComposeService, 'container'>): ContainerSpec {
  const tree = service.tree;
  const get = (k: string) => entry(tree, k);
  const c = emptyContainer({ format: 'compose', role: 'service', name: service.name, object: service.objectRef }, service.key);
  if (service.image) {
    const ref = parseImageReference(service.image.value);
    if (service.imageUnresolved) ref.dynamic = true;
    c.image = { value: ref, node: service.image.node };
  }
  const user = sourced(get('user'));
  if (user) c.security.user = user;
  // Without `user:` the container runs as the USER of the Dockerfile the service builds.
  else if (service.imageUser !== undefined) c.security.user = { value: service.imageUser, node: service.build?.node ?? service.key };
  const command = commandOf(get('command'));
  if (command) c.command = command;
  const entrypoint = commandOf(get('entrypoint'));
  if (entrypoint) c.entrypoint = entrypoint;

  for (const e of service.environment) {
    c.env.push({ name: e.name, ...(e.value ? { value: e.value } : {}) });
  }
  for (const p of service.ports) {
    if (p.error) continue;
    c.ports.push({
      ...(p.target !== undefined ? { containerPort: p.target } : {}),
      ...(p.targetEnd !== undefined && p.targetEnd !== p.target ? { containerPortEnd: p.targetEnd } : {}),
      ...(p.published !== undefined ? { hostPort: p.published } : {}),
      ...(p.hostIp !== undefined ? { hostIp: p.hostIp } : {}),
      protocol: p.protocol,
      node: p.node,
    });
  }
  for (const m of service.mounts) {
    if (m.error) continue;
    c.mounts.push({
      type: m.type,
      ...(m.source ? { source: m.source } : {}),
      ...(m.target ? { target: m.target } : {}),
      readOnly: m.readOnly,
      node: m.node,
    });
  }
  if (service.healthcheck) {
    c.healthcheck = { node: service.healthcheck.node, handler: 'CMD', disabled: service.healthcheck.disabled };
  } else if (service.imageHealthcheck === 'defined' || service.imageHealthcheck === 'disabled') {
    // The service builds an image whose Dockerfile decides (HEALTHCHECK CMD … or NONE).
    c.healthcheck = { node: service.build?.node ?? service.key, handler: 'CMD', disabled: service.imageHealthcheck === 'disabled' };
  }

  readResources(service, c);
  const security = c.security;
  const privileged = bool(get('privileged'));
  if (privileged) security.privileged = privileged;
  const readOnly = bool(get('read_only'));
  if (readOnly) security.readOnlyRootFilesystem = readOnly;
  security.capabilitiesAdd.push(...listOfText(get('cap_add')));
  security.capabilitiesDrop.push(...listOfText(get('cap_drop')));
  for (const opt of listOfText(get('security_opt'))) {
    const [name, value] = splitOption(opt.value);
    if (name === 'no-new-privileges') security.allowPrivilegeEscalation = { value: value === 'false', node: opt.node };
    else if (name === 'seccomp' && value !== undefined) security.seccompProfile = { value, node: opt.node };
  }
  const pullPolicy = sourced(get('pull_policy'));
  if (pullPolicy) c.imagePullPolicy = pullPolicy;
  return c;
}

/** `no-new-privileges`, `no-new-privileges:true`, `seccomp=unconfined`, `seccomp:profile.json`. */
function splitOption(text: string): [string, string | undefined] {
  const m = /^([^:=]+)[:=](.*)$/.exec(text.trim());
  return m ? [m[1]!, m[2]!] : [text.trim(), undefined];
}

function bool(value: CValue | undefined): Sourced<boolean> | undefined {
  const b = scalarBool(value);
  return b === undefined || !value ? undefined : { value: b, node: value.node };
}

function commandOf(value: CValue | undefined): Sourced<string[]> | undefined {
  if (!value) return undefined;
  if (value.kind === 'seq') return { value: value.items.map((v) => scalarText(v) ?? ''), node: value.node };
  const text = scalarText(value);
  return text === undefined ? undefined : { value: ['/bin/sh', '-c', text], node: value.node };
}

/** deploy.resources limits/reservations, with mem_limit, cpus and mem_reservation as the older spellings. */
function readResources(service: Omit<ComposeService, 'container'>, c: ContainerSpec): void {
  const tree = service.tree;
  const resources = entry(entry(tree, 'deploy'), 'resources');
  const limits = entry(resources, 'limits');
  const reservations = entry(resources, 'reservations');
  const pick = (...values: (CValue | undefined)[]) => {
    for (const v of values) {
      const s = sourced(v);
      if (s) return s;
    }
    return undefined;
  };
  const cpuLimit = pick(entry(limits, 'cpus'), entry(tree, 'cpus'));
  const memLimit = pick(entry(limits, 'memory'), entry(tree, 'mem_limit'));
  const cpuRequest = pick(entry(reservations, 'cpus'));
  const memRequest = pick(entry(reservations, 'memory'), entry(tree, 'mem_reservation'));
  if (cpuLimit) c.resources.limits.cpu = cpuLimit;
  if (memLimit) c.resources.limits.memory = memLimit;
  if (cpuRequest) c.resources.requests.cpu = cpuRequest;
  if (memRequest) c.resources.requests.memory = memRequest;
  const node = resources ? resources.node : (entry(tree, 'mem_limit') ?? entry(tree, 'cpus'))?.node;
  if (node) c.resources.node = node;
}
