/**
 * What a fix must not do: hide a problem it cannot fix. The findings of rules without a safe
 * fix that are gone after `--fix` — a finding stays when its rule still says the same, or
 * still reports on its line wherever the edits moved that line (a message may change with the
 * text: a package list a fix shortened).
 */
import { diffLines } from 'diff';
import { findRule } from '../../src/core/registry.js';
import type { Finding } from '../../src/core/types.js';

/**
 * Where each line of `before` is in `after` (0-based): unchanged lines move with the edits
 * above them; a line a fix rewrote maps to its replacement, a removed one to what follows.
 */
function lineMap(before: string, after: string): number[] {
  const map: number[] = [];
  let newLine = 0;
  const parts = diffLines(before, after);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const count = part.count ?? 0;
    if (part.added) {
      newLine += count;
    } else if (part.removed) {
      const replacement = parts[i + 1]?.added ? (parts[i + 1]!.count ?? 0) : 0;
      for (let j = 0; j < count; j++) map.push(newLine + Math.min(j, Math.max(replacement - 1, 0)));
    } else {
      for (let j = 0; j < count; j++) map.push(newLine + j);
      newLine += count;
    }
  }
  return map;
}

/** `line: rule: message` of each finding (of `before`, on `original`) that fixing lost. */
export function hiddenByFixes(original: string, before: readonly Finding[], output: string, after: readonly Finding[]): string[] {
  const moved = lineMap(original, output);
  const left = new Set([...after.map((f) => `${f.ruleId}: ${f.message}`), ...after.map((f) => `${f.ruleId}@${f.range.start.line}`)]);
  const stays = (f: Finding) => left.has(`${f.ruleId}: ${f.message}`) || left.has(`${f.ruleId}@${moved[f.range.start.line] ?? -1}`);
  return before.filter((f) => findRule(f.ruleId)?.rule.meta.fixable !== 'safe' && !stays(f)).map((f) => `${f.range.start.line + 1}: ${f.ruleId}: ${f.message}`);
}
