import { defineRule } from '../../src/core/rule.js';
import type { Stage } from '../../src/parse/dockerfile/ast.js';

export default defineRule({
  id: 'duplicate-stage-name',
  meta: {
    description: 'Stage names must be unique (case-insensitively)',
    formats: ['dockerfile'],
    severity: 'error',
    recommended: true,
    category: 'correctness',
    sources: [
      { tool: 'hadolint', id: 'DL3024' },
      { tool: 'buildkit', id: 'DuplicateStageName' },
    ],
    messages: {
      duplicate: 'The stage name "{{name}}" is already used on line {{line}}; references to it are ambiguous. Rename one of the stages.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      Dockerfile(dockerfile) {
        const first = new Map<string, Stage>();
        for (const stage of dockerfile.stages) {
          const nameNode = stage.from.stageName;
          if (!stage.name || !nameNode) continue;
          const previous = first.get(stage.name);
          if (!previous) {
            first.set(stage.name, stage);
            continue;
          }
          const previousNode = previous.from.stageName!;
          ctx.report({
            messageId: 'duplicate',
            node: nameNode,
            data: { name: nameNode.value, line: ctx.file.source.positionAt(previousNode.span.start).line + 1 },
            related: [{ node: previousNode, message: 'First stage with this name' }],
          });
        }
      },
    };
  },
});
