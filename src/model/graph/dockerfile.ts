/**
 * The Dockerfile part of the graph: each Dockerfile's stages, what each is built FROM, what
 * it copies from (COPY --from, RUN --mount from=), and the effective image of each stage —
 * USER, EXPOSE, HEALTHCHECK, ENTRYPOINT and CMD inherited through FROM <stage>.
 */
import type { SourceText } from '../../core/source.js';
import type { Dockerfile, CopyInstruction, RunInstruction, Stage } from '../../parse/dockerfile/ast.js';
import type { ContainerSpec } from '../container.js';
import { resolveFrom, stageLineage } from '../dockerfile-query.js';
import type { DescriptionBuilder, GraphPart } from './parts.js';
import { location, type GraphFile, type ProjectGraph, type SourceLocation } from './types.js';

/** What a stage is built on, or copies from. */
export type StageSource =
  | { kind: 'stage'; index: number }
  | { kind: 'image'; image: string }
  | { kind: 'scratch' }
  /** A variable that cannot be resolved here, or a name that is neither a stage nor an image. */
  | { kind: 'dynamic' | 'unknown'; text: string };

export interface StageUse {
  source: StageSource;
  via: 'copy' | 'mount';
  at: SourceLocation;
}

/** The image a stage produces, as far as the Dockerfile says (its base image may add more). */
export interface EffectiveImage {
  user?: { value: string; at: SourceLocation };
  exposes: { port?: number; endPort?: number; protocol: string; at: SourceLocation }[];
  healthcheck?: { disabled: boolean; at: SourceLocation };
  entrypoint?: { value: string[]; at: SourceLocation };
  cmd?: { value: string[]; at: SourceLocation };
  /** The image at the root of the FROM chain; undefined when that is scratch or not known. */
  baseImage?: string;
  /** The root of the chain is `scratch`. */
  fromScratch: boolean;
}

export interface BuildStage {
  index: number;
  /** Lower-cased, as BuildKit compares them. */
  name?: string;
  /** The FROM instruction. */
  from: SourceLocation;
  /** Where findings about the stage go: its name after AS, else the FROM instruction. */
  anchor: SourceLocation;
  base: StageSource;
  uses: StageUse[];
  image: EffectiveImage;
}

export interface DockerfileModel {
  file: GraphFile;
  stages: BuildStage[];
  /** The file is one of the linted files (else it was read because something builds it). */
  linted: boolean;
  /** Stages other files build (a compose `build.target`), lower-cased; the last stage is always built. */
  builtTargets: Set<string>;
}

export interface DockerfileGraph {
  models: DockerfileModel[];
  /** By absolute path (linted and read ones). */
  byAbsolute: Map<string, DockerfileModel>;
}

declare module './types.js' {
  interface ProjectGraph {
    dockerfiles: DockerfileGraph;
  }
}

/** An image `docker build` would produce. */
export interface SimulatedImage {
  dockerfile: string;
  /** The stage built: its name, or its index for an unnamed last stage. */
  target: string;
  /** The image at the root of the FROM chain (`scratch` included). */
  base?: string;
  /** The user it runs as; undefined: whatever the base image sets (root unless it says otherwise). */
  user?: string;
  expose: string[];
  healthcheck: 'defined' | 'disabled' | 'none';
  entrypoint?: string[];
  cmd?: string[];
  /** Stages BuildKit would build for this target, in order. */
  stages: string[];
}

declare module './simulate.js' {
  interface Simulation {
    images?: SimulatedImage[];
  }
}

/** Reads a parsed Dockerfile into the graph's model. */
export function dockerfileModel(dockerfile: Dockerfile, containers: readonly ContainerSpec[], file: GraphFile, linted: boolean): DockerfileModel {
  const source = file.source;
  const stages = dockerfile.stages.map((stage) => buildStage(stage, dockerfile, containers[stage.index], source));
  return { file, stages, linted, builtTargets: new Set() };
}

function buildStage(stage: Stage, dockerfile: Dockerfile, container: ContainerSpec | undefined, source: SourceText): BuildStage {
  const at = (node: { span: { start: number; end: number } }) => location(source, node);
  const out: BuildStage = {
    index: stage.index,
    from: at(stage.from),
    anchor: at(stage.from.stageName ?? stage.from),
    base: baseOf(stage),
    uses: usesOf(stage, dockerfile, source),
    image: effectiveImage(stage, dockerfile, container, source),
  };
  if (stage.name) out.name = stage.name;
  return out;
}

