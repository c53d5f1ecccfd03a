import { defineRule } from '../../src/core/rule.js';
import '../../src/model/graph/kubernetes/part.js';
import { ABSENT_OPTION_SCHEMA, absentSeverity, type AbsentOption } from '../../src/model/graph/kubernetes/naming.js';

/** ClusterRoles every cluster has. */
const BUILT_IN = /^(cluster-admin|admin|edit|view|system:.*)$/;
/** The API server's bootstrap Roles (in kube-system and kube-public): aggregated API servers bind the first. */
const BUILT_IN_ROLE = /^(extension-apiserver-authentication-reader|system:.*)$/;
const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public']);

export default defineRule<'missing' | 'roleInOtherNamespace', AbsentOption>({
  id: 'rbac-binding-role-missing',
  meta: {
    description: 'A RoleBinding or ClusterRoleBinding should refer to a Role or ClusterRole that exists',
    formats: ['kubernetes'],
    severity: 'warning',
    recommended: true,
    category: 'correctness',
    sources: [],
    messages: {
      missing: '{{kind}} "{{name}}" is not declared {{where}}by any linted file, so this binding grants nothing; fix roleRef, or declare the role.',
      roleInOtherNamespace:
        'A RoleBinding can only refer to a Role of its own namespace ("{{namespace}}"); Role "{{name}}" is declared in {{other}}. Bind a ClusterRole, or move the binding.',
    },
    options: ABSENT_OPTION_SCHEMA,
    defaults: { absent: 'info' },
    fixable: false,
  },
  create(ctx, options) {
    return {
      Project({ kubernetes: k }) {
        const severity = absentSeverity(options.absent);
        for (const b of k.bindings) {
          const ref = b.roleRef;
          if (!ref || (ref.kind === 'ClusterRole' && BUILT_IN.test(ref.name.value))) continue;
          if (ref.kind === 'ClusterRole') {
            if (!k.has('ClusterRole', '', ref.name.value) && severity) {
              ctx.report({ messageId: 'missing', node: ref.name.at, severity, data: { kind: 'ClusterRole', name: ref.name.value, where: '' } });
            }
            continue;
          }
          if (ref.kind !== 'Role' || k.has('Role', b.object.namespace, ref.name.value)) continue;
          if (SYSTEM_NAMESPACES.has(b.object.namespace) && BUILT_IN_ROLE.test(ref.name.value)) continue;
          const elsewhere = k.roles.find((r) => r.object.kind === 'Role' && r.object.name === ref.name.value);
          if (elsewhere) {
            ctx.report({ messageId: 'roleInOtherNamespace', node: ref.name.at, data: { namespace: b.object.namespace, name: ref.name.value, other: `namespace "${elsewhere.object.namespace}"` } });
          } else if (severity) {
            ctx.report({ messageId: 'missing', node: ref.name.at, severity, data: { kind: 'Role', name: ref.name.value, where: `in namespace "${b.object.namespace}" ` } });
          }
        }
      },
    };
  },
});
