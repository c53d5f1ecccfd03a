/** `--format json`: the stable machine-readable output of CONTRACTS.md (1-based, end exclusive). */
import type { LintResult } from '../core/lint.js';
import { packageVersion } from '../core/package-info.js';
import type { Finding, Range, Span } from '../core/types.js';
import type { Formatter } from './types.js';

export interface JsonRange {
  start: { line: number; column: number };
  end: { line: number; column: number };
}

export function toJsonRange(range: Range): JsonRange {
  return {
    start: { line: range.start.line + 1, column: range.start.character + 1 },
    end: { line: range.end.line + 1, column: range.end.character + 1 },
  };
}

export interface JsonFinding {
  ruleId: string;
  severity: Finding['severity'];
  message: string;
  file: string;
  format: Finding['format'];
  range: JsonRange;
  object?: Finding['object'];
  related?: { file: string; range?: JsonRange; message: string }[];
  fix?: { safe: boolean; edits: { range: JsonRange; text: string }[] };
  fingerprint: string;
}

export function toJsonFinding(f: Finding, rangeOf: (file: string, span: Span) => Range | undefined): JsonFinding {
  const out: Omit<JsonFinding, 'fingerprint'> = {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    file: f.file,
    format: f.format,
    range: toJsonRange(f.range),
  };
  if (f.object) out.object = f.object;
  if (f.related) {
    out.related = f.related.map((r) => {
      const range = r.range ?? (r.span ? rangeOf(r.file, r.span) : undefined);
      return { file: r.file, ...(range ? { range: toJsonRange(range) } : {}), message: r.message };
    });
  }
  if (f.fix) {
    out.fix = {
      safe: f.fix.safe,
      edits: f.fix.edits.map((e) => ({ range: toJsonRange(rangeOf(f.file, e.span) ?? f.range), text: e.text })),
    };
  }
  return { ...out, fingerprint: f.fingerprint };
}

/** A lookup from file and span to range, over the sources of a result. */
export function rangeResolver(result: LintResult): (file: string, span: Span) => Range | undefined {
  const sources = new Map(result.files.map((f) => [f.path, f.source]));
  return (file, span) => sources.get(file)?.rangeOf(span);
}

export function toJsonReport(result: LintResult) {
  const rangeOf = rangeResolver(result);
  const counts = new Map<string, number>();
  for (const f of result.findings) counts.set(f.file, (counts.get(f.file) ?? 0) + 1);
  return {
    tool: { name: 'plimsoll', version: packageVersion() },
    files: result.files.map((f) => ({ path: f.path, format: f.format, documents: f.documents, findings: counts.get(f.path) ?? 0 })),
    findings: result.findings.map((f) => toJsonFinding(f, rangeOf)),
    summary: result.summary,
  };
}

export const formatJson: Formatter = (result) => `${JSON.stringify(toJsonReport(result), null, 2)}\n`;
