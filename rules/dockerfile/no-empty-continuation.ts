import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  id: 'no-empty-continuation',
  meta: {
    description: 'A continued instruction should not contain empty lines',
    formats: ['dockerfile'],
    severity: 'warning',
    recommended: true,
    category: 'correctness',
    sources: [{ tool: 'buildkit', id: 'NoEmptyContinuation' }],
    messages: {
      empty:
        'Empty line inside a continued instruction: Docker ignores it today, but it will become an error, and it hides where the instruction ends. Remove it (or end the instruction before it).',
    },
    fixable: 'safe',
  },
  create(ctx) {
    return {
      Dockerfile(dockerfile) {
        const text = ctx.file.text;
        for (const line of dockerfile.emptyContinuationLines ?? []) {
          const newline = text.indexOf('\n', line.end);
          const end = newline < 0 ? text.length : newline + 1;
          ctx.report({ messageId: 'empty', span: line, fix: { edits: [{ span: { start: line.start, end }, text: '' }] } });
        }
      },
    };
  },
});
