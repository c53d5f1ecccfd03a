import type { LintResult } from '../core/lint.js';

export interface ReportContext {
  /** Colours on or off (stylish only). */
  color: boolean;
  cwd: string;
}

/** A formatter turns a lint result into the text of one output. */
export type Formatter = (result: LintResult, context: ReportContext) => string;
