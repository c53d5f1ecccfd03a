import { defineRule } from '../../src/core/rule.js';
import type { CopyInstruction, TextNode } from '../../src/parse/dockerfile/ast.js';
import { hasUnresolvedVariable, looksLikeJsonArray } from '../../src/model/dockerfile-query.js';

const WILDCARD = /[*?[]/;

/** The destination names a directory explicitly: a trailing separator, `.` or `..`. */
function isDirectorySyntax(dest: string): boolean {
  return /[/\\]$/.test(dest) || /(^|[/\\])\.\.?$/.test(dest);
}

/** Where a `/` goes to end the destination: before a closing quote, if any. */
function slashAt(dest: TextNode): number {
  return /["']$/.test(dest.raw) ? dest.span.end - 1 : dest.span.end;
}

export default defineRule({
  id: 'copy-destination-trailing-slash',
  meta: {
    description: 'COPY/ADD of several files (or a wildcard) needs a destination ending in /',
    formats: ['dockerfile'],
    severity: 'error',
    recommended: true,
    category: 'correctness',
    sources: [{ tool: 'hadolint', id: 'DL3021' }],
    messages: {
      several: '{{keyword}} with several sources needs a directory as destination, written with a trailing slash: "{{destination}}/".',
      wildcard:
        'The wildcard may match several files: write the destination as a directory, "{{destination}}/". Without the slash, if "{{destination}}" does not exist yet, the matches are copied one after the other onto a single file of that name.',
    },
    fixable: 'safe',
  },
  create(ctx) {
    const check = (ins: CopyInstruction) => {
      const dest = ins.destination;
      if (!dest || ins.sources.length === 0) return;
      // Broken JSON (`COPY ["a", 'b', "/app/"]`) is read in shell form, with `"/app/"]` as the
      // destination: malformed-json-args says what is wrong, and a slash after the `]` would hide it.
      if (ins.form === 'shell' && looksLikeJsonArray(ins.argsText)) return;
      const value = dest.value;
      if (isDirectorySyntax(value) || hasUnresolvedVariable(value)) return;
      const edit = { span: { start: slashAt(dest), end: slashAt(dest) }, text: '/' };
      if (ins.sources.length > 1) {
        // The build fails without the slash, so adding it cannot break a working build.
        ctx.report({ messageId: 'several', node: dest, data: { keyword: ins.keyword, destination: value }, fix: { edits: [edit] } });
        return;
      }
      const source = ins.sources[0]!;
      // `COPY target/*.jar app.jar` names a file on purpose: one match is expected.
      const lastSegment = value.split(/[/\\]/).pop() ?? '';
      if (WILDCARD.test(source.value) && !hasUnresolvedVariable(source.value) && !lastSegment.includes('.')) {
        // Unsafe: with a single match, the file would land inside the directory instead of being named like it.
        ctx.report({ messageId: 'wildcard', node: dest, data: { destination: value }, fix: { edits: [edit], safe: false } });
      }
    };
    return { 'DockerfileInstruction:COPY': check, 'DockerfileInstruction:ADD': check };
  },
});
