/**
 * Compose adapter: loads the project the linted file belongs to (its override files,
 * `extends` and `include` files, `.env`), builds the model, and walks it:
 *   YamlDocument (the file's own documents) → ComposeFile (each file as written, once per
 *   run) → ComposeProject → ComposeService + Container for every service of the merged project.
 * A finding about a value lands in the file that wrote it (override, extends or include file).
 */
import { dirname, join, resolve } from 'node:path';
import { registerCollector, type LintEnvironment } from '../core/environment.js';
import type { AdapterContext } from '../core/lint.js';
import type { ParsedFile, RelatedSource } from '../core/parsed-file.js';
import { SourceText } from '../core/source.js';
import type { ObjectRef, Span } from '../core/types.js';
import { buildComposeProject, type DockerfileFacts } from '../model/compose/project.js';
import type { ComposeFileView, ComposeProject, ComposeService } from '../model/compose/types.js';
import type { ContainerSpec } from '../model/container.js';
import { isRemote, loadComposeProject, parseComposeText, type ParsedComposeFile } from '../parse/compose/load.js';
import { planLayers } from './compose-files.js';
import { nextContentLine, yamlNodeOf } from './yaml-common.js';
import { deref, get, spanAt, type PathSegment } from '../parse/yaml/nodes.js';

declare module '../core/listeners.js' {
  interface CoreListeners {
    /** Each compose file as written (its own tree, `version`, variables), once per run. */
    ComposeFile?: (file: ComposeFileView) => void;
    /** The merged project, once. */
    ComposeProject?: (project: ComposeProject) => void;
    /** Every service of the merged project. */
    ComposeService?: (service: ComposeService) => void;
  }
}

declare module '../core/environment.js' {
  interface ProjectFacts {
    compose?: ComposeRunFacts;
  }
}

/** What the compose adapter shares across the files of one run. */
export interface ComposeRunFacts {
  /** Absolute paths of the compose files being linted. */
  linted: Set<string>;
  /** Display paths of the same files. */
  lintedDisplay: Set<string>;
  parsed: Map<string, ParsedComposeFile>;
  dockerfiles: Map<string, DockerfileFacts>;
  /** Linted files that another linted file includes: that project reports on them. */
  includedElsewhere: Set<string>;
}

registerCollector((files, env) => {
  const facts = emptyFacts();
  for (const f of files) {
    if (f.format !== 'compose') continue;
    if (f.absolute) facts.linted.add(f.absolute);
    facts.lintedDisplay.add(f.display);
  }
  const includes = new Map<string, string[]>();
  for (const f of files) {
    if (f.format !== 'compose' || !f.absolute) continue;
    const parsed = parseComposeText(new SourceText(f.display, f.text), f.absolute);
    facts.parsed.set(f.absolute, parsed);
    const targets = includedPaths(parsed).map((p) => resolve(dirname(f.absolute!), p)).filter((t) => t !== f.absolute && facts.linted.has(t));
    includes.set(f.absolute, targets);
  }
  // Files reached by include from a file nobody includes are reported through that file (include cycles have no such root).
  const included = new Set([...includes.values()].flat());
  const queue = [...includes.keys()].filter((f) => !included.has(f));
  while (queue.length > 0) {
    for (const target of includes.get(queue.pop()!) ?? []) {
      if (facts.includedElsewhere.has(target)) continue;
      facts.includedElsewhere.add(target);
      queue.push(target);
    }
  }
  env.project.compose = facts;
});

function emptyFacts(): ComposeRunFacts {
  return { linted: new Set(), lintedDisplay: new Set(), parsed: new Map(), dockerfiles: new Map(), includedElsewhere: new Set() };
}

/** The local paths a file's top-level `include:` names, as written. */
function includedPaths(parsed: ParsedComposeFile): string[] {
  const out: string[] = [];
  for (const doc of parsed.documents) {
    const include = get(doc.root, 'include');
    const items = include?.kind === 'seq' ? include.items : [];
    for (const item of items) {
      const node = deref(item);
      const path = node?.kind === 'map' ? get(node, 'path') : node;
      const list = path?.kind === 'seq' ? path.items.map(deref) : [path];
      for (const p of list) if (p?.kind === 'scalar' && typeof p.value === 'string' && !isRemote(p.value)) out.push(p.value);
    }
  }
  return out;
}

