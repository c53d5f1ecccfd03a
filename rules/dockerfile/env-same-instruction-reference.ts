import { defineRule } from '../../src/core/rule.js';
import type { EnvInstruction } from '../../src/parse/dockerfile/ast.js';

export default defineRule({
  id: 'env-same-instruction-reference',
  meta: {
    description: 'An ENV value should not use a variable set earlier in the same ENV',
    formats: ['dockerfile'],
    severity: 'warning',
    recommended: true,
    category: 'correctness',
    sources: [{ tool: 'hadolint', id: 'DL3044' }],
    messages: {
      sameInstruction:
        '"${{name}}" is set earlier in this same ENV, but all values of one ENV are expanded before any is set, so this is the previous value of {{name}} (often empty). Move {{name}} to an ENV of its own before this one.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      'DockerfileInstruction:ENV'(ins: EnvInstruction) {
        if (ins.pairs.length < 2) return;
        ins.pairs.forEach((pair, i) => {
          const value = pair.value;
          if (!value) return;
          const earlier = new Set(ins.pairs.slice(0, i).map((p) => p.key.value));
          for (const ref of ins.variables) {
            if (ref.span.start < value.span.start || ref.span.end > value.span.end) continue;
            if (earlier.has(ref.name)) ctx.report({ messageId: 'sameInstruction', node: ref, data: { name: ref.name } });
          }
        });
      },
    };
  },
});
