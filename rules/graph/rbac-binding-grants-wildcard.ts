import { defineRule } from '../../src/core/rule.js';
import '../../src/model/graph/kubernetes/part.js';
import { describeObject } from '../../src/model/graph/kubernetes/naming.js';

/** Subjects that belong to Kubernetes itself. */
const SYSTEM = /^system:/;

export default defineRule<'wildcard'>({
  id: 'rbac-binding-grants-wildcard',
  meta: {
    description: 'Bindings should not grant a role with every verb on every resource to non-system subjects',
    formats: ['kubernetes'],
    severity: 'warning',
    recommended: true,
    category: 'security',
    sources: [],
    messages: {
      wildcard:
        'This binding gives {{subjects}} {{role}}, whose rules allow every verb on every resource{{scope}} — as much as cluster-admin; bind a role with only the permissions needed.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      Project({ kubernetes: k }) {
        for (const b of k.bindings) {
          const ref = b.roleRef;
          if (!ref || ref.name.value === 'cluster-admin') continue; // cluster-admin-binding reports that one
          const namespace = ref.kind === 'ClusterRole' ? '' : b.object.namespace;
          const role = k.roles.find((r) => r.object.kind === ref.kind && r.object.namespace === namespace && r.object.name === ref.name.value);
          if (!role?.wildcard) continue;
          const subjects = b.subjects.filter((s) => !SYSTEM.test(s.name));
          if (subjects.length === 0) continue;
          ctx.report({
            messageId: 'wildcard',
            node: ref.name.at,
            data: {
              subjects: subjects.map((s) => `${s.kind} "${s.name}"`).join(', '),
              role: `${ref.kind} "${ref.name.value}"`,
              scope: b.object.kind === 'ClusterRoleBinding' ? ' in every namespace' : ` in namespace "${b.object.namespace}"`,
            },
            related: [{ node: role.wildcard, message: `The wildcard rule, in ${describeObject(role.object)}.` }],
          });
        }
      },
    };
  },
});
