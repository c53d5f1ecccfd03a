import { defineRule } from '../../src/core/rule.js';
import '../../src/model/graph/kubernetes/part.js';
import { isEmptySelector } from '../../src/model/graph/kubernetes/select.js';

export default defineRule<'nothing'>({
  id: 'network-policy-peer-selects-nothing',
  meta: {
    description: 'A NetworkPolicy peer podSelector should match the pods of some workload in the policy namespace',
    formats: ['kubernetes'],
    severity: 'warning',
    recommended: true,
    category: 'correctness',
    sources: [{ tool: 'kube-linter', id: 'dangling-networkpolicypeer-podselector' }],
    messages: {
      nothing:
        'No pod in namespace "{{namespace}}" matches this {{direction}} peer of NetworkPolicy "{{name}}", so the rule allows nothing; fix the labels (or add a namespaceSelector if the peers live in another namespace).',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      Project({ kubernetes: k }) {
        for (const np of k.networkPolicies) {
          const check = (rules: typeof np.ingress, direction: string) => {
            for (const rule of rules) {
              for (const peer of rule.peers) {
                // Peers in other namespaces (namespaceSelector) may match pods the files do not declare.
                if (!peer.podSelector || peer.namespaceSelector || isEmptySelector(peer.podSelector)) continue;
                if (k.select(np.object.namespace, peer.podSelector, true).length > 0) continue;
                ctx.report({ messageId: 'nothing', node: peer.podSelector.at, data: { namespace: np.object.namespace, name: np.object.name, direction } });
              }
            }
          };
          check(np.ingress, 'ingress');
          check(np.egress, 'egress');
        }
      },
    };
  },
});
