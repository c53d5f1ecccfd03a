import { defineRule } from '../../src/core/rule.js';

/** Problems with their own rules (duplicate keys, tab indentation) are left to those rules. */
const OWN_RULES = new Set(['DUPLICATE_KEY', 'TAB_AS_INDENT']);

export default defineRule({
  id: 'yaml-syntax',
  meta: {
    description: 'YAML documents must parse',
    formats: ['compose', 'kubernetes'],
    severity: 'error',
    recommended: true,
    category: 'correctness',
    sources: [{ tool: 'kubeconform', id: 'yaml-parse-error' }],
    messages: { syntax: 'YAML syntax error: {{message}}' },
    fixable: false,
  },
  create(ctx) {
    return {
      YamlDocument(document) {
        for (const error of document.errors) {
          if (OWN_RULES.has(error.code)) continue;
          ctx.report({ messageId: 'syntax', span: error.span, data: { message: error.message } });
        }
      },
    };
  },
});
