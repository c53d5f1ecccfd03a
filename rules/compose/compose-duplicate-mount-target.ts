import { defineRule } from '../../src/core/rule.js';
import type { ComposeMount } from '../../src/model/compose/types.js';

export default defineRule({
  id: 'compose-duplicate-mount-target',
  meta: {
    description: 'Two mounts of one service cannot use the same container path',
    formats: ['compose'],
    severity: 'error',
    recommended: true,
    category: 'correctness',
    sources: [{ tool: 'compose', id: 'duplicate-mount-point' }],
    messages: {
      duplicate: 'Service "{{service}}" mounts two things at "{{target}}"; Docker refuses to create the container ("Duplicate mount point"). Keep one mount per container path.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      ComposeService(service) {
        const seen = new Map<string, ComposeMount>();
        for (const m of service.mounts) {
          const target = m.target?.value.replace(/\/+$/, '');
          if (!target) continue;
          if (seen.has(target)) ctx.report({ messageId: 'duplicate', node: m.target!.node, data: { service: service.name, target } });
          else seen.set(target, m);
        }
      },
    };
  },
});
