import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  id: 'host-port',
  meta: {
    description: 'Containers should not bind ports on the node (hostPort)',
    formats: ['kubernetes'],
    severity: 'warning',
    recommended: true,
    category: 'security',
    sources: [
      { tool: 'polaris', id: 'hostPortSet' },
      { tool: 'checkov', id: 'CKV_K8S_26' },
      { tool: 'trivy', id: 'KSV024' },
    ],
    messages: {
      hostPort:
        'Container "{{name}}" binds port {{port}} on the node: it bypasses Services and NetworkPolicies, and only one such pod fits on each node; remove hostPort and expose it through a Service.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      Container(c) {
        if (c.origin.format !== 'kubernetes') return;
        for (const port of c.ports) {
          if (!port.hostPort) continue;
          ctx.report({ messageId: 'hostPort', node: port.node, path: ['hostPort'], data: { name: c.origin.name, port: port.hostPort } });
        }
      },
    };
  },
});
