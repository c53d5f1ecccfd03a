import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  id: 'compose-undefined-variable',
  meta: {
    description: 'Variables used in a compose file should have a value or a default',
    formats: ['compose'],
    severity: 'warning',
    recommended: true,
    category: 'correctness',
    sources: [{ tool: 'compose', id: 'variable-not-set' }],
    messages: {
      undefined:
        'Variable "{{name}}" is not set, so Compose substitutes an empty string{{where}}; define it in .env (or pass --env-file), or give a default: ${{{name}}:-value}.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      ComposeFile(file) {
        // Like Compose, once per variable (here: per file, at its first use).
        const uses = new Map<string, typeof file.variables>();
        for (const v of file.variables) {
          if (v.problem.kind !== 'undefined') continue;
          uses.set(v.problem.name, [...(uses.get(v.problem.name) ?? []), v]);
        }
        for (const [name, list] of uses) {
          const first = list[0]!;
          const where = list.length > 1 ? ` here and in ${list.length - 1} more place${list.length > 2 ? 's' : ''} of this file` : '';
          ctx.report({ messageId: 'undefined', node: { span: first.span, ...(first.node.file ? { file: first.node.file } : {}) }, data: { name, where } });
        }
      },
    };
  },
});
