import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  id: 'compose-container-name',
  meta: {
    description: '`container_name` prevents scaling a service and running two copies of the project',
    formats: ['compose'],
    severity: 'info',
    recommended: false,
    category: 'reliability',
    sources: [],
    messages: {
      fixed: 'Service "{{service}}" sets container_name "{{name}}": it cannot be scaled past one container and a second copy of the project (another folder or -p name) clashes with it. Remove it unless something outside Compose needs the name.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      ComposeService(service) {
        if (!service.containerName) return;
        if (service.replicas && service.replicas.value > 1) return; // compose-replicas-container-name reports it
        ctx.report({ messageId: 'fixed', node: service.containerName.node, data: { service: service.name, name: service.containerName.value } });
      },
    };
  },
});
