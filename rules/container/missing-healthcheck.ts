import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  id: 'missing-healthcheck',
  meta: {
    description: 'Images and compose services should define a health check',
    formats: ['dockerfile', 'compose'],
    severity: 'info',
    recommended: false,
    category: 'reliability',
    sources: [
      { tool: 'checkov', id: 'CKV_DOCKER_2' },
      { tool: 'trivy', id: 'DS026' },
      { tool: 'kics', id: '698ed579-b239-4f8f-a388-baa4bcb13ef8' },
    ],
    messages: {
      missing:
        'No health check: Docker cannot tell a hung container from a healthy one, and `depends_on: condition: service_healthy` cannot wait for it. Add HEALTHCHECK CMD … (or `healthcheck:` in compose), or HEALTHCHECK NONE to say it is deliberate.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      Container(c) {
        // Only the image a Dockerfile produces runs; builder stages never do.
        if (c.origin.format === 'dockerfile' && !c.origin.isFinalStage) return;
        // An explicit `HEALTHCHECK NONE` / `disable: true` is a decision, not an omission.
        if (c.healthcheck) return;
        ctx.report({ messageId: 'missing', node: c.node });
      },
    };
  },
});
