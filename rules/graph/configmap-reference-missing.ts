import { defineRule } from '../../src/core/rule.js';
import '../../src/model/graph/kubernetes/part.js';
import { ABSENT_OPTION_SCHEMA, absentSeverity, describeObject, relatedObject, type AbsentOption } from '../../src/model/graph/kubernetes/naming.js';
import { referenceProblems } from '../../src/model/graph/kubernetes/references.js';

export default defineRule<'absent' | 'key', AbsentOption>({
  id: 'configmap-reference-missing',
  meta: {
    description: 'ConfigMaps that pods use should exist, with the keys they ask for',
    formats: ['kubernetes'],
    severity: 'warning',
    recommended: true,
    category: 'correctness',
    sources: [],
    messages: {
      absent:
        'ConfigMap "{{name}}" is not declared in namespace "{{namespace}}" by any linted file; unless something else creates it, the pods of {{owner}} cannot start (CreateContainerConfigError, or a volume that never mounts). Add it, or mark the reference `optional: true`.',
      key: 'ConfigMap "{{name}}" has no key "{{key}}", so the pods of {{owner}} cannot start (CreateContainerConfigError); add the key, fix its name, or mark the reference `optional: true`.',
    },
    options: ABSENT_OPTION_SCHEMA,
    defaults: { absent: 'info' },
    fixable: false,
  },
  create(ctx, options) {
    return {
      Project({ kubernetes: k }) {
        for (const p of referenceProblems(k, 'configMap')) {
          const data = { name: p.reference.name.value, namespace: p.owner.namespace, owner: describeObject(p.owner), key: p.reference.key?.value };
          if (p.problem === 'key') {
            ctx.report({ messageId: 'key', node: p.reference.key!.at, data, related: [relatedObject(p.target!, 'The ConfigMap')] });
            continue;
          }
          const severity = absentSeverity(options.absent);
          if (severity) ctx.report({ messageId: 'absent', node: p.reference.name.at, data, severity });
        }
      },
    };
  },
});
