import { defineRule } from '../../src/core/rule.js';
import { admitAll } from '../../src/model/graph/kubernetes/admission.js';
import '../../src/model/graph/kubernetes/part.js';
import { relatedObject } from '../../src/model/graph/kubernetes/naming.js';

export default defineRule<'exceeded'>({
  id: 'quota-exceeded',
  meta: {
    description: "The pods of a namespace (requests × replicas) should fit its ResourceQuota's hard limits",
    formats: ['kubernetes'],
    severity: 'error',
    recommended: true,
    category: 'correctness',
    sources: [],
    messages: {
      exceeded:
        'Only {{admitted}} of the {{replicas}} pods of this {{kind}} fit ResourceQuota "{{quota}}" once the pods before it are admitted; the others are refused with 403 Forbidden ("exceeded quota: {{quota}}, requested: {{requested}}, used: {{used}}, limited: {{limited}}"). Lower the requests or replicas, or raise the quota.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      Project({ kubernetes: k }) {
        for (const admission of admitAll(k)) {
          for (const r of admission.rejections) {
            if (r.kind !== 'quota-exceeded') continue;
            ctx.report({
              messageId: 'exceeded',
              node: r.workload.replicasAt ?? r.workload.object.at,
              data: { admitted: r.admitted, replicas: r.workload.replicas, kind: r.workload.kind, quota: r.quota.object.name, requested: r.requested, used: r.used, limited: r.limited },
              related: [{ node: r.quota.hard.get(r.resource)!.at, message: `The limit, in ResourceQuota "${r.quota.object.name}" (${r.quota.object.file.path}).` }, relatedObject(r.quota.object, 'The quota')],
            });
          }
        }
      },
    };
  },
});
