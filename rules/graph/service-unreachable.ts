import { defineRule } from '../../src/core/rule.js';
import '../../src/model/graph/kubernetes/part.js';
import { relatedObject } from '../../src/model/graph/kubernetes/naming.js';
import { anythingAdmitted, policiesOf } from '../../src/model/graph/kubernetes/network.js';
import { resolveTargetPort } from '../../src/model/graph/kubernetes/ports.js';

export default defineRule<'isolated'>({
  id: 'service-unreachable',
  meta: {
    description: 'The NetworkPolicies should let some client reach each port of a Service',
    formats: ['kubernetes'],
    severity: 'warning',
    recommended: true,
    category: 'correctness',
    sources: [],
    messages: {
      isolated:
        'Service port {{port}} sends to port {{target}} of {{workload}}, but the NetworkPolicies selecting those pods ({{policies}}) allow no ingress on that port, so nothing can reach it; add an ingress rule for port {{target}}.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      Project({ kubernetes: k }) {
        if (k.networkPolicies.length === 0) return;
        for (const s of k.services) {
          for (const w of k.serviceSelects(s)) {
            const ingress = policiesOf(k, w).ingress;
            if (ingress.length === 0) continue;
            for (const port of s.ports) {
              const target = resolveTargetPort(port, w);
              if (target === undefined || anythingAdmitted(k, w, { port: target, protocol: port.protocol })) continue;
              ctx.report({
                messageId: 'isolated',
                node: port.at,
                data: { port: port.port, target, workload: `${w.kind} "${w.object.name}"`, policies: ingress.map((np) => np.object.name).join(', ') },
                related: ingress.map((np) => relatedObject(np.object, 'A policy isolating the pods')),
              });
            }
          }
        }
      },
    };
  },
});
