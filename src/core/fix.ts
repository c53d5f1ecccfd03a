/**
 * Applying fixes. A fix is a set of text edits (spans into the linted text, BOM
 * excluded) that the core applies as a unit. Format-neutral: Dockerfile and YAML fixes
 * are the same spans and strings.
 *
 * - Only safe fixes are applied.
 * - Fixes whose edits overlap (or touch) an edit already chosen wait for the next pass,
 *   when the rules have seen the new text, as in ESLint.
 * - The text is linted again after every pass, until nothing more applies (at most
 *   MAX_FIX_PASSES), so fixes that enable other fixes converge and a second run changes
 *   nothing.
 * - A pass whose result does not parse is thrown away; files that did not parse to
 *   begin with are left alone.
 * - Line breaks in inserted text follow the file's (CRLF stays CRLF); a BOM is kept.
 * - Project facts (gathered from all files before linting) stay those of the original
 *   texts; fixes are local edits that do not change them.
 */
import type { ConfiguredRule } from './engine.js';
import type { AdapterContext, FileResult } from './lint.js';
import type { ReadProblem } from './load.js';
import { findRule } from './registry.js';
import type { FileFormat, Finding, TextEdit } from './types.js';

export const MAX_FIX_PASSES = 10;

/**
 * Rules that report that a file does not parse. A fixed file must have none of their
 * findings; a format with its own parse-error rule adds it here.
 */
export const PARSE_ERROR_RULES: readonly string[] = ['dockerfile-syntax', 'yaml-syntax'];

export interface AppliedFixes {
  text: string;
  /** The findings whose fixes were applied. */
  applied: Finding[];
}

/** Applies the safe fixes of `findings` to `text` that do not conflict, in text order. */
export function applyFixes(text: string, findings: readonly Finding[]): AppliedFixes {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const candidates = findings
    .filter((f) => f.fix?.safe && f.fix.edits.length > 0 && f.fix.edits.every((e) => validEdit(e, text.length)))
    .map((f) => ({ finding: f, edits: [...f.fix!.edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end) }))
    .sort((a, b) => a.edits[0]!.span.start - b.edits[0]!.span.start || a.edits[0]!.span.end - b.edits[0]!.span.end);

  const chosen: TextEdit[] = []; // kept sorted by start
  const applied: Finding[] = [];
  for (const { finding, edits } of candidates) {
    if (edits.some((e, i) => i > 0 && e.span.start < edits[i - 1]!.span.end)) continue; // overlaps itself
    if (edits.some((e) => conflicts(chosen, e))) continue;
    for (const e of edits) chosen.splice(insertionIndex(chosen, e.span.start), 0, e);
    applied.push(finding);
  }
  if (applied.length === 0) return { text, applied };

  let out = '';
  let at = 0;
  for (const e of chosen) {
    out += text.slice(at, e.span.start) + (eol === '\r\n' ? e.text.replace(/\r?\n/g, '\r\n') : e.text);
    at = e.span.end;
  }
  return { text: out + text.slice(at), applied };
}

function validEdit(e: TextEdit, length: number): boolean {
  return Number.isInteger(e.span.start) && Number.isInteger(e.span.end) && 0 <= e.span.start && e.span.start <= e.span.end && e.span.end <= length;
}

/** Index of the first chosen edit that starts after `start`. */
function insertionIndex(chosen: readonly TextEdit[], start: number): number {
  let lo = 0;
  let hi = chosen.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (chosen[mid]!.span.start <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Overlapping or touching edits conflict: their combined result would depend on order. */
function conflicts(chosen: readonly TextEdit[], e: TextEdit): boolean {
  const i = insertionIndex(chosen, e.span.start);
  const before = chosen[i - 1];
  const after = chosen[i];
  return (before !== undefined && before.span.end >= e.span.start) || (after !== undefined && e.span.end >= after.span.start);
}

export interface FixOutcome {
  /** The lint result of the final text (what is left to fix by hand). */
  result: FileResult;
  /** The raw text before and after, BOM included. Equal when nothing was fixed. */
  original: string;
  output: string;
  /** Number of fixes applied over all passes. */
  fixed: number;
  passes: number;
  /** Why fixing stopped early, if it did (a pass that did not parse). */
  problem?: string;
}

type Lint = (
  path: string,
  text: string | undefined,
  format: FileFormat,
  rules: readonly ConfiguredRule[],
  problem?: ReadProblem,
  where?: Partial<AdapterContext>,
) => FileResult;

/**
 * Lints `raw`, applies safe fixes, lints again, until no fix applies. The parse-error
 * rules always run, so that a fix that breaks the file is noticed even when they are off.
 */
export function fixSource(
  lint: Lint,
  path: string,
  raw: string | undefined,
  format: FileFormat,
  rules: readonly ConfiguredRule[],
  problem?: ReadProblem,
  where: Partial<AdapterContext> = {},
): FixOutcome {
  const configured = new Set(rules.map((r) => r.rule.id));
  const checks = PARSE_ERROR_RULES.filter((id) => !configured.has(id)).flatMap((id) => {
    const registered = findRule(id);
    return registered ? [{ rule: registered.rule, severity: 'error' as const, options: {} }] : [];
  });
  const allRules = [...rules, ...checks];
  const run = (text: string | undefined) => {
    const result = lint(path, text, format, allRules, problem, where);
    const parseErrors = result.findings.filter((f) => PARSE_ERROR_RULES.includes(f.ruleId)).length;
    const findings = checks.length === 0 ? result.findings : result.findings.filter((f) => configured.has(f.ruleId));
    return { result: { ...result, findings }, parseErrors };
  };

  let current = run(raw);
  const original = raw ?? '';
  const outcome: FixOutcome = { result: current.result, original, output: original, fixed: 0, passes: 0 };
  // Unreadable text (invalid UTF-8 was decoded lossily) must never be written back.
  if (raw === undefined || problem || current.parseErrors > 0) return outcome;

  const bom = raw.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  let body = raw.slice(bom.length);
  while (outcome.passes < MAX_FIX_PASSES) {
    const { text, applied } = applyFixes(body, current.result.findings);
    if (applied.length === 0) break;
    outcome.passes++;
    const next = run(bom + text);
    if (next.parseErrors > 0) {
      outcome.problem = `a fix by ${[...new Set(applied.map((f) => f.ruleId))].join(', ')} would leave the file unparseable; those fixes were not applied`;
      break;
    }
    body = text;
    current = next;
    outcome.fixed += applied.length;
  }
  outcome.result = current.result;
  outcome.output = bom + body;
  return outcome;
}
