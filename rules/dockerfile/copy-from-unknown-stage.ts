import { defineRule } from '../../src/core/rule.js';
import type { Span } from '../../src/core/types.js';
import type { CopyInstruction, RunInstruction } from '../../src/parse/dockerfile/ast.js';
import { resolveFrom } from '../../src/model/dockerfile-query.js';

export default defineRule({
  id: 'copy-from-unknown-stage',
  meta: {
    description: 'COPY --from (and RUN --mount from=) should name an earlier stage or a tagged image',
    formats: ['dockerfile'],
    severity: 'warning',
    recommended: true,
    category: 'correctness',
    sources: [{ tool: 'hadolint', id: 'DL3022' }],
    messages: {
      unknown:
        '"{{from}}" is not a stage of this Dockerfile, so it will be pulled as the image "{{from}}:latest" (or must be given as a build context). Check the stage name, or give the image a tag.',
      later:
        '"{{from}}" is a stage defined later in the file; BuildKit accepts it but the classic builder does not, and it is hard to follow. Move that stage before this one.',
    },
    fixable: false,
  },
  create(ctx) {
    const check = (stageIndex: number, value: string, span: Span) => {
      const dockerfile = ctx.file.dockerfile;
      // An empty --from= is a syntax problem, not a stage name.
      if (!dockerfile || stageIndex < 0 || value.trim() === '') return;
      const target = resolveFrom(value, dockerfile);
      if (target.kind === 'unknown') ctx.report({ messageId: 'unknown', span, data: { from: value } });
      else if (target.kind === 'stage' && target.stage.index > stageIndex) ctx.report({ messageId: 'later', span, data: { from: value } });
    };
    return {
      'DockerfileInstruction:COPY'(ins: CopyInstruction) {
        if (ins.parentOnbuild || !ins.from?.value) return;
        check(ins.stageIndex, ins.from.value.value, ins.from.value.span);
      },
      'DockerfileInstruction:RUN'(ins: RunInstruction) {
        if (ins.parentOnbuild) return;
        for (const mount of ins.mounts) {
          const from = mount.options.from;
          if (from) check(ins.stageIndex, from, mount.span);
        }
      },
    };
  },
});
