import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  id: 'yaml-duplicate-key',
  meta: {
    description: 'A YAML mapping must not repeat a key',
    formats: ['compose', 'kubernetes'],
    severity: 'error',
    recommended: true,
    category: 'correctness',
    sources: [{ tool: 'kubeconform', id: 'duplicate-key' }],
    messages: { duplicate: 'This key is already defined in the same mapping; remove one or rename it.' },
    fixable: false,
  },
  create(ctx) {
    return {
      YamlDocument(document) {
        for (const error of document.errors) {
          if (error.code === 'DUPLICATE_KEY') ctx.report({ messageId: 'duplicate', span: error.span });
        }
      },
    };
  },
});
