import { defineRule } from '../../src/core/rule.js';
import type { EnvInstruction, Stage } from '../../src/parse/dockerfile/ast.js';
import { stageLineage } from '../../src/model/dockerfile-query.js';

export default defineRule({
  id: 'debian-frontend-env',
  meta: {
    description: 'Set DEBIAN_FRONTEND with ARG (or per RUN), not ENV, so it does not persist in the image',
    formats: ['dockerfile'],
    severity: 'warning',
    recommended: true,
    category: 'reliability',
    sources: [],
    messages: {
      env: 'ENV DEBIAN_FRONTEND stays set in the image, so `apt-get` and `debconf` in running containers silently skip their questions too. Use ARG DEBIAN_FRONTEND=noninteractive, or set it on the RUN line.',
    },
    fixable: 'unsafe',
  },
  create(ctx) {
    return {
      Dockerfile(dockerfile) {
        const final = dockerfile.stages.at(-1);
        if (!final) return;
        // Only the stages the image is made of matter: a builder stage's ENV does not reach it.
        const image: Stage[] = stageLineage(final, dockerfile);
        const envs = image.flatMap((s) => s.instructions).filter((i): i is EnvInstruction => i.keyword === 'ENV');
        const setting = envs.filter((e) => e.pairs.some((p) => p.key.value === 'DEBIAN_FRONTEND'));
        const last = setting.at(-1);
        if (!last) return;
        const pair = last.pairs.find((p) => p.key.value === 'DEBIAN_FRONTEND')!;
        // An ENV that resets it at the end (e.g. to "dialog" or empty) is deliberate.
        if (setting.length > 1 && pair.value?.value !== 'noninteractive') return;
        for (const ins of setting) {
          const p = ins.pairs.find((q) => q.key.value === 'DEBIAN_FRONTEND')!;
          let fix;
          if (ins.pairs.length === 1 && p.value && /^[\w.-]+$/.test(p.value.raw)) {
            const keyword = ins.keywordText === ins.keywordText.toLowerCase() ? 'arg' : 'ARG';
            const edits = [{ span: ins.keywordSpan, text: keyword }];
            if (ins.legacyForm) edits.push({ span: p.span, text: `DEBIAN_FRONTEND=${p.value.raw}` });
            // Unsafe: an ARG is not inherited by stages built FROM this one, an ENV is.
            fix = { edits };
          }
          ctx.report({ messageId: 'env', node: p.key, ...(fix ? { fix } : {}) });
        }
      },
    };
  },
});
