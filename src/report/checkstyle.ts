/** `--format checkstyle`: Checkstyle XML (every linted file, with its findings), for Jenkins and reviewdog. */
import { findingsByFile } from './group.js';
import { XML_DECLARATION, attributes } from './xml.js';
import type { Formatter } from './types.js';

export const formatCheckstyle: Formatter = (result) => {
  const byFile = findingsByFile(result);
  const lines = [XML_DECLARATION, '<checkstyle version="4.3">'];
  for (const [file, findings] of byFile) {
    if (findings.length === 0) {
      lines.push(`  <file${attributes({ name: file })}/>`);
      continue;
    }
    lines.push(`  <file${attributes({ name: file })}>`);
    for (const f of findings) {
      const attrs = {
        line: f.range.start.line + 1,
        column: f.range.start.character + 1,
        severity: f.severity,
        message: f.message,
        source: `plimsoll.${f.ruleId}`,
      };
      lines.push(`    <error${attributes(attrs)}/>`);
    }
    lines.push('  </file>');
  }
  lines.push('</checkstyle>', '');
  return lines.join('\n');
};
