/** Applies a rule's fixes to a text, as `--fix` would (unsafe ones only when asked). */
import { lintText } from '../../src/index.js';

export function fixed(ruleId: string, text: string, options: { unsafe?: boolean } = {}): string {
  const { findings } = lintText(text, { filename: 'Dockerfile', config: { extends: [], rules: { [ruleId]: 'warning' } } });
  const edits = findings
    .filter((f) => f.ruleId === ruleId && f.fix && (f.fix.safe || options.unsafe))
    .flatMap((f) => f.fix!.edits.map((e) => ({ start: offsetOf(text, e.range.start), end: offsetOf(text, e.range.end), text: e.text })))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** 1-based line/column (UTF-16) to an offset. */
function offsetOf(text: string, pos: { line: number; column: number }): number {
  let offset = 0;
  for (let line = 1; line < pos.line; line++) offset = text.indexOf('\n', offset) + 1;
  return offset + pos.column - 1;
}
