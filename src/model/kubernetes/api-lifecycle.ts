/**
 * Deprecated and removed Kubernetes API versions, as data.
 *
 * Source: the Kubernetes "Deprecated API Migration Guide"
 * (https://kubernetes.io/docs/reference/using-api/deprecation-guide/) for every removal from
 * v1.16 through v1.32 (the release that stops serving an API and the replacement with the
 * release it is available since), and the release notes for the release that deprecated each
 * one. For the v1.16 removals the guide gives only the replacement's release, which is when the
 * old versions were deprecated.
 */

export interface Replacement {
  apiVersion: string;
  /** The release the replacement is served from. */
  since: string;
}

export interface ApiLifecycleEntry {
  apiVersion: string;
  kinds: readonly string[];
  deprecated: string;
  /** The release that no longer serves it; undefined while it is still served. */
  removed?: string;
  /** Newest first; empty when there is none (PodSecurityPolicy). */
  replacements: readonly Replacement[];
  /** What to do when there is no replacement, or what changed. */
  note?: string;
}

/** The newest release these facts cover: targets after it are not accepted. */
export const LIFECYCLE_KNOWN_UNTIL = '1.34';

const r = (apiVersion: string, since: string): Replacement => ({ apiVersion, since });
const APPS_V1 = [r('apps/v1', '1.9')];
const FLOWCONTROL = ['FlowSchema', 'PriorityLevelConfiguration'];

