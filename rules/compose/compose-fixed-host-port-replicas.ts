import { defineRule } from '../../src/core/rule.js';
import { hostPorts, replicasOf } from '../../src/model/compose/query.js';

export default defineRule({
  id: 'compose-fixed-host-port-replicas',
  meta: {
    description: 'A service with several replicas cannot publish a fixed host port',
    formats: ['compose'],
    severity: 'error',
    recommended: true,
    category: 'correctness',
    sources: [],
    messages: {
      fixed: 'Service "{{service}}" runs {{replicas}} replicas but publishes the fixed host port {{port}}: only the first replica can bind it. Publish a range ("{{port}}-{{last}}:{{target}}"), let Docker choose ("{{target}}"), or put a proxy in front.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      ComposeService(service) {
        const replicas = replicasOf(service);
        if (replicas <= 1) return;
        for (const port of service.ports) {
          const range = hostPorts(port);
          if (!range || port.target === undefined) continue;
          if (range[1] - range[0] + 1 >= replicas * (port.targetEnd! - port.target + 1)) continue;
          ctx.report({ messageId: 'fixed', node: port.node, data: { service: service.name, replicas, port: range[0], last: range[0] + replicas - 1, target: port.target } });
        }
      },
    };
  },
});
