import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  id: 'compose-required-variable',
  meta: {
    description: 'Variables marked required (${VAR:?message}) must have a value',
    formats: ['compose'],
    severity: 'error',
    recommended: true,
    category: 'correctness',
    sources: [{ tool: 'compose', id: 'required-variable' }],
    messages: {
      required: 'Required variable "{{name}}" has no value{{detail}}, so Compose stops; set it in .env or pass --env-file.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      ComposeFile(file) {
        for (const v of file.variables) {
          if (v.problem.kind !== 'required') continue;
          const detail = v.problem.message ? ` ("${v.problem.message}")` : '';
          ctx.report({ messageId: 'required', node: { span: v.span, ...(v.node.file ? { file: v.node.file } : {}) }, data: { name: v.problem.name, detail } });
        }
      },
    };
  },
});
