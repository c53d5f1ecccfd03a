import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  id: 'multiple-healthcheck',
  meta: {
    description: 'A stage should have at most one HEALTHCHECK; only the last one takes effect',
    formats: ['dockerfile'],
    severity: 'warning',
    recommended: true,
    category: 'correctness',
    sources: [
      { tool: 'hadolint', id: 'DL3012' },
      { tool: 'buildkit', id: 'MultipleInstructionsDisallowed' },
    ],
    messages: {
      overridden: 'This HEALTHCHECK has no effect: the HEALTHCHECK on line {{line}} replaces it. Remove one of them.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      DockerfileStage(stage) {
        // ONBUILD triggers are not in stage.instructions: they belong to another build.
        const all = stage.instructions.filter((i) => i.keyword === 'HEALTHCHECK');
        const last = all.at(-1);
        if (!last) return;
        const line = ctx.file.source.positionAt(last.span.start).line + 1;
        for (const ins of all.slice(0, -1)) {
          // Like BuildKit, report the instruction that is ignored.
          ctx.report({
            messageId: 'overridden',
            span: ins.keywordSpan,
            data: { line },
            related: [{ span: last.keywordSpan, message: 'The HEALTHCHECK that takes effect' }],
          });
        }
      },
    };
  },
});
