import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  id: 'compose-host-pid',
  meta: {
    description: 'The service should not share the host\'s process namespace',
    formats: ['compose'],
    severity: 'warning',
    recommended: true,
    category: 'security',
    sources: [{ tool: 'kics', id: '4f31dd9f-2cc3-4751-9b53-67e4af83dac0' }],
    messages: {
      host: 'Service "{{service}}" shares the host\'s process namespace (pid: host): it can see and signal every process on the host; remove `pid: host` unless it is a host monitoring tool.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      ComposeService(service) {
        const value = service.pid;
        if (value?.value === 'host') ctx.report({ messageId: 'host', node: value.node, data: { service: service.name } });
      },
    };
  },
});