export const API_LIFECYCLE: readonly ApiLifecycleEntry[] = [
  // v1.16
  { apiVersion: 'extensions/v1beta1', kinds: ['NetworkPolicy'], deprecated: '1.8', removed: '1.16', replacements: [r('networking.k8s.io/v1', '1.8')] },
  { apiVersion: 'extensions/v1beta1', kinds: ['PodSecurityPolicy'], deprecated: '1.10', removed: '1.16', replacements: [r('policy/v1beta1', '1.10')] },
  { apiVersion: 'extensions/v1beta1', kinds: ['DaemonSet', 'Deployment', 'ReplicaSet'], deprecated: '1.9', removed: '1.16', replacements: APPS_V1 },
  { apiVersion: 'apps/v1beta1', kinds: ['Deployment', 'StatefulSet', 'ReplicaSet', 'ControllerRevision'], deprecated: '1.9', removed: '1.16', replacements: APPS_V1 },
  { apiVersion: 'apps/v1beta2', kinds: ['DaemonSet', 'Deployment', 'StatefulSet', 'ReplicaSet', 'ControllerRevision'], deprecated: '1.9', removed: '1.16', replacements: APPS_V1 },
  // v1.22
  { apiVersion: 'admissionregistration.k8s.io/v1beta1', kinds: ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], deprecated: '1.16', removed: '1.22', replacements: [r('admissionregistration.k8s.io/v1', '1.16')] },
  { apiVersion: 'apiextensions.k8s.io/v1beta1', kinds: ['CustomResourceDefinition'], deprecated: '1.16', removed: '1.22', replacements: [r('apiextensions.k8s.io/v1', '1.16')] },
  { apiVersion: 'apiregistration.k8s.io/v1beta1', kinds: ['APIService'], deprecated: '1.19', removed: '1.22', replacements: [r('apiregistration.k8s.io/v1', '1.10')] },
  { apiVersion: 'authentication.k8s.io/v1beta1', kinds: ['TokenReview'], deprecated: '1.19', removed: '1.22', replacements: [r('authentication.k8s.io/v1', '1.6')] },
  { apiVersion: 'authorization.k8s.io/v1beta1', kinds: ['LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview', 'SubjectAccessReview'], deprecated: '1.19', removed: '1.22', replacements: [r('authorization.k8s.io/v1', '1.6')] },
  { apiVersion: 'certificates.k8s.io/v1beta1', kinds: ['CertificateSigningRequest'], deprecated: '1.19', removed: '1.22', replacements: [r('certificates.k8s.io/v1', '1.19')] },
  { apiVersion: 'coordination.k8s.io/v1beta1', kinds: ['Lease'], deprecated: '1.19', removed: '1.22', replacements: [r('coordination.k8s.io/v1', '1.14')] },
  { apiVersion: 'extensions/v1beta1', kinds: ['Ingress'], deprecated: '1.14', removed: '1.22', replacements: [r('networking.k8s.io/v1', '1.19'), r('networking.k8s.io/v1beta1', '1.14')], note: 'in networking.k8s.io/v1, backend.serviceName/servicePort become backend.service.name/port, and pathType is required' },
  { apiVersion: 'networking.k8s.io/v1beta1', kinds: ['Ingress'], deprecated: '1.19', removed: '1.22', replacements: [r('networking.k8s.io/v1', '1.19')], note: 'in networking.k8s.io/v1, backend.serviceName/servicePort become backend.service.name/port, and pathType is required' },
  { apiVersion: 'networking.k8s.io/v1beta1', kinds: ['IngressClass'], deprecated: '1.19', removed: '1.22', replacements: [r('networking.k8s.io/v1', '1.19')] },
  { apiVersion: 'rbac.authorization.k8s.io/v1beta1', kinds: ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'], deprecated: '1.17', removed: '1.22', replacements: [r('rbac.authorization.k8s.io/v1', '1.8')] },
  { apiVersion: 'scheduling.k8s.io/v1beta1', kinds: ['PriorityClass'], deprecated: '1.14', removed: '1.22', replacements: [r('scheduling.k8s.io/v1', '1.14')] },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIDriver'], deprecated: '1.19', removed: '1.22', replacements: [r('storage.k8s.io/v1', '1.19')] },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSINode'], deprecated: '1.17', removed: '1.22', replacements: [r('storage.k8s.io/v1', '1.17')] },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['StorageClass'], deprecated: '1.19', removed: '1.22', replacements: [r('storage.k8s.io/v1', '1.6')] },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['VolumeAttachment'], deprecated: '1.19', removed: '1.22', replacements: [r('storage.k8s.io/v1', '1.13')] },
  // v1.25
  { apiVersion: 'batch/v1beta1', kinds: ['CronJob'], deprecated: '1.21', removed: '1.25', replacements: [r('batch/v1', '1.21')] },
  { apiVersion: 'discovery.k8s.io/v1beta1', kinds: ['EndpointSlice'], deprecated: '1.21', removed: '1.25', replacements: [r('discovery.k8s.io/v1', '1.21')] },
  { apiVersion: 'events.k8s.io/v1beta1', kinds: ['Event'], deprecated: '1.22', removed: '1.25', replacements: [r('events.k8s.io/v1', '1.19')] },
  { apiVersion: 'autoscaling/v2beta1', kinds: ['HorizontalPodAutoscaler'], deprecated: '1.22', removed: '1.25', replacements: [r('autoscaling/v2', '1.23')] },
  { apiVersion: 'policy/v1beta1', kinds: ['PodDisruptionBudget'], deprecated: '1.21', removed: '1.25', replacements: [r('policy/v1', '1.21')], note: 'in policy/v1 an empty spec.selector selects every pod of the namespace' },
  { apiVersion: 'policy/v1beta1', kinds: ['PodSecurityPolicy'], deprecated: '1.21', removed: '1.25', replacements: [], note: 'there is no replacement API: enforce pod security with Pod Security Admission (namespace labels) or a policy engine' },
  { apiVersion: 'node.k8s.io/v1beta1', kinds: ['RuntimeClass'], deprecated: '1.22', removed: '1.25', replacements: [r('node.k8s.io/v1', '1.20')] },
  // v1.26
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1', kinds: FLOWCONTROL, deprecated: '1.23', removed: '1.26', replacements: [r('flowcontrol.apiserver.k8s.io/v1', '1.29'), r('flowcontrol.apiserver.k8s.io/v1beta3', '1.26'), r('flowcontrol.apiserver.k8s.io/v1beta2', '1.23')] },
  { apiVersion: 'autoscaling/v2beta2', kinds: ['HorizontalPodAutoscaler'], deprecated: '1.23', removed: '1.26', replacements: [r('autoscaling/v2', '1.23')] },
  // v1.27
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIStorageCapacity'], deprecated: '1.24', removed: '1.27', replacements: [r('storage.k8s.io/v1', '1.24')] },
  // v1.29
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2', kinds: FLOWCONTROL, deprecated: '1.26', removed: '1.29', replacements: [r('flowcontrol.apiserver.k8s.io/v1', '1.29'), r('flowcontrol.apiserver.k8s.io/v1beta3', '1.26')], note: 'PriorityLevelConfiguration spec.limited.assuredConcurrencyShares is renamed nominalConcurrencyShares' },
  // v1.32
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', kinds: FLOWCONTROL, deprecated: '1.29', removed: '1.32', replacements: [r('flowcontrol.apiserver.k8s.io/v1', '1.29')] },
  // Deprecated, still served
  { apiVersion: 'v1', kinds: ['Endpoints'], deprecated: '1.33', replacements: [r('discovery.k8s.io/v1', '1.21')], note: 'EndpointSlices are created for every Service with a selector; write discovery.k8s.io/v1 EndpointSlice objects for Services without one' },
];

const minor = (v: string): number => Number(v.split('.')[1]);

export interface ApiStatus {
  status: 'removed' | 'deprecated';
  entry: ApiLifecycleEntry;
  /** The newest replacement served by the target version, if any. */
  replacement?: Replacement;
}

const index = new Map<string, ApiLifecycleEntry>();
for (const entry of API_LIFECYCLE) for (const kind of entry.kinds) index.set(`${entry.apiVersion} ${kind}`, entry);

/** Whether `apiVersion kind` is removed or deprecated in `target` (`x.y`); undefined when neither. */
export function apiStatus(apiVersion: string, kind: string, target: string): ApiStatus | undefined {
  const entry = index.get(`${apiVersion} ${kind}`);
  if (!entry || minor(target) < minor(entry.deprecated)) return undefined;
  const removed = entry.removed !== undefined && minor(target) >= minor(entry.removed);
  const replacement = entry.replacements.find((rep) => minor(rep.since) <= minor(target)) ?? entry.replacements[0];
  const status: ApiStatus = { status: removed ? 'removed' : 'deprecated', entry };
  if (replacement) status.replacement = replacement;
  return status;
}
