/** Builds the ComposeProject the rules read from a loaded (merged) project. */
import { resolve } from 'node:path';
import type { FileHost } from '../../core/environment.js';
import type { LoadedFile, LoadedProject } from '../../parse/compose/load.js';
import { validateComposeTree, type SchemaProblem } from '../../parse/compose/schema.js';
import { entry, scalarBool, type CMap } from '../../parse/compose/tree.js';
import { parseDockerfile } from '../../parse/dockerfile/parser.js';
import type { HealthcheckInstruction, UserInstruction } from '../../parse/dockerfile/ast.js';
import { deref, type YMap } from '../../parse/yaml/nodes.js';
import { stageChain } from '../extract/dockerfile.js';
import { composeContainer } from '../extract/compose.js';
import { readService, sourced, type ServiceContext } from './service.js';
import type { ComposeBuild, ComposeFileView, ComposeProject, ComposeResource, ComposeService, ImageHealthcheck } from './types.js';

export interface ProjectContext {
  host: FileHost;
  /** Display paths of the files being linted. */
  linted: ReadonlySet<string>;
  home?: string;
  /** Dockerfile path → what it says about health checks, shared across a run. */
  dockerfiles?: Map<string, DockerfileFacts>;
}

/** What a Dockerfile's target stage ('' = the last stage) says: its HEALTHCHECK and its USER. */
export interface StageFacts {
  health: ImageHealthcheck;
  user?: string;
}
export type DockerfileFacts = { unreadable: true } | { unreadable: false; byStage: Map<string, StageFacts> };

export function buildComposeProject(loaded: LoadedProject, ctx: ProjectContext): ComposeProject {
  const tree = loaded.tree;
  const serviceContext: ServiceContext = { baseDirOf: loaded.baseDirOf, ...(ctx.home ? { home: ctx.home } : {}) };
  const services: ComposeService[] = [];
  const servicesMap = entry(tree, 'services');
  if (servicesMap?.kind === 'map') {
    for (const [name, e] of servicesMap.entries) {
      if (e.value.kind !== 'map') continue;
      const partial = readService(name, e.key, e.value, serviceContext);
      checkPaths(partial, ctx.host);
      const stage = builtStage(partial.build, ctx);
      const withHealth = { ...partial, imageHealthcheck: stage?.health ?? 'unknown', ...(stage?.user !== undefined ? { imageUser: stage.user } : {}) };
      services.push({ ...withHealth, container: composeContainer(withHealth) });
    }
  }
  const project: ComposeProject = {
    projectDir: loaded.projectDir,
    files: loaded.files.map((f): ComposeFileView => {
      const roots = f.parsed.documents.map((d) => d.root).filter((r): r is NonNullable<typeof r> => r !== null);
      let problems: SchemaProblem[] | undefined;
      const view: ComposeFileView = {
        source: f.parsed.source,
        role: f.role,
        roots,
        variables: f.variables,
        linted: ctx.linted.has(f.parsed.source.path),
        schemaProblems: () => (problems ??= fileSchemaProblems(f)),
      };
      if (f.tree) view.tree = f.tree;
      if (f.notMapping) view.notMapping = f.notMapping;
      const first = deref(roots[0]);
      const version = first?.kind === 'map' ? (first as YMap).pairs.find((p) => p.keyText === 'version' && !p.merge) : undefined;
      if (version) view.version = version;
      return view;
    }),
    services,
    servicesByName: new Map(services.map((s) => [s.name, s])),
    networks: resources(tree, 'networks', loaded, ctx.host),
    volumes: resources(tree, 'volumes', loaded, ctx.host),
    secrets: resources(tree, 'secrets', loaded, ctx.host),
    configs: resources(tree, 'configs', loaded, ctx.host),
    models: resources(tree, 'models', loaded, ctx.host),
    problems: loaded.problems,
    redefinitions: loaded.redefinitions,
    tree,
  };
  return project;
}

