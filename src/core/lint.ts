/**
 * Linting one file, start to end: decode, detect, parse, run the configured rules.
 * Every entry point (CLI, library, LSP, action) goes through `lintSource`.
 */
import { parseDockerfileFile } from '../formats/dockerfile.js';
import { initShellParser } from '../parse/dockerfile/shell.js';
import { runRules, type ConfiguredRule } from './engine.js';
import { fingerprintAll } from './fingerprint.js';
import type { ReadProblem } from './load.js';
import type { ParsedFile } from './parsed-file.js';
import { sourceIndex } from './registry.js';
import { SourceText } from './source.js';
import type { FileFormat, Finding, Severity, Span } from './types.js';

export interface FileResult {
  path: string;
  format: FileFormat;
  documents: number;
  findings: Finding[];
  /** The text that was linted (BOM removed), for fixes and editors. */
  source?: SourceText;
}

export interface LintSummary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  fixable: number;
}

export interface LintResult {
  files: FileResult[];
  findings: Finding[];
  summary: LintSummary;
}

type Adapter = (source: SourceText) => ParsedFile;

/** Formats with rules. Kustomize, Helm templates and other YAML are recognised but not linted. */
const adapters: Partial<Record<FileFormat, Adapter>> = {
  dockerfile: parseDockerfileFile,
};

export const FILE_UNREADABLE_RULE = 'file-unreadable';

/** Loads what parsing needs asynchronously (the shell grammar), once. */
export async function prepareFormats(formats: Iterable<FileFormat>): Promise<void> {
  for (const format of formats) if (format === 'dockerfile') await initShellParser();
}

export function lintSource(
  path: string,
  text: string | undefined,
  format: FileFormat,
  rules: readonly ConfiguredRule[],
  problem?: ReadProblem,
): FileResult {
  const source = new SourceText(path, text ?? '');
  const findings: Finding[] = [];
  const unreadable = rules.find((r) => r.rule.id === FILE_UNREADABLE_RULE);
  if (problem && unreadable) findings.push(problemFinding(source, format, problem, unreadable.severity));
  const adapter = adapters[format];
  if (text === undefined || !adapter) {
    return { path, format, documents: text === undefined ? 0 : 1, findings, source };
  }
  const parsed = adapter(source);
  findings.push(...runRules(parsed, rules, sourceIndex()));
  return { path, format, documents: parsed.documents, findings: sortFindings(findings), source };
}

function problemFinding(source: SourceText, format: FileFormat, problem: ReadProblem, severity: Severity): Finding {
  const at = problem.kind === 'invalidUtf8' ? Math.max(0, problem.offset - (source.hasBom ? 1 : 0)) : 0;
  const span: Span = { start: at, end: at };
  const message =
    problem.kind === 'binary'
      ? 'This is a binary file, not text; it was not linted.'
      : problem.kind === 'io'
        ? `The file could not be read (${problem.message}).`
        : 'The file is not valid UTF-8; invalid bytes were replaced before linting. Save it as UTF-8.';
  const [fingerprint] = fingerprintAll([{ ruleId: FILE_UNREADABLE_RULE, file: source.path, snippet: problem.kind }]);
  return {
    ruleId: FILE_UNREADABLE_RULE,
    severity,
    message,
    file: source.path,
    format,
    range: source.rangeOf(span),
    span,
    fingerprint: fingerprint!,
  };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Sorted by file, line, column, rule id: the order of every output. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      cmp(a.file, b.file) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      cmp(a.ruleId, b.ruleId) ||
      cmp(a.message, b.message),
  );
}

export function summarise(files: FileResult[], findings: Finding[]): LintSummary {
  const summary: LintSummary = { files: files.length, errors: 0, warnings: 0, infos: 0, fixable: 0 };
  for (const f of findings) {
    if (f.severity === 'error') summary.errors++;
    else if (f.severity === 'warning') summary.warnings++;
    else summary.infos++;
    if (f.fix?.safe) summary.fixable++;
  }
  return summary;
}
