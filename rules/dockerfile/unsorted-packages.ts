import { defineRule } from '../../src/core/rule.js';
import { isInstall, packageCommands, type PackageOperand } from '../../src/model/packages.js';

const collator = new Intl.Collator('en', { sensitivity: 'base', ignorePunctuation: true });
const ascii = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Sorted by code point (as `LC_ALL=C sort`) or by a locale's collation (as `sort` in most shells). */
function isSorted(keys: readonly string[]): boolean {
  const inOrder = (cmp: (a: string, b: string) => number) => keys.every((k, i) => i === 0 || cmp(keys[i - 1]!, k) <= 0);
  return inOrder(ascii) || inOrder((a, b) => collator.compare(a, b));
}

const keyOf = (p: PackageOperand): string => (p.name ?? p.word.value ?? p.word.text).toLowerCase();

export default defineRule({
  id: 'unsorted-packages',
  meta: {
    description: 'Sort the packages of an install that spans several lines',
    formats: ['dockerfile'],
    severity: 'info',
    recommended: false,
    category: 'style',
    sources: [],
    messages: {
      unsorted:
        '`{{package}}` comes after `{{previous}}`: sort package lists that span several lines alphabetically, so additions, removals and duplicates stand out in diffs.',
    },
    fixable: 'safe',
  },
  create(ctx) {
    const lineOf = (p: PackageOperand) => ctx.file.source.positionAt(p.word.span.start).line;
    return {
      'DockerfileInstruction:RUN'(run) {
        for (const cmd of packageCommands(ctx.file.shell(run))) {
          if (!isInstall(cmd)) continue;
          const listed = cmd.packages.filter((p) => p.kind !== 'dynamic' && p.word.value !== undefined);
          if (listed.length < 2 || new Set(listed.map(lineOf)).size < 2) continue;
          const keys = listed.map(keyOf);
          if (isSorted(keys)) continue;
          const at = keys.findIndex((k, i) => i > 0 && ascii(keys[i - 1]!, k) > 0);
          const sorted = [...listed].sort((a, b) => ascii(keyOf(a), keyOf(b)) || ascii(a.word.text, b.word.text));
          ctx.report({
            messageId: 'unsorted',
            node: listed[at]!.word,
            data: { package: listed[at]!.word.text, previous: listed[at - 1]!.word.text },
            fix: { edits: listed.map((p, i) => ({ span: p.word.span, text: sorted[i]!.word.text })).filter((e, i) => e.text !== listed[i]!.word.text) },
          });
        }
      },
    };
  },
});