function runFacts(env: LintEnvironment, source: SourceText, absolute: string | undefined): ComposeRunFacts {
  if (!env.project.compose) {
    const facts = emptyFacts();
    if (absolute) facts.linted.add(absolute);
    facts.lintedDisplay.add(source.path);
    env.project.compose = facts;
  }
  return env.project.compose;
}

export interface ComposeParsedFile extends ParsedFile {
  project?: ComposeProject;
}

export function parseComposeFile(source: SourceText, context: AdapterContext): ComposeParsedFile {
  const env = context.env;
  const facts = runFacts(env, source, context.absolutePath);
  const absolute = context.absolutePath ?? join(process.cwd(), source.path);
  const plan = planLayers(absolute, env.host, facts.linted);
  if (facts.includedElsewhere.has(absolute)) plan.secondary = true;
  const load = (layers: readonly string[]) =>
    loadComposeProject({
      source,
      ...(context.absolutePath ? { absolutePath: context.absolutePath } : {}),
      layers,
      host: env.host,
      cache: facts.parsed,
      ...(env.compose?.envFiles ? { envFiles: env.compose.envFiles } : {}),
      ...(env.compose?.processEnv ? { processEnv: env.compose.processEnv } : {}),
    });
  const projectContext = { host: env.host, linted: facts.lintedDisplay, dockerfiles: facts.dockerfiles };
  let loaded = load(plan.secondary ? [absolute] : plan.layers);
  let project = buildComposeProject(loaded, projectContext);
  if (plan.variantOf && !plan.secondary && incomplete(project)) {
    loaded = load([plan.variantOf, absolute]);
    project = buildComposeProject(loaded, projectContext);
  }
  const own = loaded.files.find((f) => f.parsed.source.path === source.path)?.parsed ?? parseComposeText(source, absolute);
  const ownView = project.files.find((f) => f.source.path === source.path);
  const related = new Map<string, RelatedSource>();
  for (const f of loaded.files) {
    const s = f.parsed.source;
    if (s.path === source.path) continue;
    related.set(s.path, { source: s, comments: f.parsed.comments, nextLineTarget: (c) => nextContentLine(s, c) });
  }
  const primary = !plan.secondary;
  const containers: ContainerSpec[] = primary ? project.services.map((s) => s.container) : [];
  const ownServices = project.services.filter((s) => s.key.file?.path === source.path || !s.key.file);
  return {
    source,
    format: 'compose',
    documents: own.documents.length,
    containers,
    comments: own.comments,
    ...(primary ? { project } : {}),
    relatedSources: related,
    walk(emit) {
      for (const doc of own.documents) emit('YamlDocument', doc);
      if (ownView) emit('ComposeFile', ownView);
      if (!primary) return;
      for (const view of project.files) if (view !== ownView && !view.linted) emit('ComposeFile', view);
      emit('ComposeProject', project);
      for (const service of project.services) {
        emit('ComposeService', service);
        emit('Container', service.container);
      }
    },
    nextLineTarget: (comment) => nextContentLine(source, comment),
    locate: (node, path) => {
      const root = yamlNodeOf(node);
      return root ? spanAt(root, path as readonly PathSegment[]) : node.span;
    },
    objectAt: (span) => serviceAt(ownServices, span),
    contextOf: (span) => serviceAt(ownServices, span)?.name ?? 'file',
  };
}

/** On its own the file cannot be a project: a service without image or build, or a reference to something it does not define. */
function incomplete(project: ComposeProject): boolean {
  for (const s of project.services) {
    if (!s.image && !s.build) return true;
    for (const r of s.references) {
      if (r.kind === 'service' && !project.servicesByName.has(r.name.value)) return true;
      if (r.kind === 'network' && r.name.value !== 'default' && !project.networks.has(r.name.value)) return true;
      if (r.kind === 'volume' && !project.volumes.has(r.name.value)) return true;
      if (r.kind === 'secret' && !project.secrets.has(r.name.value)) return true;
      if (r.kind === 'config' && !project.configs.has(r.name.value)) return true;
    }
  }
  return false;
}

function serviceAt(services: readonly ComposeService[], span: Span): ObjectRef | undefined {
  for (const s of services) {
    const node = s.tree.node;
    const start = s.key.span.start;
    const end = Math.max(node.span.end, s.key.span.end);
    if (span.start >= start && span.start <= end) return s.objectRef;
  }
  return undefined;
}

