import { defineRule } from '../../src/core/rule.js';
import '../../src/model/graph/kubernetes/part.js';

const SCALABLE = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController']);

export default defineRule<'missing' | 'notScalable'>({
  id: 'hpa-target-missing',
  meta: {
    description: 'A HorizontalPodAutoscaler should target a workload of its namespace',
    formats: ['kubernetes'],
    severity: 'warning',
    recommended: true,
    category: 'correctness',
    sources: [
      { tool: 'kube-linter', id: 'dangling-hpa' },
      { tool: 'kube-score', id: 'horizontalpodautoscaler-has-target' },
    ],
    messages: {
      missing: 'No {{kind}} "{{name}}" exists in namespace "{{namespace}}", so this autoscaler scales nothing (FailedGetScale); fix scaleTargetRef.',
      notScalable: '{{kind}} "{{name}}" has no replica count to scale; target a Deployment, StatefulSet or ReplicaSet.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      Project({ kubernetes: k }) {
        for (const h of k.hpas) {
          if (!h.target) continue;
          const kind = h.target.kind.value;
          const data = { kind, name: h.target.name.value, namespace: h.object.namespace };
          if (!SCALABLE.has(kind) && k.workload(kind, h.object.namespace, h.target.name.value)) {
            ctx.report({ messageId: 'notScalable', node: h.target.kind.at, data });
            continue;
          }
          // Custom resources with a scale subresource (Argo Rollouts, …) cannot be checked here.
          if (!SCALABLE.has(kind)) continue;
          if (!k.workload(kind, h.object.namespace, h.target.name.value)) ctx.report({ messageId: 'missing', node: h.target.name.at, data });
        }
      },
    };
  },
});
