/**
 * Large multi-document files, read a slice of documents at a time: a document the fast
 * reader cannot take (a syntax error, a tag) then costs only its own slice the slow reader's
 * time, not the whole file's. YAML documents are independent (anchors do not cross `---`),
 * and a `---` at the start of a line always starts a document, so slicing there is exact.
 */
import type { CommentToken } from '../../core/parsed-file.js';
import type { YamlDocument, YamlFile, YamlOptions } from './parse.js';
import { SpanRemapper } from './remap.js';

/** Files above this size are read in slices when the fast reader cannot read them whole. */
export const SLICED_ABOVE = 1 << 20;
/** About this many characters of documents per slice. */
const SLICE_SIZE = 1 << 18;
const DOCUMENT_START = /^---(?=[ \t\r\n]|$)/gm;

/** Offsets where slices start: 0, then document markers roughly SLICE_SIZE apart. */
export function sliceStarts(text: string): number[] | undefined {
  // Directives (`%YAML`) apply to the documents after them: keep such files whole.
  if (/^%/m.test(text)) return undefined;
  const starts = [0];
  DOCUMENT_START.lastIndex = 0;
  for (let m = DOCUMENT_START.exec(text); m; m = DOCUMENT_START.exec(text)) {
    if (m.index - starts[starts.length - 1]! >= SLICE_SIZE) starts.push(m.index);
    DOCUMENT_START.lastIndex = m.index + 3;
  }
  return starts.length > 1 ? starts : undefined;
}

type Reader = (text: string, options: YamlOptions) => YamlFile;

/** Reads each slice with `read` and joins the results, with offsets and document indexes of the whole file. */
export function readInSlices(text: string, starts: readonly number[], options: YamlOptions, read: Reader): YamlFile {
  const documents: YamlDocument[] = [];
  const comments: CommentToken[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    const part = read(text.slice(start, starts[i + 1] ?? text.length), options);
    const shift = new SpanRemapper((offset) => offset + start);
    for (const doc of part.documents) {
      if (start > 0) shift.document(doc);
      documents.push({ ...doc, index: documents.length });
    }
    for (const c of part.comments) {
      if (start > 0) shift.span(c.span);
      comments.push(c);
    }
  }
  return { documents, comments };
}
