import { defineRule } from '../../src/core/rule.js';
import '../../src/model/graph/kubernetes/part.js';
import { ABSENT_OPTION_SCHEMA, absentSeverity, describeObject, type AbsentOption } from '../../src/model/graph/kubernetes/naming.js';
import { referenceProblems } from '../../src/model/graph/kubernetes/references.js';

export default defineRule<'pod' | 'subject', AbsentOption>({
  id: 'service-account-missing',
  meta: {
    description: 'ServiceAccounts that pods run as, or that bindings grant roles to, should exist',
    formats: ['kubernetes'],
    severity: 'warning',
    recommended: true,
    category: 'correctness',
    sources: [{ tool: 'kube-linter', id: 'non-existent-service-account' }],
    messages: {
      pod: 'ServiceAccount "{{name}}" is not declared in namespace "{{namespace}}" by any linted file; unless something else creates it, the ReplicaSet (or Job, or StatefulSet) of {{owner}} cannot create pods ("serviceaccount not found"). Add it, or fix serviceAccountName.',
      subject: '{{binding}} grants its role to ServiceAccount "{{namespace}}/{{name}}", which no linted file declares; check the name and namespace of the subject.',
    },
    options: ABSENT_OPTION_SCHEMA,
    defaults: { absent: 'info' },
    fixable: false,
  },
  create(ctx, options) {
    return {
      Project({ kubernetes: k }) {
        const severity = absentSeverity(options.absent);
        if (!severity) return;
        for (const p of referenceProblems(k, 'serviceAccount')) {
          ctx.report({ messageId: 'pod', node: p.reference.name.at, severity, data: { name: p.reference.name.value, namespace: p.owner.namespace, owner: describeObject(p.owner) } });
        }
        if (!k.declares('ServiceAccount')) return;
        for (const b of k.bindings) {
          for (const s of b.subjects) {
            if (s.kind !== 'ServiceAccount' || s.name === 'default' || k.has('ServiceAccount', s.namespace, s.name)) continue;
            // Only namespaces the project manages: a subject in kube-system is someone else's.
            if (!k.workloadsIn(s.namespace).length && !k.declares('ServiceAccount', s.namespace)) continue;
            ctx.report({ messageId: 'subject', node: s.at, severity, data: { binding: describeObject(b.object), name: s.name, namespace: s.namespace } });
          }
        }
      },
    };
  },
});
