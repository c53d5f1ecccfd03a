import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  id: 'yaml-tab-indentation',
  meta: {
    description: 'YAML must be indented with spaces, not tabs',
    formats: ['compose', 'kubernetes'],
    severity: 'error',
    recommended: true,
    category: 'correctness',
    sources: [],
    messages: { tab: 'Tabs are not allowed for indentation in YAML; indent with spaces.' },
    fixable: false,
  },
  create(ctx) {
    return {
      YamlDocument(document) {
        for (const error of document.errors) if (error.code === 'TAB_AS_INDENT') ctx.report({ messageId: 'tab', span: error.span });
      },
    };
  },
});
