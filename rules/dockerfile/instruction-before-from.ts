import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  id: 'instruction-before-from',
  meta: {
    description: 'Only ARG (and comments and parser directives) may come before the first FROM',
    formats: ['dockerfile'],
    severity: 'error',
    recommended: true,
    category: 'correctness',
    sources: [{ tool: 'hadolint', id: 'DL3061' }],
    messages: {
      beforeFrom: '{{keyword}} comes before the first FROM; only ARG may. Move it into a stage.',
      noFrom: 'This Dockerfile has no FROM: every build stage starts with FROM <image>.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      Dockerfile(dockerfile) {
        const before = dockerfile.instructions.filter((i) => i.stageIndex < 0 && i.keyword !== 'ARG');
        if (dockerfile.stages.length === 0) {
          const first = dockerfile.instructions[0];
          if (first) ctx.report({ messageId: 'noFrom', span: first.keywordSpan });
          return;
        }
        for (const ins of before) ctx.report({ messageId: 'beforeFrom', span: ins.keywordSpan, data: { keyword: ins.keyword } });
      },
    };
  },
});
