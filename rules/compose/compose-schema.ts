import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  id: 'compose-schema',
  meta: {
    description: 'Compose files must match the compose-spec schema',
    formats: ['compose'],
    severity: 'error',
    recommended: true,
    category: 'correctness',
    sources: [
      { tool: 'compose', id: 'schema' },
      { tool: 'dclint', id: 'invalid-schema' },
    ],
    messages: { schema: 'Compose rejects this: {{message}}.' },
    fixable: false,
  },
  create(ctx) {
    return {
      ComposeFile(file) {
        for (const problem of file.schemaProblems()) ctx.report({ messageId: 'schema', node: problem.node, data: { message: problem.message } });
      },
    };
  },
});
