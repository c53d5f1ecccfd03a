import { defineRule } from '../../src/core/rule.js';
import '../../src/model/graph/kubernetes/part.js';
import { isEmptySelector } from '../../src/model/graph/kubernetes/select.js';

export default defineRule<'nothing'>({
  id: 'network-policy-selects-nothing',
  meta: {
    description: "A NetworkPolicy's podSelector should match the pods of some workload in its namespace",
    formats: ['kubernetes'],
    severity: 'warning',
    recommended: true,
    category: 'security',
    sources: [
      { tool: 'kube-linter', id: 'dangling-networkpolicy' },
      { tool: 'kube-score', id: 'networkpolicy-targets-pod' },
    ],
    messages: {
      nothing: 'No pod in namespace "{{namespace}}" matches the podSelector of NetworkPolicy "{{name}}", so it isolates nothing and the pods it was meant for stay open; fix the selector or the pod labels.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      Project({ kubernetes: k }) {
        for (const np of k.networkPolicies) {
          // An empty podSelector is meant for every pod, present and future (default deny).
          if (isEmptySelector(np.podSelector)) continue;
          if (k.select(np.object.namespace, np.podSelector, true).length > 0 || k.besideCustomResources(np.object)) continue;
          ctx.report({ messageId: 'nothing', node: np.podSelector.at, data: { namespace: np.object.namespace, name: np.object.name } });
        }
      },
    };
  },
});
