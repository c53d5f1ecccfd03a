import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  id: 'compose-host-ipc',
  meta: {
    description: 'The service should not share the host\'s IPC namespace',
    formats: ['compose'],
    severity: 'warning',
    recommended: true,
    category: 'security',
    sources: [{ tool: 'kics', id: 'baa3890f-bed7-46f5-ab8f-1da8fc91c729' }],
    messages: {
      host: 'Service "{{service}}" shares the host\'s IPC namespace (ipc: host): it can read the host\'s shared memory; remove `ipc: host` or use `ipc: shareable` between services.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      ComposeService(service) {
        const value = service.ipc;
        if (value?.value === 'host') ctx.report({ messageId: 'host', node: value.node, data: { service: service.name } });
      },
    };
  },
});
