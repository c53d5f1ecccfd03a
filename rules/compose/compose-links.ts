import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  id: 'compose-links',
  meta: {
    description: '`links` is a legacy feature; services on a network reach each other by name',
    formats: ['compose'],
    severity: 'info',
    recommended: true,
    category: 'style',
    sources: [],
    messages: {
      legacy: 'Service "{{service}}" uses `links`, a legacy feature: services on a common network reach each other by service name already. Remove it (use depends_on for start order and network aliases for other names).',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      ComposeService(service) {
        const links = service.tree.entries.get('links');
        if (links) ctx.report({ messageId: 'legacy', node: links.key, data: { service: service.name } });
      },
    };
  },
});
