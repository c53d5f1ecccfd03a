import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  id: 'compose-missing-image',
  meta: {
    description: 'Every service needs an `image` or a `build`',
    formats: ['compose'],
    severity: 'error',
    recommended: true,
    category: 'correctness',
    sources: [{ tool: 'compose', id: 'no-image-or-build' }],
    messages: {
      missing: 'Service "{{service}}" has neither `image` nor `build`, so Compose has nothing to run; add one (or, in an override file, make sure the base file defines the service).',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      ComposeService(service) {
        if (service.image || service.build || service.tree.entries.has('provider')) return;
        ctx.report({ messageId: 'missing', node: service.key, data: { service: service.name } });
      },
    };
  },
});
