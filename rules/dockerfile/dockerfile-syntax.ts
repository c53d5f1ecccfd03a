import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  id: 'dockerfile-syntax',
  meta: {
    description: 'The Dockerfile must parse the way BuildKit reads it',
    formats: ['dockerfile'],
    severity: 'error',
    recommended: true,
    category: 'correctness',
    sources: [{ tool: 'hadolint', id: 'DL1000' }],
    messages: { syntax: '{{message}}' },
    fixable: false,
  },
  create(ctx) {
    return {
      Dockerfile(dockerfile) {
        for (const error of dockerfile.errors) ctx.report({ messageId: 'syntax', data: { message: error.message }, span: error.span });
      },
    };
  },
});
