/**
 * The compose model the rules read: the merged project (base + overrides, extends and
 * include applied), its services with the attributes rules need in normalised form, and
 * the per-file views (schema, variables, the obsolete `version`). Every value keeps the
 * YAML node it was written at, in whichever file that is.
 */
import type { SourceText } from '../../core/source.js';
import type { Locatable, ObjectRef } from '../../core/types.js';
import type { LoadedFile, LoadProblem } from '../../parse/compose/load.js';
import type { SchemaProblem } from '../../parse/compose/schema.js';
import type { Redefinition } from '../../parse/compose/merge.js';
import type { CMap, CValue, VariableProblem } from '../../parse/compose/tree.js';
import type { YNode, YPair } from '../../parse/yaml/nodes.js';
import type { ContainerSpec, Sourced } from '../container.js';

export interface ComposePort {
  node: Locatable;
  /** Long syntax (a mapping) or short (a string or number). */
  long: boolean;
  target?: number;
  targetEnd?: number;
  published?: number;
  publishedEnd?: number;
  hostIp?: string;
  protocol: string;
  /** Why Docker would reject it. */
  error?: string;
  /** The scalar as written, for syntax checks (short syntax only). */
  scalar?: YNode;
}

export interface ComposeMount {
  node: Locatable;
  type: string;
  source?: Sourced<string>;
  target?: Sourced<string>;
  readOnly: boolean;
  long: boolean;
  /** Bind source resolved against the project (undefined when not a local path). */
  resolvedSource?: string;
  /** The source still holds a variable that had no value. */
  unresolved: boolean;
  /** Long syntax `bind.create_host_path` (short syntax always creates the folder). */
  createHostPath: boolean;
  /** For a relative bind source: whether it exists beside the compose file. */
  sourceExists?: boolean;
  error?: string;
}

export interface ComposeDependency {
  service: Sourced<string>;
  condition: string;
  conditionNode?: Locatable;
  required: boolean;
}

export interface ComposeReference {
  kind: 'network' | 'volume' | 'secret' | 'config' | 'model' | 'service';
  /** How it is referred to: `networks`, `depends_on`, `links`, `volumes_from`, `network_mode`, … */
  via: string;
  name: Sourced<string>;
}

export interface ComposeBuild {
  node: Locatable;
  context?: Sourced<string>;
  dockerfile?: Sourced<string>;
  inline: boolean;
  target?: Sourced<string>;
  /** Absolute context folder, when it is a local path. */
  contextDir?: string;
  /** Absolute Dockerfile path, when it is local. */
  dockerfilePath?: string;
  remote: boolean;
  contextExists?: boolean;
  dockerfileExists?: boolean;
}

/** What the image a service runs says about health checks, when Plimsoll could read its Dockerfile. */
export type ImageHealthcheck = 'defined' | 'disabled' | 'absent' | 'unknown';

export interface ComposeHealthcheck {
  node: Locatable;
  disabled: boolean;
  test?: CValue;
}

export interface ComposeEnvEntry {
  name: Sourced<string>;
  value?: Sourced<string>;
  node: Locatable;
  /** Written as `KEY=VALUE` in a list (or a bare `KEY`). */
  fromList: boolean;
}

export interface ComposeService {
  name: string;
  /** The service's key (`web:`), where findings about the service as a whole land. */
  key: YNode;
  tree: CMap;
  objectRef: ObjectRef;
  image?: Sourced<string>;
  /** The image reference names a variable that has no value. */
  imageUnresolved: boolean;
  build?: ComposeBuild;
  imageHealthcheck: ImageHealthcheck;
  /** The USER of the Dockerfile stage the service builds, when Plimsoll could read it. */
  imageUser?: string;
  containerName?: Sourced<string>;
  /** `deploy.replicas` or `scale`; undefined: 1. */
  replicas?: Sourced<number>;
  networkMode?: Sourced<string>;
  /** The `networks:` key, when present. */
  networksNode?: Locatable;
  dependsOn: ComposeDependency[];
  references: ComposeReference[];
  links: Sourced<string>[];
  ports: ComposePort[];
  /** `expose:` entries that Docker would reject (`80`, `80-85`, `80/udp` are fine). */
  exposeErrors: { node: Locatable; error: string }[];
  mounts: ComposeMount[];
  environment: ComposeEnvEntry[];
  envFiles: { path: Sourced<string>; required: boolean; resolved: string; exists?: boolean }[];
  healthcheck?: ComposeHealthcheck;
  restart?: Sourced<string>;
  /** `deploy.restart_policy`. */
  restartPolicy?: Locatable;
  profiles: string[];
  pid?: Sourced<string>;
  ipc?: Sourced<string>;
  userns?: Sourced<string>;
  /** Every duration-valued attribute, for syntax checks. */
  durations: { field: string; value: Sourced<string> }[];
  extendsNode?: Locatable;
  container: ContainerSpec;
}

export interface ComposeResource {
  name: string;
  key: YNode;
  external: boolean;
  file?: Sourced<string>;
  resolvedFile?: string;
  fileExists?: boolean;
}

/** One file of the project, for checks that are about the file as written. */
export interface ComposeFileView {
  source: SourceText;
  role: LoadedFile['role'];
  /** The file's interpolated tree (documents merged), before extends, include and overrides. */
  tree?: CMap;
  /** Roots of the file's documents. */
  roots: YNode[];
  /** The root is not a mapping. */
  notMapping?: YNode;
  /** The top-level `version:` pair. */
  version?: YPair;
  variables: VariableProblem[];
  /** Whether this file is one of the files being linted. */
  linted: boolean;
  /** Schema problems of this file (computed on first use). */
  schemaProblems(): SchemaProblem[];
}

export interface ComposeProject {
  projectDir: string;
  files: ComposeFileView[];
  services: ComposeService[];
  servicesByName: Map<string, ComposeService>;
  networks: Map<string, ComposeResource>;
  volumes: Map<string, ComposeResource>;
  secrets: Map<string, ComposeResource>;
  configs: Map<string, ComposeResource>;
  models: Map<string, ComposeResource>;
  /** The top-level key of each resource kind, where "undefined" findings may point. */
  problems: LoadProblem[];
  /** Sequence entries that a later entry with the same key replaced, as Compose does when it loads. */
  redefinitions: Redefinition[];
  tree: CMap;
}
