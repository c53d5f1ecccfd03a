/**
 * `--format codeclimate`: the Code Climate issue list GitLab reads as a code quality
 * report (artifacts:reports:codequality). GitLab needs description, check_name,
 * fingerprint (unique per issue), severity and location.path + location.lines.begin.
 */
import type { Category, Severity } from '../core/types.js';
import { ruleInfo } from './rule-info.js';
import type { Formatter } from './types.js';

/** Code Climate severities: info, minor, major, critical, blocker. */
const SEVERITY: Record<Severity, string> = { error: 'major', warning: 'minor', info: 'info' };
const CATEGORY: Record<Category, string> = {
  correctness: 'Bug Risk',
  security: 'Security',
  reliability: 'Bug Risk',
  efficiency: 'Performance',
  style: 'Style',
};

export const formatCodeclimate: Formatter = (result) => {
  const issues = result.findings.map((f) => {
    const category = ruleInfo(f.ruleId).category;
    return {
      type: 'issue',
      check_name: f.ruleId,
      description: f.message,
      categories: [category ? CATEGORY[category] : 'Bug Risk'],
      fingerprint: f.fingerprint,
      severity: SEVERITY[f.severity],
      location: { path: f.file, lines: { begin: f.range.start.line + 1, end: f.range.end.line + 1 } },
    };
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
};
