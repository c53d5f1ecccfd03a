import { defineRule } from '../../src/core/rule.js';
import type { FromInstruction } from '../../src/parse/dockerfile/ast.js';

export default defineRule({
  id: 'from-as-casing',
  meta: {
    description: "The AS keyword should have the same casing as FROM",
    formats: ['dockerfile'],
    severity: 'info',
    recommended: true,
    category: 'style',
    sources: [{ tool: 'buildkit', id: 'FromAsCasing' }],
    messages: { casing: '"{{as}}" does not match the casing of "{{from}}": write "{{fixed}}".' },
    fixable: 'safe',
  },
  create(ctx) {
    return {
      'DockerfileInstruction:FROM'(ins: FromInstruction) {
        const as = ins.asKeyword;
        if (!as || as.raw.toLowerCase() !== 'as') return;
        const from = ins.keywordText;
        // As BuildKit: only an all-upper or all-lower FROM sets the expected casing.
        let fixed: string | undefined;
        if (from === from.toUpperCase() && as.raw !== 'AS') fixed = 'AS';
        else if (from === from.toLowerCase() && as.raw !== 'as') fixed = 'as';
        if (!fixed) return;
        ctx.report({ messageId: 'casing', node: as, data: { as: as.raw, from, fixed }, fix: { edits: [{ span: as.span, text: fixed }] } });
      },
    };
  },
});
