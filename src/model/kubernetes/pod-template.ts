/**
 * The pod template of a workload (or the Pod itself): its metadata, its PodSpec as a
 * typed view, its volumes by name and the containers extracted from it. Built once per
 * object by `podTemplateOf` (src/model/extract/kubernetes.ts).
 */
import type { ObjectMeta } from 'kubernetes-types/meta/v1.js';
import type { PodSpec, Volume } from 'kubernetes-types/core/v1.js';
import type { ObjectRef } from '../../core/types.js';
import type { PathSegment, YPair } from '../../parse/yaml/nodes.js';
import type { ContainerSpec, Sourced } from '../container.js';
import type { KubernetesObject } from './object.js';
import type { Anchored, YView } from './view.js';
import type { WorkloadKind } from './workloads.js';

export interface PodVolume {
  name: string;
  /** The volume source key: `hostPath`, `emptyDir`, `configMap`, `secret`, `persistentVolumeClaim`, … (`unknown` when none). */
  type: string;
  view: YView<Volume>;
  /** hostPath.path, configMap.name, secret.secretName, persistentVolumeClaim.claimName, … */
  source?: Sourced<string>;
}

export interface PodTemplate {
  object: KubernetesObject;
  kind: WorkloadKind;
  /** Identity of the owning object, attached to findings reported while handling the template. */
  objectRef: ObjectRef;
  /** Path from the object to the PodTemplateSpec (`[]` for a Pod). */
  path: readonly PathSegment[];
  /** The template's metadata (the object's own for a Pod). */
  metadata?: YView<ObjectMeta>;
  spec: YView<PodSpec>;
  /** Where findings about the whole pod go: the template's `spec:` key, or the Pod's metadata.name. */
  anchor: Anchored;
  /** String-valued labels and annotations of the template. */
  labels: ReadonlyMap<string, Sourced<string> & { pair: YPair }>;
  annotations: ReadonlyMap<string, Sourced<string>>;
  volumes: ReadonlyMap<string, PodVolume>;
  /** containers, then initContainers, then ephemeralContainers. */
  containers: readonly ContainerSpec[];
  /** Job, CronJob, or a bare Pod with restartPolicy Never/OnFailure. */
  runsToCompletion: boolean;
  /**
   * A configuration fragment, not a whole pod: a container has no image (the API allows that
   * in workload templates precisely so that Kustomize patches and similar tools can fill it
   * in). Its containers are not checked; the rendered manifest should be.
   */
  partial: boolean;
}
