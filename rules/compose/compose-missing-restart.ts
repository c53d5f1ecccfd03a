import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  id: 'compose-missing-restart',
  meta: {
    description: 'Long-running services should say what happens when they stop (`restart:`)',
    formats: ['compose'],
    severity: 'info',
    recommended: false,
    category: 'reliability',
    sources: [],
    messages: {
      missing: 'Service "{{service}}" has no restart policy, so a crash or a reboot leaves it stopped; add `restart: unless-stopped` (or `restart: "no"` to make the choice explicit).',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      ComposeService(service) {
        if (service.restart || service.restartPolicy) return;
        ctx.report({ messageId: 'missing', node: service.key, data: { service: service.name } });
      },
    };
  },
});
