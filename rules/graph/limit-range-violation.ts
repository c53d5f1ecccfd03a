import { defineRule } from '../../src/core/rule.js';
import { admitAll } from '../../src/model/graph/kubernetes/admission.js';
import '../../src/model/graph/kubernetes/part.js';

export default defineRule<'max' | 'min'>({
  id: 'limit-range-violation',
  meta: {
    description: "Containers should stay within their namespace's LimitRange min and max",
    formats: ['kubernetes'],
    severity: 'error',
    recommended: true,
    category: 'correctness',
    sources: [],
    messages: {
      max: 'The {{resource}} limit of container "{{container}}" ({{value}}, after LimitRange defaults) is above the LimitRange maximum {{bound}}, so its pods are refused: 403 Forbidden, "maximum {{resource}} usage per Container is {{bound}}, but limit is {{value}}". Lower the limit.',
      min: 'The {{resource}} request of container "{{container}}" ({{value}}, after LimitRange defaults) is below the LimitRange minimum {{bound}}, so its pods are refused: 403 Forbidden, "minimum {{resource}} usage per Container is {{bound}}, but request is {{value}}". Raise the request.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      Project({ kubernetes: k }) {
        for (const admission of admitAll(k)) {
          for (const r of admission.rejections) {
            if (r.kind !== 'limit-range') continue;
            ctx.report({
              messageId: r.bound,
              node: r.at,
              data: { resource: r.resource, container: r.container, value: r.value, bound: r.limit },
              related: [{ node: r.boundAt, message: `The LimitRange ${r.bound}.` }],
            });
          }
        }
      },
    };
  },
});
