import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  id: 'compose-network-mode-conflict',
  meta: {
    description: '`network_mode` and `networks` cannot be used together',
    formats: ['compose'],
    severity: 'error',
    recommended: true,
    category: 'correctness',
    sources: [{ tool: 'compose', id: 'network-mode-and-networks' }],
    messages: {
      conflict: 'Service "{{service}}" sets network_mode "{{mode}}" and `networks:`, which Compose rejects as mutually exclusive; keep one of them.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      ComposeService(service) {
        if (!service.networkMode || !service.networksNode) return;
        ctx.report({ messageId: 'conflict', node: service.networksNode, data: { service: service.name, mode: service.networkMode.value } });
      },
    };
  },
});
