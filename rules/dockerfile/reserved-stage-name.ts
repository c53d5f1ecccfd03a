import { defineRule } from '../../src/core/rule.js';

/** Names BuildKit gives a meaning of its own: the empty image and the build context. */
const RESERVED = new Set(['scratch', 'context']);

export default defineRule({
  id: 'reserved-stage-name',
  meta: {
    description: 'Stages must not be named "scratch" or "context"',
    formats: ['dockerfile'],
    severity: 'warning',
    recommended: true,
    category: 'correctness',
    sources: [{ tool: 'buildkit', id: 'ReservedStageName' }],
    messages: {
      reserved: '"{{name}}" is a reserved name ({{meaning}}); name the stage something else.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      DockerfileStage(stage) {
        const node = stage.from.stageName;
        if (!stage.name || !node || !RESERVED.has(stage.name)) return;
        ctx.report({
          messageId: 'reserved',
          node,
          data: { name: node.value, meaning: stage.name === 'scratch' ? '`scratch` is the empty image' : '`context` is the build context' },
        });
      },
    };
  },
});
