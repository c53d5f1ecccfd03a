import { defineRule } from '../../src/core/rule.js';
import '../../src/model/graph/kubernetes/part.js';
import { relatedObject } from '../../src/model/graph/kubernetes/naming.js';

export default defineRule<'noRequest'>({
  id: 'hpa-target-without-requests',
  meta: {
    description: 'A utilization target needs a request for that resource on every container of the scaled pods',
    formats: ['kubernetes'],
    severity: 'warning',
    recommended: true,
    category: 'reliability',
    sources: [],
    messages: {
      noRequest:
        'This autoscaler targets {{resource}} utilization, but container "{{container}}" of {{kind}} "{{name}}" requests no {{resource}}, so utilization cannot be computed and the HPA never scales ("missing request for {{resource}}"); set resources.requests.{{resource}} on every container.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      Project({ kubernetes: k }) {
        for (const h of k.hpas) {
          if (!h.target || h.utilization.length === 0) continue;
          const w = k.workload(h.target.kind.value, h.object.namespace, h.target.name.value);
          if (!w) continue;
          for (const metric of h.utilization) {
            const missing = w.pod.containers.find((c) => c.role === 'container' && !c.requests.has(metric.value) && !c.limits.has(metric.value));
            if (!missing) continue;
            ctx.report({
              messageId: 'noRequest',
              node: metric.at,
              data: { resource: metric.value, container: missing.name, kind: w.kind, name: w.object.name },
              related: [{ node: missing.resourcesAt, message: `The container without a ${metric.value} request, in ${w.object.file.path}.` }, relatedObject(w.object, 'The scaled workload')],
            });
          }
        }
      },
    };
  },
});
