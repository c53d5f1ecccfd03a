import { defineRule } from '../../src/core/rule.js';
import type { FromInstruction } from '../../src/parse/dockerfile/ast.js';

export default defineRule({
  id: 'redundant-target-platform',
  meta: {
    description: 'FROM --platform=$TARGETPLATFORM is the default and can be removed',
    formats: ['dockerfile'],
    severity: 'info',
    recommended: true,
    category: 'style',
    sources: [{ tool: 'buildkit', id: 'RedundantTargetPlatform' }],
    messages: {
      redundant: 'Setting --platform to {{value}} is redundant: stages are built for the target platform by default. Remove the flag.',
    },
    fixable: 'safe',
  },
  create(ctx) {
    return {
      'DockerfileInstruction:FROM'(ins: FromInstruction) {
        const flag = ins.platform;
        if (!flag?.value || !/^(["']?)(\$TARGETPLATFORM|\$\{TARGETPLATFORM\})\1$/.test(flag.value.raw)) return;
        // Remove the flag and the blanks after it.
        let end = flag.span.end;
        while (end < ctx.file.text.length && /[ \t]/.test(ctx.file.text[end]!)) end++;
        ctx.report({
          messageId: 'redundant',
          node: flag,
          data: { value: flag.value.raw },
          fix: { edits: [{ span: { start: flag.span.start, end }, text: '' }] },
        });
      },
    };
  },
});
