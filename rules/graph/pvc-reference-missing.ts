import { defineRule } from '../../src/core/rule.js';
import '../../src/model/graph/kubernetes/part.js';
import { ABSENT_OPTION_SCHEMA, absentSeverity, describeObject, type AbsentOption } from '../../src/model/graph/kubernetes/naming.js';
import { referenceProblems } from '../../src/model/graph/kubernetes/references.js';

export default defineRule<'absent', AbsentOption>({
  id: 'pvc-reference-missing',
  meta: {
    description: 'PersistentVolumeClaims that pods mount should exist',
    formats: ['kubernetes'],
    severity: 'warning',
    recommended: true,
    category: 'correctness',
    sources: [],
    messages: {
      absent:
        'PersistentVolumeClaim "{{name}}" is not declared in namespace "{{namespace}}" by any linted file; unless something else creates it, the pods of {{owner}} stay Pending ("persistentvolumeclaim not found"). Add the claim, or fix claimName.',
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
        for (const p of referenceProblems(k, 'persistentVolumeClaim')) {
          ctx.report({ messageId: 'absent', node: p.reference.name.at, severity, data: { name: p.reference.name.value, namespace: p.owner.namespace, owner: describeObject(p.owner) } });
        }
      },
    };
  },
});
