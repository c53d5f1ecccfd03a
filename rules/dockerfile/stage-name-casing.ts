import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  id: 'stage-name-casing',
  meta: {
    description: 'Stage names should be lower case',
    formats: ['dockerfile'],
    severity: 'info',
    recommended: true,
    category: 'style',
    sources: [{ tool: 'buildkit', id: 'StageNameCasing' }],
    messages: { casing: 'Stage name "{{name}}" should be lower case: "{{fixed}}".' },
    fixable: 'safe',
  },
  create(ctx) {
    return {
      DockerfileStage(stage) {
        const node = stage.from.stageName;
        if (!node || node.raw === node.raw.toLowerCase()) return;
        const fixed = node.raw.toLowerCase();
        // Safe: stage references (FROM, --from, --target) are case-insensitive.
        ctx.report({ messageId: 'casing', node, data: { name: node.raw, fixed }, fix: { edits: [{ span: node.span, text: fixed }] } });
      },
    };
  },
});
