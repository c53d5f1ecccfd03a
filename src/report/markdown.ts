/**
 * `--format markdown`: a short summary for $GITHUB_STEP_SUMMARY or a merge-request
 * comment: totals, findings per rule, then the findings (capped, the summary has a
 * size limit). Paths are relative to context.root ($GITHUB_WORKSPACE), like the annotations.
 */
import type { Severity } from '../core/types.js';
import { rootRelativePath } from './paths.js';
import { ruleInfo } from './rule-info.js';
import type { Formatter } from './types.js';

/** Rows of the findings table; the rest is counted, not listed. */
export const MARKDOWN_MAX_ROWS = 200;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const ICON: Record<Severity, string> = { error: '❌', warning: '⚠️', info: 'ℹ️' };

/** Text safe inside a table cell: no line breaks, pipes escaped, no stray HTML. */
export function cell(text: string): string {
  return text.replace(/\r?\n|\r/g, ' ').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Inline code in a table cell: literal text, except that GFM still needs pipes escaped. */
const code = (text: string): string => {
  const t = text.replace(/\r?\n|\r/g, ' ').replace(/\|/g, '\\|');
  return t.includes('`') ? `\`\` ${t} \`\`` : `\`${t}\``;
};

export const formatMarkdown: Formatter = (result, context) => {
  const { errors, warnings, infos, files } = result.summary;
  const total = errors + warnings + infos;
  const lines = ['## Plimsoll', ''];
  if (total === 0) {
    lines.push(`✅ No problems in ${plural(files, 'file')}.`);
    return `${lines.join('\n')}\n`;
  }
  lines.push(
    `${errors > 0 ? '❌' : '⚠️'} **${plural(total, 'problem')}** (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}) in ${plural(files, 'file')}.`,
    '',
  );

  const perRule = new Map<string, { severity: Severity; count: number }>();
  for (const f of result.findings) {
    const entry = perRule.get(f.ruleId);
    if (entry) entry.count++;
    else perRule.set(f.ruleId, { severity: f.severity, count: 1 });
  }
  lines.push('| Rule | Count | Description |', '| --- | ---: | --- |');
  const rules = [...perRule].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1));
  for (const [id, { count }] of rules) {
    const info = ruleInfo(id);
    lines.push(`| [${code(id)}](${info.helpUri}) | ${count} | ${cell(info.description)} |`);
  }
  lines.push('', '| | Location | Message | Rule |', '| --- | --- | --- | --- |');
  for (const f of result.findings.slice(0, MARKDOWN_MAX_ROWS)) {
    const at = `${rootRelativePath(f.file, context)}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
    lines.push(`| ${ICON[f.severity]} | ${code(at)} | ${cell(f.message)} | ${code(f.ruleId)} |`);
  }
  const rest = result.findings.length - MARKDOWN_MAX_ROWS;
  if (rest > 0) lines.push('', `…and ${plural(rest, 'more problem')} (see the full report).`);
  return `${lines.join('\n')}\n`;
};
