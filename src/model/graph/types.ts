/**
 * The project graph: what every linted file would create, together. Kubernetes objects and
 * the pods their workloads would run, compose services, networks and volumes, Dockerfile
 * stages and the images they build. Each format adds its part by declaration merging on
 * `ProjectGraph` (see parts.ts); graph rules read it in phase 2 through the `Project` listener.
 */
import type { SourceText } from '../../core/source.js';
import type { FileFormat, Locatable, ObjectRef } from '../../core/types.js';

/** A place in a linted file. Graph rules report these; the finding lands in `file`. */
export interface SourceLocation extends Locatable {
  file: SourceText;
  /** The Kubernetes object or compose service it belongs to, for findings. */
  object?: ObjectRef;
  /** The YAML path below the object (formatted only for findings: most locations never become one). */
  path?: readonly (string | number)[];
}

/** A file of the project as the graph knows it. */
export interface GraphFile {
  /** Display path. */
  path: string;
  /** Absolute path, when the file has one. */
  absolute?: string;
  format: FileFormat;
  source: SourceText;
}

/** The part every format shares; format modules add their own fields. */
export interface ProjectGraphCore {
  /** The linted files, by display path. */
  files: ReadonlyMap<string, GraphFile>;
  /** Computes derived data (indexes, reachability) once per graph. */
  memo<T>(key: string, compute: () => T): T;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ProjectGraph extends ProjectGraphCore {}

declare module '../../core/listeners.js' {
  interface CoreListeners {
    /** Phase 2: fires once with the whole project graph (rules in rules/graph/). */
    Project?: (graph: ProjectGraph) => void;
  }
}

/** Node kinds of the printed graph (`plimsoll graph`). */
export type GraphNodeKind =
  | 'object'
  | 'pod'
  | 'container'
  | 'service'
  | 'network'
  | 'volume'
  | 'secret'
  | 'config'
  | 'image'
  | 'stage'
  | 'external';

/** Edge types of the printed graph. */
export type GraphEdgeType =
  | 'owns'
  | 'selects'
  | 'routes-to'
  | 'scales'
  | 'mounts'
  | 'references'
  | 'binds'
  | 'depends-on'
  | 'builds'
  | 'based-on'
  | 'copies-from'
  | 'joins'
  | 'runs'
  | 'can-reach';

export interface GraphNode {
  /** Unique and stable: `k8s:Deployment/default/web`, `compose:app/service/web`, `stage:Dockerfile#build`. */
  id: string;
  kind: GraphNodeKind;
  /** What a reader would call it: `Deployment default/web`. */
  label: string;
  /** Display path of the file that declares it (simulated pods: the workload's file). */
  file?: string;
  /** 1-based line of its declaration. */
  line?: number;
  object?: ObjectRef;
  /** A few facts worth printing (replicas, labels, ports, user). */
  attributes?: Record<string, string | number | boolean>;
}

export interface GraphEdge {
  type: GraphEdgeType;
  from: string;
  to: string;
  /** A short qualifier: a port, a condition, a key. */
  label?: string;
}

/** The printable graph: nodes and typed edges, sorted, deterministic. */
export interface GraphDescription {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export function location(file: SourceText, node: Locatable, object?: ObjectRef): SourceLocation {
  return object ? { span: node.span, file, object } : { span: node.span, file };
}
