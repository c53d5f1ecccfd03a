import { defineRule } from '../../src/core/rule.js';

/** A double-quoted LABEL value that reads back as `text` (LABEL expands `$`, MAINTAINER does not). */
function quoted(text: string, escapeChar: string): string {
  let out = '';
  for (const c of text) out += c === '"' || c === '$' || c === escapeChar ? escapeChar + c : c;
  return `"${out}"`;
}

export default defineRule({
  id: 'maintainer-deprecated',
  meta: {
    description: 'MAINTAINER is deprecated; name the author with a LABEL',
    formats: ['dockerfile'],
    severity: 'warning',
    recommended: true,
    category: 'style',
    sources: [
      { tool: 'hadolint', id: 'DL4000' },
      { tool: 'buildkit', id: 'MaintainerDeprecated' },
    ],
    messages: {
      deprecated: 'MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors="…" instead.',
    },
    fixable: 'safe',
  },
  create(ctx) {
    return {
      'DockerfileInstruction:MAINTAINER'(ins) {
        const author = ins.argsText.trim();
        const escapeChar = ctx.file.dockerfile?.escapeChar ?? '\\';
        // Inside ONBUILD, MAINTAINER is an error of its own; a one-line instruction is replaced whole.
        const fixable = !ins.parentOnbuild && author.length > 0 && !ctx.file.text.slice(ins.span.start, ins.span.end).includes('\n');
        const label = ins.keywordText === ins.keywordText.toLowerCase() ? 'label' : 'LABEL';
        ctx.report({
          messageId: 'deprecated',
          span: ins.keywordSpan,
          ...(fixable
            ? { fix: { edits: [{ span: ins.span, text: `${label} org.opencontainers.image.authors=${quoted(author, escapeChar)}` }] } }
            : {}),
        });
      },
    };
  },
});
