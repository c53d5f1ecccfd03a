/**
 * `--format github`: GitHub Actions workflow commands, one annotation per finding:
 *   ::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message
 * Lines and columns are 1-based; endColumn is exclusive, as in every other output.
 * Paths are relative to $GITHUB_WORKSPACE (context.root) so the annotations land on
 * the right file even when the linter runs in a sub-folder.
 */
import type { Severity } from '../core/types.js';
import { rootRelativePath } from './paths.js';
import type { Formatter } from './types.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escaping of a command's message (the data after `::`). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a property value: the message escapes plus `:` and `,`, which delimit properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function workflowCommand(command: string, properties: Record<string, string | number>, message: string): string {
  const props = Object.entries(properties)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${command}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

export const formatGithub: Formatter = (result, context) => {
  const lines = result.findings.map((f) =>
    workflowCommand(
      COMMAND[f.severity],
      {
        file: rootRelativePath(f.file, context),
        line: f.range.start.line + 1,
        col: f.range.start.character + 1,
        endLine: f.range.end.line + 1,
        endColumn: f.range.end.character + 1,
        title: f.ruleId,
      },
      f.message,
    ),
  );
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};
