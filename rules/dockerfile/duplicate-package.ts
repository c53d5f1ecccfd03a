import { defineRule } from '../../src/core/rule.js';
import type { ShellWord } from '../../src/parse/dockerfile/shell.js';
import { isInstall, packageCommands, type PackageOperand } from '../../src/model/packages.js';

const keyOf = (p: PackageOperand): string | undefined => (p.kind === 'dynamic' ? undefined : (p.name ?? p.word.value));

export default defineRule({
  id: 'duplicate-package',
  meta: {
    description: 'Name each package once in an install',
    formats: ['dockerfile'],
    severity: 'warning',
    recommended: true,
    category: 'correctness',
    sources: [],
    messages: {
      duplicate: '`{{package}}` is already named on line {{line}} of this install; remove the repetition.',
      conflicting: '`{{package}}` is already named on line {{line}} of this install as `{{first}}`; keep the one you mean.',
    },
    fixable: 'safe',
  },
  create(ctx) {
    return {
      'DockerfileInstruction:RUN'(run) {
        for (const cmd of packageCommands(ctx.file.shell(run))) {
          if (!isInstall(cmd)) continue;
          const seen = new Map<string, PackageOperand>();
          for (const p of cmd.packages) {
            const key = keyOf(p);
            if (key === undefined) continue;
            const first = seen.get(key);
            if (!first) {
              seen.set(key, p);
              continue;
            }
            const line = ctx.file.source.positionAt(first.word.span.start).line + 1;
            if (first.word.text !== p.word.text) {
              ctx.report({ messageId: 'conflicting', node: p.word, data: { package: key, line, first: first.word.text } });
              continue;
            }
            const previous = wordBefore(cmd.view.args, p.word);
            const between = previous ? ctx.file.text.slice(previous.span.end, p.word.span.start) : '#';
            // Removing from the end of the previous word keeps the layout; a comment in between would go too.
            const fix = between.includes('#') ? undefined : { edits: [{ span: { start: previous!.span.end, end: p.word.span.end }, text: '' }] };
            ctx.report({ messageId: 'duplicate', node: p.word, data: { package: p.word.text, line }, ...(fix ? { fix } : {}) });
          }
        }
      },
    };
  },
});

function wordBefore(words: readonly ShellWord[], word: ShellWord): ShellWord | undefined {
  const i = words.indexOf(word);
  return i > 0 ? words[i - 1] : undefined;
}
