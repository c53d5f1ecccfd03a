import { defineRule } from '../../src/core/rule.js';
import type { CopyInstruction } from '../../src/parse/dockerfile/ast.js';
import { hasBefore, hasUnresolvedVariable, isAbsolutePath, rootedInScratch } from '../../src/model/dockerfile-query.js';

export default defineRule({
  id: 'copy-relative-destination',
  meta: {
    description: 'COPY/ADD to a relative destination needs a WORKDIR set in the stage',
    formats: ['dockerfile'],
    severity: 'warning',
    recommended: true,
    category: 'reliability',
    sources: [{ tool: 'hadolint', id: 'DL3045' }],
    messages: {
      noWorkdir:
        '{{keyword}} to the relative destination "{{destination}}" without a WORKDIR: it lands in the base image\'s working directory, which may change. Set WORKDIR first or use an absolute path.',
    },
    fixable: false,
  },
  create(ctx) {
    const check = (ins: CopyInstruction) => {
      const dockerfile = ctx.file.dockerfile;
      const dest = ins.destination;
      if (!dockerfile || !dest || ins.parentOnbuild) return;
      if (isAbsolutePath(dest.value) || hasUnresolvedVariable(dest.value) || dest.raw.replace(/^["']/, '').startsWith('$')) return;
      const stage = dockerfile.stages[ins.stageIndex];
      if (!stage || rootedInScratch(stage, dockerfile)) return;
      if (hasBefore(stage, dockerfile, ins, 'WORKDIR')) return;
      ctx.report({ messageId: 'noWorkdir', node: dest, data: { keyword: ins.keyword, destination: dest.value } });
    };
    return { 'DockerfileInstruction:COPY': check, 'DockerfileInstruction:ADD': check };
  },
});
