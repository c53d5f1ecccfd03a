/**
 * The unified container: a Dockerfile stage, a compose service and a Kubernetes
 * pod-template container all normalise to a ContainerSpec, so container rules
 * (run-as-root, latest-tag, missing-resource-limits, …) are written once.
 * Every field keeps the node it came from, so findings land on the right token.
 */
import type { Format, Locatable, ObjectRef } from '../core/types.js';
import type { ImageReference } from './image.js';

/** A value together with the node that declared it. */
export interface Sourced<T> {
  value: T;
  node: Locatable;
}

export type ContainerRole =
  | 'stage' // a Dockerfile build stage
  | 'service' // a compose service
  | 'container' // a Kubernetes container
  | 'initContainer'
  | 'ephemeralContainer';

export interface ContainerOrigin {
  format: Format;
  role: ContainerRole;
  /** Stage name or index, service name, container name. */
  name: string;
  /** The Kubernetes object or compose service that owns it. */
  object?: ObjectRef;
  /** Dockerfile: the stage that produces the image (the last one). */
  isFinalStage?: boolean;
  stageIndex?: number;
  /** Kubernetes: the owning workload kind runs to completion (Job, CronJob, bare Pod with restartPolicy Never/OnFailure). */
  runsToCompletion?: boolean;
  /** Kubernetes: path from the owning object to the container (`['spec', 'template', 'spec', 'containers', 0]`). */
  path?: readonly (string | number)[];
  /** Kubernetes: an init container with `restartPolicy: Always`, which keeps running beside the others. */
  sidecar?: boolean;
}

export interface PortSpec {
  containerPort?: number;
  /** End of a port range (`8000-8010`). */
  containerPortEnd?: number;
  hostPort?: number;
  hostIp?: string;
  protocol: string;
  name?: string;
  node: Locatable;
}

export interface EnvVar {
  name: Sourced<string>;
  /** A literal value; undefined when taken from elsewhere (valueFrom, a file). */
  value?: Sourced<string>;
  /** Taken from a Secret/ConfigMap/field ref rather than written inline. */
  fromReference?: boolean;
  /** Kubernetes `valueFrom`: `secretKeyRef`, `configMapKeyRef`, `fieldRef`, `resourceFieldRef`, with the referenced name and key. */
  valueFrom?: { kind: string; name?: string; key?: string };
}

/** Variables imported wholesale: Kubernetes `envFrom`, compose `env_file`. */
export interface EnvSource {
  /** `configMap` | `secret` (Kubernetes) | `file` (compose `env_file`). */
  kind: string;
  name?: Sourced<string>;
  prefix?: string;
  optional?: boolean;
  node: Locatable;
}

export interface ProbeSpec {
  node: Locatable;
  /** e.g. `httpGet`, `tcpSocket`, `exec`, `grpc`, or `CMD` for a Docker healthcheck. */
  handler?: string;
  /** Port the probe targets, by number or name. */
  port?: Sourced<number | string>;
  /** The healthcheck is explicitly disabled (`HEALTHCHECK NONE`, `disable: true`). */
  disabled?: boolean;
  /** A canonical text of the whole probe, to tell whether two probes are identical. */
  signature?: string;
}

export interface MountSpecView {
  /** bind | volume | tmpfs | hostPath | … */
  type: string;
  source?: Sourced<string>;
  target?: Sourced<string>;
  readOnly?: boolean;
  node: Locatable;
  /** The volume mounted: Kubernetes pod volume name, compose named volume. */
  volume?: Sourced<string>;
  subPath?: string;
}

export interface ResourceSpec {
  node?: Locatable;
  limits: { cpu?: Sourced<string>; memory?: Sourced<string> };
  requests: { cpu?: Sourced<string>; memory?: Sourced<string> };
}

export interface SecuritySpec {
  /** Explicit user (Dockerfile USER, compose `user:`, runAsUser as a string). */
  user?: Sourced<string>;
  runAsUser?: Sourced<number>;
  runAsGroup?: Sourced<number>;
  runAsNonRoot?: Sourced<boolean>;
  privileged?: Sourced<boolean>;
  allowPrivilegeEscalation?: Sourced<boolean>;
  readOnlyRootFilesystem?: Sourced<boolean>;
  capabilitiesAdd: Sourced<string>[];
  capabilitiesDrop: Sourced<string>[];
  seccompProfile?: Sourced<string>;
}

export interface ContainerSpec {
  origin: ContainerOrigin;
  /** Where "the container" is, for findings about something it lacks. */
  node: Locatable;
  image?: Sourced<ImageReference>;
  command?: Sourced<string[]>;
  entrypoint?: Sourced<string[]>;
  env: EnvVar[];
  /** Kubernetes `envFrom`, compose `env_file`. */
  envFrom?: EnvSource[];
  ports: PortSpec[];
  mounts: MountSpecView[];
  healthcheck?: ProbeSpec;
  livenessProbe?: ProbeSpec;
  readinessProbe?: ProbeSpec;
  startupProbe?: ProbeSpec;
  resources: ResourceSpec;
  security: SecuritySpec;
  imagePullPolicy?: Sourced<string>;
}

export function emptyContainer(origin: ContainerOrigin, node: Locatable): ContainerSpec {
  return {
    origin,
    node,
    env: [],
    ports: [],
    mounts: [],
    resources: { limits: {}, requests: {} },
    security: { capabilitiesAdd: [], capabilitiesDrop: [] },
  };
}
