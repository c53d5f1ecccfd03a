import type { LintResult } from '../core/lint.js';
import type { Finding } from '../core/types.js';

/** Findings by file, in output order; every linted file is present, clean ones with []. */
export function findingsByFile(result: LintResult): Map<string, Finding[]> {
  const byFile = new Map<string, Finding[]>();
  for (const file of result.files) byFile.set(file.path, []);
  for (const f of result.findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  return byFile;
}
