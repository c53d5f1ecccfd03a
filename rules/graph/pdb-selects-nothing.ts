import { defineRule } from '../../src/core/rule.js';
import '../../src/model/graph/kubernetes/part.js';
import { isEmptySelector } from '../../src/model/graph/kubernetes/select.js';

export default defineRule<'nothing'>({
  id: 'pdb-selects-nothing',
  meta: {
    description: "A PodDisruptionBudget's selector should match the pods of some workload in its namespace",
    formats: ['kubernetes'],
    severity: 'warning',
    recommended: true,
    category: 'reliability',
    sources: [],
    messages: {
      nothing: 'No pod in namespace "{{namespace}}" matches the selector of PodDisruptionBudget "{{name}}", so it protects nothing during drains; fix the selector or the pod labels.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      Project({ kubernetes: k }) {
        for (const p of k.pdbs) {
          if (!p.selector) continue;
          // An empty selector means every pod of the namespace (policy/v1) or none (v1beta1): a choice, not a typo.
          if (isEmptySelector(p.selector) || k.select(p.object.namespace, p.selector, false).length > 0 || k.besideCustomResources(p.object)) continue;
          ctx.report({ messageId: 'nothing', node: p.selector.at, data: { namespace: p.object.namespace, name: p.object.name } });
        }
      },
    };
  },
});
