import { defineRule } from '../../src/core/rule.js';
import type { FromInstruction } from '../../src/parse/dockerfile/ast.js';
import { expandWithDefaults } from '../../src/model/dockerfile-query.js';

/** Shapes no image reference (or stage name) can have. */
function invalidReference(ref: string): boolean {
  return ref.trim() === '' || /\s/.test(ref) || /(^[:@/]|[:@/]$|\/\/|::|:@)/.test(ref);
}

export default defineRule({
  id: 'invalid-default-arg-in-from',
  meta: {
    description: 'With the default values of its ARGs, a FROM image must be a valid reference',
    formats: ['dockerfile'],
    severity: 'warning',
    recommended: true,
    category: 'correctness',
    sources: [{ tool: 'buildkit', id: 'InvalidDefaultArgInFrom' }],
    messages: {
      invalid:
        'With the default ARG values, the image "{{image}}" becomes "{{expanded}}", which is not a valid image reference; the build fails unless a --build-arg is given. Give the ARG a working default.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      'DockerfileInstruction:FROM'(ins: FromInstruction) {
        const dockerfile = ctx.file.dockerfile;
        const image = ins.image;
        if (!dockerfile || !image || !image.raw.includes('$')) return;
        const expanded = expandWithDefaults(image.raw, dockerfile);
        if (expanded === undefined || !invalidReference(expanded)) return;
        ctx.report({ messageId: 'invalid', node: image, data: { image: image.raw, expanded } });
      },
    };
  },
});