function baseOf(stage: Stage): StageSource {
  if (stage.baseStage !== undefined) return { kind: 'stage', index: stage.baseStage };
  const image = (stage.from.imageExpanded ?? stage.from.image?.value ?? '').trim();
  if (image.toLowerCase() === 'scratch') return { kind: 'scratch' };
  if (image === '' || /\$\{?[A-Za-z_]/.test(image)) return { kind: 'dynamic', text: image };
  return { kind: 'image', image };
}

function sourceOf(value: string, dockerfile: Dockerfile): StageSource {
  const target = resolveFrom(value, dockerfile);
  if (target.kind === 'stage') return { kind: 'stage', index: target.stage.index };
  if (target.kind === 'image') return { kind: 'image', image: value.trim() };
  return { kind: target.kind === 'dynamic' ? 'dynamic' : 'unknown', text: value };
}

function usesOf(stage: Stage, dockerfile: Dockerfile, source: SourceText): StageUse[] {
  const uses: StageUse[] = [];
  for (const ins of stage.instructions) {
    if (ins.keyword === 'COPY' || ins.keyword === 'ADD') {
      const from = (ins as CopyInstruction).from?.value;
      if (from && from.value.trim() !== '') uses.push({ source: sourceOf(from.value, dockerfile), via: 'copy', at: location(source, from) });
    } else if (ins.keyword === 'RUN') {
      for (const mount of (ins as RunInstruction).mounts) {
        const from = mount.options.from;
        if (from) uses.push({ source: sourceOf(from, dockerfile), via: 'mount', at: location(source, mount) });
      }
    }
  }
  return uses;
}

function effectiveImage(stage: Stage, dockerfile: Dockerfile, c: ContainerSpec | undefined, source: SourceText): EffectiveImage {
  const at = (node: { span: { start: number; end: number } }) => location(source, node);
  const root = stageLineage(stage, dockerfile)[0]!;
  const rootImage = (root.from.imageExpanded ?? root.from.image?.value ?? '').trim();
  const fromScratch = root.baseStage === undefined && rootImage.toLowerCase() === 'scratch';
  const image: EffectiveImage = { exposes: [], fromScratch };
  if (!fromScratch && rootImage !== '' && root.baseStage === undefined) image.baseImage = rootImage;
  if (!c) return image;
  if (c.security.user) image.user = { value: c.security.user.value, at: at(c.security.user.node) };
  for (const p of c.ports) {
    const port: EffectiveImage['exposes'][number] = { protocol: p.protocol, at: at(p.node) };
    if (p.containerPort !== undefined) port.port = p.containerPort;
    if (p.containerPortEnd !== undefined) port.endPort = p.containerPortEnd;
    image.exposes.push(port);
  }
  if (c.healthcheck) image.healthcheck = { disabled: c.healthcheck.disabled === true, at: at(c.healthcheck.node) };
  if (c.entrypoint) image.entrypoint = { value: c.entrypoint.value, at: at(c.entrypoint.node) };
  if (c.command) image.cmd = { value: c.command.value, at: at(c.command.node) };
  return image;
}

/** The stage a build produces: the named target, else the last stage. */
export function targetStage(model: DockerfileModel, target?: string): BuildStage | undefined {
  if (target === undefined || target === '') return model.stages.at(-1);
  const name = target.toLowerCase();
  return model.stages.find((s) => s.name === name);
}

/** The stages a build of one stage needs: it, what it is built from and copies from, transitively. */
export function stagesNeededFor(model: DockerfileModel, index: number, into = new Set<number>()): Set<number> {
  const stage = model.stages[index];
  if (!stage || into.has(index)) return into;
  into.add(index);
  if (stage.base.kind === 'stage') stagesNeededFor(model, stage.base.index, into);
  for (const use of stage.uses) if (use.source.kind === 'stage') stagesNeededFor(model, use.source.index, into);
  return into;
}

/** The stages any build of the Dockerfile needs: for the final stage and every built target. BuildKit skips the others. */
export function neededStages(model: DockerfileModel): Set<number> {
  const needed = stagesNeededFor(model, model.stages.length - 1);
  for (const target of model.builtTargets) {
    const stage = targetStage(model, target);
    if (stage) stagesNeededFor(model, stage.index, needed);
  }
  return needed;
}

export function stageId(model: DockerfileModel, stage: BuildStage): string {
  return `stage:${model.file.path}#${stage.name ?? stage.index}`;
}

export function imageNodeId(image: string): string {
  return `image:${image}`;
}

export const dockerfileGraphPart: GraphPart<DockerfileModel> = {
  name: 'dockerfile',
  extract({ parsed, file }) {
    if (parsed.format !== 'dockerfile' || !parsed.dockerfile) return undefined;
    return dockerfileModel(parsed.dockerfile, parsed.containers, file, true);
  },
  build(graph, models) {
    const byAbsolute = new Map<string, DockerfileModel>();
    for (const m of models) if (m.file.absolute) byAbsolute.set(m.file.absolute, m);
    graph.dockerfiles = { models: [...models], byAbsolute };
  },
  describe(graph, out) {
    for (const model of graph.dockerfiles.models) describeDockerfile(graph, model, out);
  },
  simulate(graph, out) {
    const images: SimulatedImage[] = [];
    for (const model of graph.dockerfiles.models) {
      if (!model.linted) continue;
      const targets = new Set(['', ...model.builtTargets]);
      for (const target of targets) {
        const stage = targetStage(model, target);
        if (stage) images.push(simulatedImage(model, stage));
      }
    }
    if (images.length > 0) out.images = images;
  },
};

function simulatedImage(model: DockerfileModel, stage: BuildStage): SimulatedImage {
  const needed = stagesNeededFor(model, stage.index);
  const img = stage.image;
  const out: SimulatedImage = {
    dockerfile: model.file.path,
    target: stage.name ?? String(stage.index),
    expose: img.exposes.filter((p) => p.port !== undefined).map((p) => `${p.port}${p.endPort ? `-${p.endPort}` : ''}/${p.protocol}`),
    healthcheck: img.healthcheck ? (img.healthcheck.disabled ? 'disabled' : 'defined') : 'none',
    stages: [...needed].sort((a, b) => a - b).map((i) => model.stages[i]!.name ?? String(i)),
  };
  const base = img.fromScratch ? 'scratch' : img.baseImage;
  if (base) out.base = base;
  if (img.user) out.user = img.user.value;
  if (img.entrypoint) out.entrypoint = img.entrypoint.value;
  if (img.cmd) out.cmd = img.cmd.value;
  return out;
}

/** Reads a Dockerfile that is not linted but is built by something that is (a compose `build:`). */
export function readDockerfileModel(graph: ProjectGraph, file: GraphFile, parse: () => { dockerfile: Dockerfile; containers: ContainerSpec[] }): DockerfileModel {
  const known = file.absolute ? graph.dockerfiles.byAbsolute.get(file.absolute) : undefined;
  if (known) return known;
  const { dockerfile, containers } = parse();
  const model = dockerfileModel(dockerfile, containers, file, false);
  if (file.absolute) graph.dockerfiles.byAbsolute.set(file.absolute, model);
  graph.dockerfiles.models.push(model);
  return model;
}

function describeDockerfile(_graph: ProjectGraph, model: DockerfileModel, out: DescriptionBuilder): void {
  const last = model.stages.length - 1;
  const sourceNode = (s: StageSource): string | undefined => {
    if (s.kind === 'stage') {
      const st = model.stages[s.index];
      return st ? stageId(model, st) : undefined;
    }
    if (s.kind === 'image') return out.node({ id: imageNodeId(s.image), kind: 'image', label: s.image });
    return undefined;
  };
  for (const stage of model.stages) {
    const attributes: Record<string, string | number | boolean> = {};
    if (stage.index === last) attributes.final = true;
    if (stage.image.user) attributes.user = stage.image.user.value;
    const ports = stage.image.exposes.filter((p) => p.port !== undefined).map((p) => `${p.port}${p.endPort ? `-${p.endPort}` : ''}/${p.protocol}`);
    if (ports.length > 0) attributes.expose = ports.join(',');
    if (stage.image.healthcheck) attributes.healthcheck = !stage.image.healthcheck.disabled;
    out.node({
      id: stageId(model, stage),
      kind: 'stage',
      label: `stage ${stage.name ?? stage.index}`,
      file: model.file.path,
      line: model.file.source.positionAt(stage.from.span.start).line + 1,
      attributes,
    });
  }
  for (const stage of model.stages) {
    const id = stageId(model, stage);
    const base = sourceNode(stage.base);
    if (base) out.edge({ type: 'based-on', from: id, to: base });
    for (const use of stage.uses) {
      const from = sourceNode(use.source);
      if (from) out.edge({ type: 'copies-from', from: id, to: from, ...(use.via === 'mount' ? { label: 'mount' } : {}) });
    }
  }
}
