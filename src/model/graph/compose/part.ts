/**
 * The compose part of the graph: each project (base file, overrides, extends and include
 * merged — the compose model's own view) as small records: services with their networks
 * (a service on none joins `default`), depends_on conditions, published ports, replicas,
 * container names, named volumes, secrets, configs and what they build.
 */
import { basename } from 'node:path';
import type { SourceText } from '../../../core/source.js';
import type { Locatable } from '../../../core/types.js';
import type { ComposeParsedFile } from '../../../formats/compose.js';
import { entry, scalarText } from '../../../parse/compose/tree.js';
import type { ComposeProject, ComposeService } from '../../compose/types.js';
import type { GraphPart } from '../parts.js';
import type { SourceLocation } from '../types.js';
import { describeCompose } from './describe.js';
import { simulateCompose } from './simulate.js';

export interface ComposeServiceRecord {
  name: string;
  at: SourceLocation;
  image?: string;
  build?: { dockerfilePath?: string; target?: string; at: SourceLocation };
  user?: string;
  containerName?: string;
  replicas: number;
  networkMode?: string;
  /** Networks it joins; `default` when it names none (and has no network_mode). */
  networks: string[];
  networksAt?: SourceLocation;
  dependsOn: { service: string; condition: string; required: boolean; at: SourceLocation }[];
  links: { service: string; at: SourceLocation }[];
  ports: { published?: number; publishedEnd?: number; target?: number; protocol: string; hostIp?: string; at: SourceLocation }[];
  /** Named volumes it mounts, with the mount target. */
  volumes: { name: string; target?: string }[];
  secrets: string[];
  configs: string[];
  healthcheck: 'defined' | 'disabled' | 'none';
  /** Declares `expose:` entries. */
  exposes: boolean;
  profiles: string[];
}

export interface ComposeProjectRecord {
  /** `name:` or the project folder's name, as Compose derives it. */
  name: string;
  projectDir: string;
  /** The project folder as displayed (relative to the working directory): stable node ids. */
  id: string;
  /** Display paths of the files merged into the project. */
  files: string[];
  services: ComposeServiceRecord[];
  networks: Map<string, { external: boolean }>;
  volumes: Map<string, { external: boolean }>;
  secrets: string[];
  configs: string[];
}

declare module '../types.js' {
  interface ProjectGraph {
    compose: ComposeProjectRecord[];
  }
}

/** Compose's project name: lower-case letters, digits, dashes and underscores. */
function projectName(project: ComposeProject): string {
  const written = scalarText(entry(project.tree, 'name'));
  const raw = written ?? basename(project.projectDir);
  return raw.toLowerCase().replace(/[^a-z0-9_-]/g, '') || 'default';
}

export function composeRecord(project: ComposeProject, own: SourceText): ComposeProjectRecord {
  const at = (node: Locatable): SourceLocation => ({ span: { start: node.span.start, end: node.span.end }, file: node.file ?? own });
  const services = project.services.map((s) => serviceRecord(s, at));
  return {
    name: projectName(project),
    projectDir: project.projectDir,
    id: displayDir(own.path),
    files: project.files.map((f) => f.source.path),
    services,
    networks: new Map([...project.networks].map(([name, r]) => [name, { external: r.external }])),
    volumes: new Map([...project.volumes].map(([name, r]) => [name, { external: r.external }])),
    secrets: [...project.secrets.keys()],
    configs: [...project.configs.keys()],
  };
}

function displayDir(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '.' : path.slice(0, slash);
}

function serviceRecord(s: ComposeService, at: (node: Locatable) => SourceLocation): ComposeServiceRecord {
  const withObject = (node: Locatable) => ({ ...at(node), object: s.objectRef });
  const networkRefs = s.references.filter((r) => r.kind === 'network' && r.via === 'networks');
  const record: ComposeServiceRecord = {
    name: s.name,
    at: withObject(s.key),
    replicas: s.replicas?.value ?? 1,
    networks: s.networkMode ? [] : networkRefs.length > 0 ? networkRefs.map((r) => r.name.value) : ['default'],
    dependsOn: s.dependsOn.map((d) => ({ service: d.service.value, condition: d.condition, required: d.required, at: withObject(d.service.node) })),
    links: s.links.map((l) => ({ service: l.value.split(':')[0]!, at: withObject(l.node) })),
    ports: s.ports.filter((p) => !p.error).map((p) => ({
      protocol: p.protocol,
      at: withObject(p.node),
      ...(p.published !== undefined ? { published: p.published } : {}),
      ...(p.publishedEnd !== undefined ? { publishedEnd: p.publishedEnd } : {}),
      ...(p.target !== undefined ? { target: p.target } : {}),
      ...(p.hostIp !== undefined ? { hostIp: p.hostIp } : {}),
    })),
    volumes: s.mounts.filter((m) => m.type === 'volume' && m.source).map((m) => ({ name: m.source!.value, ...(m.target ? { target: m.target.value } : {}) })),
    secrets: s.references.filter((r) => r.kind === 'secret').map((r) => r.name.value),
    configs: s.references.filter((r) => r.kind === 'config').map((r) => r.name.value),
    healthcheck: s.container.healthcheck ? (s.container.healthcheck.disabled ? 'disabled' : 'defined') : 'none',
    exposes: entry(s.tree, 'expose') !== undefined,
    profiles: s.profiles,
  };
  if (s.image) record.image = s.image.value;
  if (s.build) {
    record.build = { at: withObject(s.build.node) };
    if (s.build.dockerfilePath && !s.build.remote && !s.build.inline) record.build.dockerfilePath = s.build.dockerfilePath;
    if (s.build.target) record.build.target = s.build.target.value;
  }
  if (s.container.security.user) record.user = s.container.security.user.value;
  if (s.containerName) record.containerName = s.containerName.value;
  if (s.networkMode) record.networkMode = s.networkMode.value;
  if (s.networksNode) record.networksAt = withObject(s.networksNode);
  return record;
}

export const composeGraphPart: GraphPart<ComposeProjectRecord> = {
  name: 'compose',
  extract({ parsed }) {
    const project = (parsed as ComposeParsedFile).project;
    if (parsed.format !== 'compose' || !project) return undefined;
    return composeRecord(project, parsed.source);
  },
  build(graph, records) {
    // The same project is loaded by each of its files that is linted (a base and its override).
    const seen = new Set<string>();
    graph.compose = records.filter((r) => {
      const key = `${r.projectDir}\u0000${r.files.join('\u0000')}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  },
  describe(graph, out) {
    describeCompose(graph.compose, out);
  },
  simulate(graph, out) {
    simulateCompose(graph.compose, out);
  },
};
