/** Shared vocabulary of the core: positions, severities, formats, findings. */
import type { SourceText } from './source.js';

export type Severity = 'error' | 'warning' | 'info';
export type SeverityOrOff = Severity | 'off';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
export const SEVERITY_RANK: Record<SeverityOrOff, number> = { off: 0, info: 1, warning: 2, error: 3 };

/** Formats rules are written for. */
export type Format = 'dockerfile' | 'compose' | 'kubernetes';
export const FORMATS: readonly Format[] = ['dockerfile', 'compose', 'kubernetes'];

/** What a file was recognised as; the non-rule formats are skipped with at most one info. */
export type FileFormat = Format | 'kustomize' | 'helm' | 'yaml' | 'unknown';

export type Category = 'correctness' | 'security' | 'reliability' | 'efficiency' | 'style';

/** Offsets into a source text, end-exclusive, in UTF-16 code units. */
export interface Span {
  start: number;
  end: number;
}

/** 0-based line and UTF-16 character, as in LSP. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Anything a rule can point at: an AST node, a YAML node, an explicit span. */
export interface Locatable {
  span: Span;
  /**
   * The file the span is in, when it is not the linted file: a compose file's override,
   * `extends` or `include` file. The engine reports such findings in that file.
   */
  file?: SourceText;
}

export interface TextEdit {
  span: Span;
  text: string;
}

export interface Fix {
  safe: boolean;
  edits: TextEdit[];
}

/** Identity of the Kubernetes object or compose service a finding is about. */
export interface ObjectRef {
  kind: string;
  namespace?: string;
  name: string;
  path?: string;
}

export interface RelatedLocation {
  file: string;
  span?: Span;
  range?: Range;
  message: string;
}

/** A finding as the core keeps it: 0-based, offsets included. Converted at the edges. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  file: string;
  format: FileFormat;
  range: Range;
  span: Span;
  object?: ObjectRef;
  related?: RelatedLocation[];
  fix?: Fix;
  fingerprint: string;
}
