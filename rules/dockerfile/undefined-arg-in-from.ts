import { defineRule } from '../../src/core/rule.js';
import { closest } from '../../src/core/suggest.js';
import type { FromInstruction } from '../../src/parse/dockerfile/ast.js';
import { PLATFORM_ARGS } from '../../src/parse/dockerfile/parser.js';

export default defineRule({
  id: 'undefined-arg-in-from',
  meta: {
    description: 'Variables in FROM must be ARGs declared before the first FROM',
    formats: ['dockerfile'],
    severity: 'warning',
    recommended: true,
    category: 'correctness',
    sources: [{ tool: 'buildkit', id: 'UndefinedArgInFrom' }],
    messages: {
      undefined:
        '"${{name}}" is not declared as a global ARG, so it is always empty here (a --build-arg cannot set it). Declare "ARG {{name}}" before the first FROM.',
      suggest: '"${{name}}" is not declared as a global ARG (did you mean ${{suggestion}}?).',
      declaredInStage:
        '"${{name}}" is declared by an ARG inside a stage, which FROM lines cannot see. Move "ARG {{name}}" before the first FROM.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      'DockerfileInstruction:FROM'(ins: FromInstruction) {
        const dockerfile = ctx.file.dockerfile;
        if (!dockerfile) return;
        const globals = [...PLATFORM_ARGS, ...dockerfile.globalArgs.flatMap((a) => a.pairs.map((p) => p.key.value))];
        const inStages = new Set(
          dockerfile.stages.flatMap((s) => s.instructions).flatMap((i) => (i.keyword === 'ARG' ? (i as { pairs: { key: { value: string } }[] }).pairs.map((p) => p.key.value) : [])),
        );
        const seen = new Set<string>();
        for (const ref of ins.variables) {
          if (ref.defined !== false || seen.has(ref.name)) continue;
          seen.add(ref.name);
          const suggestion = closest(ref.name, globals);
          if (inStages.has(ref.name)) ctx.report({ messageId: 'declaredInStage', node: ref, data: { name: ref.name } });
          else if (suggestion) ctx.report({ messageId: 'suggest', node: ref, data: { name: ref.name, suggestion } });
          else ctx.report({ messageId: 'undefined', node: ref, data: { name: ref.name } });
        }
      },
    };
  },
});
