import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  id: 'compose-replicas-container-name',
  meta: {
    description: 'A service with `container_name` cannot run more than one replica',
    formats: ['compose'],
    severity: 'error',
    recommended: true,
    category: 'correctness',
    sources: [{ tool: 'compose', id: 'container-name-replicas' }],
    messages: {
      conflict: 'Service "{{service}}" sets container_name "{{name}}" and {{replicas}} replicas, but container names are unique; remove `container_name` or run one replica.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      ComposeService(service) {
        if (!service.containerName || !service.replicas || service.replicas.value <= 1) return;
        ctx.report({ messageId: 'conflict', node: service.containerName.node, data: { service: service.name, name: service.containerName.value, replicas: service.replicas.value } });
      },
    };
  },
});
