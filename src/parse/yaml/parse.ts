/**
 * The YAML layer: text → documents of YNodes with spans, each document's own errors,
 * its plain value, and every comment with its span. Two readers stand behind `parseYaml`:
 * the fast reader (scan.ts) for the plain subset nearly every manifest is written in, and
 * the `yaml` package (read-with-library.ts) for everything else — errors, tags, directives,
 * tabs. They give identical results where both apply (test/yaml/scan.test.ts).
 */
import type { CommentToken } from '../../core/parsed-file.js';
import type { Span } from '../../core/types.js';
import { readInSlices, sliceStarts, SLICED_ABOVE } from './chunks.js';
import { readWithYamlLibrary } from './read-with-library.js';
import type { PathSegment, YNode } from './nodes.js';
import { indentQuotedContinuations } from './quoted-continuations.js';
import { SpanRemapper } from './remap.js';
import { scanYaml } from './scan.js';

export { MAX_ALIAS_COUNT, MAX_DEPTH } from './limits.js';

export interface YamlProblem {
  /** The parser's code (DUPLICATE_KEY, TAB_AS_INDENT, BAD_INDENT, …) or ours (ALIAS_LIMIT, TOO_DEEP). */
  code: string;
  message: string;
  span: Span;
  /** Edits that repair it, when the reader knows them (QUOTED_CONTINUATION: the indentation to add). */
  edits?: { span: Span; text: string }[];
}

export interface YamlDocument {
  index: number;
  span: Span;
  /** Null for an empty document. */
  root: YNode | null;
  /** The plain value, aliases and merge keys resolved; undefined when it could not be built safely. */
  value: unknown;
  errors: YamlProblem[];
  warnings: YamlProblem[];
}

export interface YamlFile {
  documents: YamlDocument[];
  comments: CommentToken[];
}

export interface YamlOptions {
  /**
   * '1.1' reads scalars as Kubernetes' decoder (go-yaml v2) does: `yes`/`no`/`on`/`off`
   * are booleans, `010` is octal. '1.2' (core schema) is what Compose (go-yaml v3) uses.
   */
  version: '1.1' | '1.2';
}

export function parseYaml(text: string, options: YamlOptions): YamlFile {
  const fast = scanYaml(text, options.version);
  if (fast) return fromFastReader(fast);
  const starts = text.length > SLICED_ABOVE ? sliceStarts(text) : undefined;
  return starts ? readInSlices(text, starts, options, parseWhole) : readWithLibrary(text, options);
}

/** One slice of a large file: the fast reader, else the `yaml` package, as for a whole file. */
function parseWhole(text: string, options: YamlOptions): YamlFile {
  const fast = scanYaml(text, options.version);
  return fast ? fromFastReader(fast) : readWithLibrary(text, options);
}

/** What the fast reader read: it reads only documents without errors or warnings. */
function fromFastReader(fast: NonNullable<ReturnType<typeof scanYaml>>): YamlFile {
  return {
    comments: fast.comments,
    documents: fast.documents.map((d, index) => ({ index, span: d.span, root: d.root, value: d.value, errors: [], warnings: [] })),
  };
}

/** The `yaml` package, reading quoted scalars the way go-yaml does (see quoted-continuations.ts). */
function readWithLibrary(text: string, options: YamlOptions): YamlFile {
  const strict = readWithYamlLibrary(text, options);
  if (!strict.documents.some((d) => d.errors.some((e) => e.code === 'MISSING_CHAR'))) return strict;
  const indented = indentQuotedContinuations(text);
  if (!indented) return strict;
  const lenient = readWithYamlLibrary(indented.text, options);
  const errorCount = (file: YamlFile) => file.documents.reduce((n, d) => n + d.errors.length, 0);
  const unclosed = lenient.documents.some((d) => d.errors.some((e) => e.code === 'MISSING_CHAR'));
  if (unclosed || errorCount(lenient) >= errorCount(strict)) return strict;
  const remap = new SpanRemapper(indented.toOriginal);
  for (const doc of lenient.documents) remap.document(doc);
  for (const comment of lenient.comments) remap.span(comment.span);
  for (const problem of indented.problems) {
    const doc = lenient.documents.find((d) => problem.span.start <= d.span.end) ?? lenient.documents.at(-1);
    doc?.warnings.push(problem);
  }
  return lenient;
}

/** The dotted path of CONTRACTS.md: `spec.template.spec.containers[0].image`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const s of path) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += out ? `.${s}` : s;
  }
  return out;
}
