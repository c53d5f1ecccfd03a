import { defineRule } from '../../src/core/rule.js';
import { neededStages } from '../../src/model/graph/dockerfile.js';

export default defineRule<'unused' | 'onlyUnused'>({
  id: 'unused-stage',
  meta: {
    description: 'Every Dockerfile stage should be needed to build the final stage or a target something builds',
    formats: ['dockerfile'],
    severity: 'info',
    recommended: false,
    category: 'efficiency',
    sources: [],
    messages: {
      unused:
        'Stage "{{stage}}" is not the final stage, no stage is built FROM it or copies from it, and no compose file builds it as a target, so BuildKit skips it. Remove it, or build it with --target if that is its purpose.',
      onlyUnused:
        'Stage "{{stage}}" is only used by stages that are themselves never built, so BuildKit skips it. Remove it with them, or build them with --target.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      Project(graph) {
        for (const model of graph.dockerfiles.models) {
          if (!model.linted || model.stages.length < 2) continue;
          const needed = neededStages(model);
          const referenced = new Set<number>();
          for (const stage of model.stages) {
            if (stage.base.kind === 'stage') referenced.add(stage.base.index);
            for (const use of stage.uses) if (use.source.kind === 'stage') referenced.add(use.source.index);
          }
          for (const stage of model.stages) {
            if (needed.has(stage.index)) continue;
            const name = stage.name ?? String(stage.index);
            ctx.report({ messageId: referenced.has(stage.index) ? 'onlyUnused' : 'unused', node: stage.anchor, data: { stage: name } });
          }
        }
      },
    };
  },
});
