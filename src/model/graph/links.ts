/**
 * Links across formats: a compose service with `build:` → its Dockerfile and target stage;
 * an image name → the Dockerfile that builds it (compose services that both build and name
 * an image, and the config's `images` map); a Kubernetes container → that Dockerfile. The
 * graph rules then compare what the Kubernetes container expects with what the image does.
 */
import { relative, sep } from 'node:path';
import { SourceText } from '../../core/source.js';
import { parseDockerfile } from '../../parse/dockerfile/parser.js';
import { extractDockerfileContainers } from '../extract/dockerfile.js';
import { parseImageReference } from '../image.js';
import type { ComposeProjectRecord, ComposeServiceRecord } from './compose/part.js';
import { composeServiceId } from './compose/describe.js';
import { readDockerfileModel, stageId, targetStage, type BuildStage, type DockerfileModel } from './dockerfile.js';
import { podsId } from './kubernetes/describe.js';
import type { PodContainer, Workload } from './kubernetes/types.js';
import type { GraphBuildContext, GraphPart } from './parts.js';
import type { ProjectGraph } from './types.js';

export interface ImageBuild {
  model: DockerfileModel;
  stage: BuildStage;
  /** How the link was found: a compose `build:`, or the config's `images`. */
  via: 'compose' | 'config';
  image?: string;
}

export interface ImageLinks {
  composeBuilds: Map<ComposeServiceRecord, ImageBuild>;
  containers: Map<PodContainer, ImageBuild & { workload: Workload }>;
}

declare module './types.js' {
  interface ProjectGraph {
    links: ImageLinks;
  }
}

/** `registry/repository` of an image, without tag or digest; and its tag. */
function imageKey(image: string): { name: string; tag?: string } {
  const ref = parseImageReference(image);
  const name = `${ref.registry ? `${ref.registry}/` : ''}${ref.repository}`;
  return ref.tag ? { name, tag: ref.tag } : { name };
}

class ImageTable {
  private readonly byName = new Map<string, { tag?: string; build: ImageBuild }[]>();

  add(image: string, build: ImageBuild): void {
    const { name, tag } = imageKey(image);
    this.byName.set(name, [...(this.byName.get(name) ?? []), { ...(tag ? { tag } : {}), build }]);
  }

  /** The build of an image: an entry with the same tag, else one without a tag. */
  find(image: string): ImageBuild | undefined {
    const { name, tag } = imageKey(image);
    const entries = this.byName.get(name) ?? [];
    return (entries.find((e) => e.tag !== undefined && e.tag === tag) ?? entries.find((e) => e.tag === undefined))?.build;
  }
}

function modelAt(graph: ProjectGraph, absolute: string, context: GraphBuildContext): DockerfileModel | undefined {
  const known = graph.dockerfiles.byAbsolute.get(absolute);
  if (known) return known;
  const text = context.env.host.readFile(absolute);
  if (text === undefined) return undefined;
  const path = relative(process.cwd(), absolute).split(sep).join('/');
  return readDockerfileModel(graph, { path, absolute, format: 'dockerfile', source: new SourceText(path, text) }, () => {
    const dockerfile = parseDockerfile(text);
    return { dockerfile, containers: extractDockerfileContainers(dockerfile) };
  });
}

interface FileImages {
  path: string;
  images: ReadonlyMap<string, string>;
}

export const imageLinksPart: GraphPart<FileImages> = {
  name: 'links',
  extract({ file, images }) {
    return images && images.size > 0 ? { path: file.path, images } : undefined;
  },
  build(graph, fileImages, context) {
    const links: ImageLinks = { composeBuilds: new Map(), containers: new Map() };
    graph.links = links;
    const composeImages = new ImageTable();
    for (const p of graph.compose ?? []) {
      for (const s of p.services) {
        if (!s.build?.dockerfilePath) continue;
        const model = modelAt(graph, s.build.dockerfilePath, context);
        const stage = model && targetStage(model, s.build.target);
        if (!model || !stage) continue;
        model.builtTargets.add(s.build.target?.toLowerCase() ?? '');
        const build: ImageBuild = { model, stage, via: 'compose', ...(s.image ? { image: s.image } : {}) };
        links.composeBuilds.set(s, build);
        if (s.image) composeImages.add(s.image, build);
      }
    }
    const configured = new Map<string, ImageTable>();
    for (const { path, images } of fileImages) {
      const table = new ImageTable();
      for (const [image, dockerfile] of images) {
        const model = modelAt(graph, dockerfile, context);
        const stage = model && targetStage(model);
        if (model && stage) table.add(image, { model, stage, via: 'config', image });
      }
      configured.set(path, table);
    }
    for (const w of graph.kubernetes?.workloads ?? []) {
      for (const c of w.pod.containers) {
        if (!c.image) continue;
        const build = configured.get(w.object.file.path)?.find(c.image.value) ?? composeImages.find(c.image.value);
        if (build) links.containers.set(c, { ...build, workload: w });
      }
    }
  },
  describe(graph, out) {
    for (const p of graph.compose ?? []) {
      for (const s of p.services) {
        const build = graph.links.composeBuilds.get(s);
        if (build && out.has(stageId(build.model, build.stage))) out.edge({ type: 'builds', from: stageId(build.model, build.stage), to: composeServiceId(p as ComposeProjectRecord, s.name) });
      }
    }
    for (const [, { model, stage, workload }] of graph.links.containers) out.edge({ type: 'builds', from: stageId(model, stage), to: podsId(workload) });
  },
};
