import type { LintResult } from '../core/lint.js';

export interface ReportContext {
  /** Colours on or off (stylish only). */
  color: boolean;
  cwd: string;
  /**
   * The folder CI tools resolve paths against (the repository checkout, e.g.
   * $GITHUB_WORKSPACE). The github and sarif formats print paths relative to it;
   * default: cwd.
   */
  root?: string;
}

/** A formatter turns a lint result into the text of one output. */
export type Formatter = (result: LintResult, context: ReportContext) => string;
