import type { ClusterRole } from 'kubernetes-types/rbac/v1.js';
import { defineRule } from '../../src/core/rule.js';
import { objectView } from '../../src/model/kubernetes/view.js';

const FIELDS = { verbs: 'every verb', resources: 'every resource', apiGroups: 'every API group' } as const;

export default defineRule({
  id: 'rbac-wildcard',
  meta: {
    description: 'RBAC rules should list verbs, resources and API groups instead of "*"',
    formats: ['kubernetes'],
    severity: 'warning',
    recommended: false,
    category: 'security',
    sources: [
      { tool: 'kube-linter', id: 'wildcard-in-rules' },
      { tool: 'checkov', id: 'CKV_K8S_49' },
      { tool: 'trivy', id: 'KSV044' },
      { tool: 'trivy', id: 'KSV045' },
      { tool: 'trivy', id: 'KSV046' },
    ],
    messages: {
      wildcard:
        '"*" in {{field}} grants {{what}}, including ones added later by upgrades and CRDs; list exactly what the {{kind}} needs.',
    },
    fixable: false,
  },
  create(ctx) {
    const check = (object: Parameters<typeof objectView>[0] & { kind: string; apiVersion: string }) => {
      if (!object.apiVersion.startsWith('rbac.authorization.k8s.io/')) return;
      for (const rule of objectView<ClusterRole>(object).list('rules')) {
        for (const field of Object.keys(FIELDS) as (keyof typeof FIELDS)[]) {
          for (const item of rule.strings(field)) {
            if (item.value === '*') ctx.report({ messageId: 'wildcard', node: item.node, data: { field, what: FIELDS[field], kind: object.kind } });
          }
        }
      }
    };
    return { 'KubernetesObject:Role': check, 'KubernetesObject:ClusterRole': check };
  },
});
