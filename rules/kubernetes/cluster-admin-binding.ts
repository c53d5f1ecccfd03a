import type { ClusterRoleBinding } from 'kubernetes-types/rbac/v1.js';
import { defineRule } from '../../src/core/rule.js';
import { objectView } from '../../src/model/kubernetes/view.js';

export default defineRule({
  id: 'cluster-admin-binding',
  meta: {
    description: 'Subjects should not be bound to the cluster-admin role',
    formats: ['kubernetes'],
    severity: 'warning',
    recommended: true,
    category: 'security',
    sources: [
      { tool: 'kube-linter', id: 'cluster-admin-role-binding' },
      { tool: 'polaris', id: 'clusterrolebindingClusterAdmin' },
      { tool: 'polaris', id: 'rolebindingClusterAdminClusterRole' },
      { tool: 'trivy', id: 'KSV111' },
    ],
    messages: {
      clusterAdmin:
        'This {{kind}} grants cluster-admin — every permission{{scope}} — to {{subjects}}; bind a role with only the permissions needed.',
    },
    fixable: false,
  },
  create(ctx) {
    const check = (object: Parameters<typeof objectView>[0] & { kind: string; apiVersion: string }) => {
      if (!object.apiVersion.startsWith('rbac.authorization.k8s.io/')) return;
      const view = objectView<ClusterRoleBinding>(object);
      const roleRef = view.object('roleRef');
      const name = roleRef?.string('name');
      if (name?.value !== 'cluster-admin' || roleRef?.string('kind')?.value !== 'ClusterRole') return;
      const subjects = view.list('subjects').map((s) => `${s.string('kind')?.value ?? '?'} "${s.string('name')?.value ?? '?'}"`);
      // system:masters is cluster-admin by definition; binding it changes nothing.
      if (subjects.length > 0 && subjects.every((s) => s === 'Group "system:masters"')) return;
      ctx.report({
        messageId: 'clusterAdmin',
        node: name.node,
        data: { kind: object.kind, scope: object.kind === 'RoleBinding' ? ' in its namespace' : ' in every namespace', subjects: subjects.join(', ') || 'its subjects' },
      });
    };
    return { 'KubernetesObject:ClusterRoleBinding': check, 'KubernetesObject:RoleBinding': check };
  },
});
