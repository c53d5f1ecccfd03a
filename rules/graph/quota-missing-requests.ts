import { defineRule } from '../../src/core/rule.js';
import { admitAll } from '../../src/model/graph/kubernetes/admission.js';
import '../../src/model/graph/kubernetes/part.js';
import { relatedObject } from '../../src/model/graph/kubernetes/naming.js';

export default defineRule<'missing'>({
  id: 'quota-missing-requests',
  meta: {
    description: 'In a namespace with a ResourceQuota on compute resources, every container must request (or limit) them',
    formats: ['kubernetes'],
    severity: 'error',
    recommended: true,
    category: 'correctness',
    sources: [],
    messages: {
      missing:
        'ResourceQuota "{{quota}}" constrains {{resources}}, and after the LimitRange defaults container "{{container}}" still sets none, so the API server refuses its pods: 403 Forbidden, "failed quota: {{quota}}: must specify {{resources}}". The {{kind}} is created but never gets a pod; set them in resources (or add a LimitRange default).',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      Project({ kubernetes: k }) {
        for (const admission of admitAll(k)) {
          for (const r of admission.rejections) {
            if (r.kind !== 'quota-missing') continue;
            for (const container of new Set(r.missing.map((m) => m.container))) {
              const c = r.workload.pod.containers.find((x) => x.name === container);
              if (!c) continue;
              const resources = r.missing.filter((m) => m.container === container).map((m) => m.resource).join(', ');
              ctx.report({
                messageId: 'missing',
                node: c.resourcesAt,
                data: { quota: r.quota.object.name, resources, container, kind: r.workload.kind },
                related: [relatedObject(r.quota.object, 'The quota')],
              });
            }
          }
        }
      },
    };
  },
});
