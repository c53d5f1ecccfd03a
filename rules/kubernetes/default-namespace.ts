import { defineRule } from '../../src/core/rule.js';

interface Options {
  /** Also report namespaced objects that set no namespace (they go wherever `kubectl -n` or the context says). */
  reportUnset: boolean;
}

const NAMESPACED = new Set([
  'Pod', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'ReplicationController', 'Service',
  'ConfigMap', 'Secret', 'ServiceAccount', 'Role', 'RoleBinding', 'Ingress', 'NetworkPolicy', 'PersistentVolumeClaim',
  'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'LimitRange', 'ResourceQuota', 'Endpoints', 'EndpointSlice',
]);

export default defineRule<'explicit' | 'unset', Options>({
  id: 'default-namespace',
  meta: {
    description: 'Objects should live in a namespace of their own, not in default',
    formats: ['kubernetes'],
    severity: 'info',
    recommended: false,
    category: 'style',
    sources: [
      { tool: 'kube-linter', id: 'use-namespace' },
      { tool: 'checkov', id: 'CKV_K8S_21' },
      { tool: 'trivy', id: 'KSV110' },
    ],
    messages: {
      explicit: 'This {{kind}} is placed in the default namespace, which shares RBAC, quotas and NetworkPolicies with everything else left there; use a namespace of its own.',
      unset: 'This {{kind}} sets no namespace, so it lands wherever the current context points (often default); set metadata.namespace.',
    },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: { reportUnset: { type: 'boolean', description: 'Also report namespaced objects without metadata.namespace.' } },
    },
    defaults: { reportUnset: false },
    fixable: false,
  },
  create(ctx, options) {
    return {
      KubernetesObject(object) {
        if (object.namespace === 'default') {
          ctx.report({ messageId: 'explicit', node: object.yaml, path: ['metadata', 'namespace'], data: { kind: object.kind } });
        } else if (object.namespace === undefined && options.reportUnset && NAMESPACED.has(object.kind)) {
          ctx.report({ messageId: 'unset', node: object.anchor, data: { kind: object.kind } });
        }
      },
    };
  },
});
