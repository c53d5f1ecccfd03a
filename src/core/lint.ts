/**
 * Linting one file, start to end: decode, detect, parse, run the configured rules.
 * Every entry point (CLI, library, LSP, action) goes through `lintSource`.
 */
import { parseComposeFile } from '../formats/compose.js';
import { parseDockerfileFile } from '../formats/dockerfile.js';
import { parseKubernetesFile } from '../formats/kubernetes.js';
import { initShellParser } from '../parse/dockerfile/shell.js';
import { runRules, type ConfiguredRule } from './engine.js';
import { createEnvironment, type LintEnvironment } from './environment.js';
import { fingerprintAll } from './fingerprint.js';
import type { ReadProblem } from './load.js';
import { formatMessage } from './message.js';
import type { ParsedFile } from './parsed-file.js';
import { sourceIndex } from './registry.js';
import { SourceText } from './source.js';
import type { FileFormat, Finding, Span } from './types.js';

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

/** What an adapter knows about the file besides its text. */
export interface AdapterContext {
  /** Absolute path of the linted file, when it has one (relative references resolve against it). */
  absolutePath?: string;
  env: LintEnvironment;
}

type Adapter = (source: SourceText, context: AdapterContext) => ParsedFile;

/** Formats with rules. Kustomize, Helm templates and other YAML are recognised but not linted. */
const adapters: Partial<Record<FileFormat, Adapter>> = {
  dockerfile: parseDockerfileFile,
  compose: parseComposeFile,
  kubernetes: parseKubernetesFile,
};

export const FILE_UNREADABLE_RULE = 'file-unreadable';
export const TEMPLATED_FILE_RULE = 'templated-file-skipped';
const TEMPLATE_ACTION = /\{\{-?[\s\S]*?-?\}\}/;

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
  where: Partial<AdapterContext> & { onParsed?: (parsed: ParsedFile) => void } = {},
): FileResult {
  const source = new SourceText(path, text ?? '');
  const findings: Finding[] = [];
  const unreadable = rules.find((r) => r.rule.id === FILE_UNREADABLE_RULE);
  if (problem && unreadable) findings.push(problemFinding(source, format, problem, unreadable));
  const templated = rules.find((r) => r.rule.id === TEMPLATED_FILE_RULE);
  if (format === 'helm' && text !== undefined && templated) findings.push(templateFinding(source, templated));
  const adapter = adapters[format];
  if (text === undefined || !adapter) {
    return { path, format, documents: text === undefined ? 0 : 1, findings, source };
  }
  const context: AdapterContext = { env: where.env ?? createEnvironment() };
  if (where.absolutePath !== undefined) context.absolutePath = where.absolutePath;
  const parsed = adapter(source, context);
  // Not push(...): a huge file can have more findings than a call has room for arguments.
  for (const finding of runRules(parsed, rules, sourceIndex())) findings.push(finding);
  // Phase 2 reads what it needs from the parsed file now, while its tree is alive.
  where.onParsed?.(parsed);
  return { path, format, documents: parsed.documents, findings: sortFindings(findings), source };
}

function templateFinding(source: SourceText, rule: ConfiguredRule): Finding {
  const m = TEMPLATE_ACTION.exec(source.text);
  const span: Span = m ? { start: m.index, end: m.index + m[0].length } : { start: 0, end: 0 };
  return coreFinding(source, 'helm', rule, 'skipped', span, {});
}

function problemFinding(source: SourceText, format: FileFormat, problem: ReadProblem, rule: ConfiguredRule): Finding {
  const at = problem.kind === 'invalidUtf8' ? Math.max(0, problem.offset - (source.hasBom ? 1 : 0)) : 0;
  const data: Record<string, string> = problem.kind === 'io' ? { reason: problem.message } : {};
  return coreFinding(source, format, rule, problem.kind, { start: at, end: at }, data);
}

/** A finding the core reports itself (before any rule runs), under a documented rule id. */
function coreFinding(
  source: SourceText,
  format: FileFormat,
  { rule, severity }: ConfiguredRule,
  messageId: string,
  span: Span,
  data: Record<string, string>,
): Finding {
  const [fingerprint] = fingerprintAll([{ ruleId: rule.id, file: source.path, snippet: messageId }]);
  return {
    ruleId: rule.id,
    severity,
    message: formatMessage(rule.meta.messages[messageId] ?? messageId, data),
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
