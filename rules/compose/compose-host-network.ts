import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  id: 'compose-host-network',
  meta: {
    description: 'The service should not share the host network',
    formats: ['compose'],
    severity: 'warning',
    recommended: true,
    category: 'security',
    sources: [{ tool: 'kics', id: '071a71ff-f868-47a4-ac0b-3c59e4ab5443' }],
    messages: {
      host: 'Service "{{service}}" uses the host network (network_mode: host): it shares the host\'s interfaces and ports and bypasses network isolation; publish the ports it needs instead.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      ComposeService(service) {
        const value = service.networkMode;
        if (value?.value === 'host') ctx.report({ messageId: 'host', node: value.node, data: { service: service.name } });
      },
    };
  },
});
