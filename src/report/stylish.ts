/** The default terminal output: findings grouped by file, then a summary line. */
import { Chalk } from 'chalk';
import type { Formatter } from './types.js';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export const formatStylish: Formatter = (result, context) => {
  const c = new Chalk({ level: context.color ? 1 : 0 });
  const severityText = { error: c.red('error'), warning: c.yellow('warning'), info: c.blue('info') };
  const lines: string[] = [];
  const byFile = new Map<string, typeof result.findings>();
  for (const f of result.findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  for (const [file, findings] of byFile) {
    lines.push(c.underline(file));
    const rows = findings.map((f) => [
      `${f.range.start.line + 1}:${f.range.start.character + 1}`,
      f.severity,
      f.message,
      f.ruleId,
    ]);
    const w0 = Math.max(...rows.map((r) => r[0]!.length));
    const w1 = Math.max(...rows.map((r) => r[1]!.length));
    for (const [pos, severity, message, ruleId] of rows) {
      const sev = severityText[severity as keyof typeof severityText];
      lines.push(`  ${c.dim(pos!.padEnd(w0))}  ${sev}${' '.repeat(w1 - severity!.length)}  ${message}  ${c.dim(ruleId!)}`);
    }
    lines.push('');
  }
  const { errors, warnings, infos, files, fixable } = result.summary;
  const total = errors + warnings + infos;
  if (total === 0) {
    lines.push(c.green(`✔ No problems in ${plural(files, 'file')}.`));
  } else {
    const summary = `✖ ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}) in ${plural(files, 'file')}.`;
    lines.push(errors > 0 ? c.red.bold(summary) : c.yellow.bold(summary));
    if (fixable > 0) lines.push(c.dim(`  ${plural(fixable, 'problem')} can be fixed with --fix.`));
  }
  return `${lines.join('\n')}\n`;
};
