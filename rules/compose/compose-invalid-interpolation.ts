import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  id: 'compose-invalid-interpolation',
  meta: {
    description: 'Variable references must be well formed (${NAME}, ${NAME:-default}, $$ for a literal $)',
    formats: ['compose'],
    severity: 'error',
    recommended: true,
    category: 'correctness',
    sources: [{ tool: 'compose', id: 'invalid-template' }],
    messages: {
      invalid:
        'Invalid variable reference "{{text}}": Compose rejects the file. Write ${NAME}, ${NAME:-default} or ${NAME:?message}, and $$ for a literal dollar sign.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      ComposeFile(file) {
        for (const v of file.variables) {
          if (v.problem.kind !== 'invalid') continue;
          const value = typeof v.node.value === 'string' ? v.node.value : '';
          const text = value.slice(v.problem.start, Math.min(v.problem.end, v.problem.start + 40));
          ctx.report({ messageId: 'invalid', node: { span: v.span, ...(v.node.file ? { file: v.node.file } : {}) }, data: { text } });
        }
      },
    };
  },
});
