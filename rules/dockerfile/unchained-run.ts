import { defineRule } from '../../src/core/rule.js';
import type { Instruction, RunInstruction } from '../../src/parse/dockerfile/ast.js';

/** RUNs with different mounts, network or security modes cannot be merged. */
function flagsKey(run: RunInstruction): string {
  return run.flags
    .map((f) => `${f.name}=${f.value?.value ?? ''}`)
    .sort()
    .join(' ');
}

export default defineRule({
  id: 'unchained-run',
  meta: {
    description: 'Consecutive RUN instructions should be combined into one',
    formats: ['dockerfile'],
    severity: 'info',
    recommended: true,
    category: 'efficiency',
    sources: [{ tool: 'hadolint', id: 'DL3059' }],
    messages: {
      consecutive: 'This RUN follows another RUN; chain them with `&&` (or a heredoc) to make one layer.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      DockerfileStage(stage) {
        let previous: Instruction | undefined;
        for (const ins of stage.instructions) {
          if (ins.keyword === 'RUN' && previous?.keyword === 'RUN') {
            const run = ins as RunInstruction;
            const prev = previous as RunInstruction;
            if (run.form !== 'json' && prev.form !== 'json' && flagsKey(run) === flagsKey(prev)) {
              ctx.report({ messageId: 'consecutive', span: run.keywordSpan });
            }
          }
          previous = ins;
        }
      },
    };
  },
});
