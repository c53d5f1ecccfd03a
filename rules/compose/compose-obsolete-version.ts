import { defineRule } from '../../src/core/rule.js';
import type { TextEdit } from '../../src/core/types.js';
import type { ComposeFileView } from '../../src/model/compose/types.js';

export default defineRule({
  id: 'compose-obsolete-version',
  meta: {
    description: 'The top-level `version` is obsolete and ignored by Compose',
    formats: ['compose'],
    severity: 'warning',
    recommended: true,
    category: 'style',
    sources: [
      { tool: 'dclint', id: 'no-version-field' },
      { tool: 'compose', id: 'version-obsolete' },
    ],
    messages: {
      obsolete: 'The top-level `version` is obsolete: Compose ignores it and warns about it. Remove the line.',
    },
    fixable: 'safe',
  },
  create(ctx) {
    return {
      ComposeFile(file) {
        const pair = file.version;
        if (!pair) return;
        const edit = removeLine(file);
        ctx.report({ messageId: 'obsolete', node: pair.key, ...(edit ? { fix: { edits: [edit] } } : {}) });
      },
    };
  },
});

/** Removes the `version:` line (keeping a trailing comment); only for a one-line pair at the start of its line. */
function removeLine(file: ComposeFileView): TextEdit | undefined {
  const pair = file.version!;
  const source = file.source;
  const start = source.positionAt(pair.key.span.start);
  const end = source.positionAt(pair.span.end);
  if (start.character !== 0 || start.line !== end.line || pair.value?.kind === 'map' || pair.value?.kind === 'seq') return undefined;
  const rest = source.text.slice(pair.span.end, source.lineEnd(start.line));
  if (rest.trim() === '') {
    const next = start.line + 1 < source.lineCount ? source.lineStart(start.line + 1) : source.lineEnd(start.line);
    return { span: { start: source.lineStart(start.line), end: next }, text: '' };
  }
  const comment = rest.indexOf('#');
  if (comment < 0 || rest.slice(0, comment).trim() !== '') return undefined;
  return { span: { start: pair.key.span.start, end: pair.span.end + comment }, text: '' };
}
