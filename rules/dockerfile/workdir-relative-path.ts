import { defineRule } from '../../src/core/rule.js';
import type { WorkdirInstruction } from '../../src/parse/dockerfile/ast.js';
import { hasBefore, hasUnresolvedVariable, isAbsolutePath, rootedInScratch } from '../../src/model/dockerfile-query.js';

export default defineRule({
  id: 'workdir-relative-path',
  meta: {
    description: 'WORKDIR should be an absolute path unless an absolute WORKDIR was set before it',
    formats: ['dockerfile'],
    severity: 'warning',
    recommended: true,
    category: 'reliability',
    sources: [
      { tool: 'hadolint', id: 'DL3000' },
      { tool: 'buildkit', id: 'WorkdirRelativePath' },
    ],
    messages: {
      relative:
        'Relative WORKDIR "{{path}}" is resolved against the base image\'s working directory, which may change; use an absolute path.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      'DockerfileInstruction:WORKDIR'(ins: WorkdirInstruction) {
        const dockerfile = ctx.file.dockerfile;
        if (!dockerfile || ins.parentOnbuild || !ins.path) return;
        const path = ins.pathExpanded ?? ins.path.value;
        // A variable that cannot be resolved here (e.g. $HOME from the image) may well be absolute.
        if (isAbsolutePath(path) || hasUnresolvedVariable(path)) return;
        // `WORKDIR .` changes nothing.
        if (/^\.\/?$/.test(path)) return;
        const stage = dockerfile.stages[ins.stageIndex];
        if (!stage || rootedInScratch(stage, dockerfile)) return;
        // As in BuildKit: once the build set a WORKDIR, a relative one is relative to a known directory.
        if (hasBefore(stage, dockerfile, ins, 'WORKDIR')) return;
        ctx.report({ messageId: 'relative', node: ins.path, data: { path: ins.path.value } });
      },
    };
  },
});
