import { defineRule } from '../../src/core/rule.js';
import type { Span } from '../../src/core/types.js';
import type { CopyInstruction, RunInstruction } from '../../src/parse/dockerfile/ast.js';
import { resolveFrom } from '../../src/model/dockerfile-query.js';

export default defineRule({
  id: 'copy-from-own-stage',
  meta: {
    description: 'COPY --from cannot copy from the stage it is in',
    formats: ['dockerfile'],
    severity: 'error',
    recommended: true,
    category: 'correctness',
    sources: [{ tool: 'hadolint', id: 'DL3023' }],
    messages: {
      self: '"{{from}}" is the stage this instruction belongs to: a stage cannot copy from itself (BuildKit fails with a circular dependency). Copy within the stage with RUN cp, or name another stage.',
    },
    fixable: false,
  },
  create(ctx) {
    const check = (stageIndex: number, value: string, span: Span) => {
      const dockerfile = ctx.file.dockerfile;
      if (!dockerfile || stageIndex < 0) return;
      const target = resolveFrom(value, dockerfile);
      if (target.kind === 'stage' && target.stage.index === stageIndex) ctx.report({ messageId: 'self', span, data: { from: value } });
    };
    return {
      'DockerfileInstruction:COPY'(ins: CopyInstruction) {
        if (ins.parentOnbuild || !ins.from?.value) return;
        check(ins.stageIndex, ins.from.value.value, ins.from.value.span);
      },
      'DockerfileInstruction:RUN'(ins: RunInstruction) {
        if (ins.parentOnbuild) return;
        for (const mount of ins.mounts) if (mount.options.from) check(ins.stageIndex, mount.options.from, mount.span);
      },
    };
  },
});