function fileSchemaProblems(file: LoadedFile): SchemaProblem[] {
  // A file that is not valid YAML is reported by yaml-syntax; Compose never gets to its schema.
  if (file.parsed.documents.some((d) => d.errors.length > 0)) return [];
  if (file.tree) return validateComposeTree(file.tree);
  if (file.notMapping) return [{ node: file.notMapping, message: `The file must be a mapping (services:, networks:, …), not ${file.notMapping.kind === 'seq' ? 'a list' : 'a single value'}` }];
  const at = file.parsed.documents[0]?.span ?? { start: 0, end: 0 };
  return [{ node: { span: { start: at.start, end: at.start }, file: file.parsed.source }, message: 'The file is empty: Compose needs at least "services:" or "include:"' }];
}

/** The model does the file-system look-ups rules need (rules do no I/O). */
function checkPaths(service: ReturnType<typeof readService>, host: FileHost): void {
  for (const f of service.envFiles) f.exists = host.exists(f.resolved);
  for (const m of service.mounts) if (m.resolvedSource && m.source?.value.startsWith('.')) m.sourceExists = host.exists(m.resolvedSource);
  const build = service.build;
  if (build?.contextDir) {
    build.contextExists = host.exists(build.contextDir);
    if (build.dockerfilePath && build.contextExists) build.dockerfileExists = host.exists(build.dockerfilePath);
  }
}

function resources(tree: CMap, kind: string, loaded: LoadedProject, host: FileHost): Map<string, ComposeResource> {
  const out = new Map<string, ComposeResource>();
  const map = entry(tree, kind);
  if (map?.kind !== 'map') return out;
  for (const [name, e] of map.entries) {
    const external = scalarBool(entry(e.value, 'external')) === true || entry(entry(e.value, 'external'), 'name') !== undefined;
    const resource: ComposeResource = { name, key: e.key, external };
    const file = sourced(entry(e.value, 'file'));
    if (file) {
      resource.file = file;
      resource.resolvedFile = resolve(loaded.baseDirOf(file.node), file.value);
      resource.fileExists = host.exists(resource.resolvedFile);
    }
    out.set(name, resource);
  }
  return out;
}

/** Reads the Dockerfile a service builds (once per run): HEALTHCHECK and USER of its target stage. */
function builtStage(build: ComposeBuild | undefined, ctx: ProjectContext): StageFacts | undefined {
  if (!build || build.remote || build.inline || !build.dockerfilePath) return undefined;
  const cache = ctx.dockerfiles ?? new Map<string, DockerfileFacts>();
  let facts = cache.get(build.dockerfilePath);
  if (!facts) {
    const text = ctx.host.readFile(build.dockerfilePath);
    facts = text === undefined ? { unreadable: true } : { unreadable: false, byStage: factsByStage(text) };
    cache.set(build.dockerfilePath, facts);
  }
  if (facts.unreadable) return undefined;
  return facts.byStage.get(build.target?.value ?? '');
}

function factsByStage(text: string): Map<string, StageFacts> {
  const out = new Map<string, StageFacts>();
  let dockerfile;
  try {
    dockerfile = parseDockerfile(text);
  } catch {
    return out;
  }
  dockerfile.stages.forEach((stage, i) => {
    const chain = stageChain(stage, dockerfile);
    let found: HealthcheckInstruction | undefined;
    let user: UserInstruction | undefined;
    for (let k = chain.length - 1; k >= 0; k--) {
      const ins = chain[k]!;
      if (!found && ins.keyword === 'HEALTHCHECK') found = ins as HealthcheckInstruction;
      if (!user && ins.keyword === 'USER') user = ins as UserInstruction;
    }
    // A base image could bring a HEALTHCHECK, but official images do not: a Dockerfile without one is taken as having none.
    const value: StageFacts = { health: found ? (found.none ? 'disabled' : 'defined') : 'absent' };
    const userText = user?.userExpanded ?? user?.user?.value;
    if (userText !== undefined) value.user = userText;
    if (stage.name) out.set(stage.name, value);
    if (i === dockerfile.stages.length - 1) out.set('', value);
  });
  return out;
}
