/**
 * Which objects run pods, and where their pod template is. Only the built-in API groups
 * count: a custom resource may reuse a kind name (Volcano's `Job`) with another shape.
 */
import type { PathSegment } from '../../parse/yaml/nodes.js';

export type WorkloadKind = 'Pod' | 'Deployment' | 'ReplicaSet' | 'ReplicationController' | 'StatefulSet' | 'DaemonSet' | 'Job' | 'CronJob';

interface WorkloadShape {
  groups: readonly string[];
  /** Path from the object to its PodTemplateSpec; empty for a Pod (the object is the pod). */
  template: readonly PathSegment[];
}

const WORKLOADS: Record<WorkloadKind, WorkloadShape> = {
  Pod: { groups: [''], template: [] },
  ReplicationController: { groups: [''], template: ['spec', 'template'] },
  Deployment: { groups: ['apps', 'extensions'], template: ['spec', 'template'] },
  ReplicaSet: { groups: ['apps', 'extensions'], template: ['spec', 'template'] },
  StatefulSet: { groups: ['apps'], template: ['spec', 'template'] },
  DaemonSet: { groups: ['apps', 'extensions'], template: ['spec', 'template'] },
  Job: { groups: ['batch'], template: ['spec', 'template'] },
  CronJob: { groups: ['batch'], template: ['spec', 'jobTemplate', 'spec', 'template'] },
};

/** `apps/v1` → `apps`; `v1` → `` (the core group). */
export function apiGroupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

export function workloadKindOf(apiVersion: string, kind: string): WorkloadKind | undefined {
  const shape = (WORKLOADS as Record<string, WorkloadShape | undefined>)[kind];
  if (!shape || !shape.groups.includes(apiGroupOf(apiVersion))) return undefined;
  return kind as WorkloadKind;
}

export function templatePathOf(kind: WorkloadKind): readonly PathSegment[] {
  return WORKLOADS[kind].template;
}

/** Workloads whose pods are meant to finish (probes and restarts mean something else there). */
export function isBatchKind(kind: WorkloadKind): boolean {
  return kind === 'Job' || kind === 'CronJob';
}
