import { defineRule } from '../../src/core/rule.js';
import '../../src/model/graph/kubernetes/part.js';

export default defineRule<'nothing' | 'empty'>({
  id: 'service-selects-nothing',
  meta: {
    description: "A Service's selector should match the pods of some workload in its namespace",
    formats: ['kubernetes'],
    severity: 'warning',
    recommended: true,
    category: 'correctness',
    sources: [
      { tool: 'kube-linter', id: 'dangling-service' },
      { tool: 'kube-score', id: 'service-targets-pod' },
    ],
    messages: {
      nothing:
        'No pod in namespace "{{namespace}}" has the labels {{selector}}, so Service "{{name}}" has no endpoints and every connection to it fails; fix the selector or the pod template labels.',
      empty: 'The selector of Service "{{name}}" is empty, so Kubernetes manages no endpoints for it; list the labels of the pods it should reach, or remove `selector:` if you manage the Endpoints yourself.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      Project({ kubernetes: k }) {
        for (const s of k.services) {
          if (!s.selector || s.type === 'ExternalName') continue;
          const data = { name: s.object.name, namespace: s.object.namespace };
          if (s.selector.entries.length === 0) {
            ctx.report({ messageId: 'empty', node: s.selector.at, data });
            continue;
          }
          if (k.serviceSelects(s).length > 0 || k.besideCustomResources(s.object)) continue;
          ctx.report({ messageId: 'nothing', node: s.selector.at, data: { ...data, selector: s.selector.entries.map(([key, v]) => `${key}=${v}`).join(', ') } });
        }
      },
    };
  },
});
