/**
 * Dockerfile lexing: physical lines → logical lines (continuations joined the way
 * BuildKit joins them) with a map from every logical offset back to the source.
 */
import type { Span } from '../../core/types.js';

export interface PhysicalLine {
  /** Offset of the first character. */
  start: number;
  /** Offset just past the content, before CR/LF. */
  end: number;
  text: string;
}

export function splitLines(text: string): PhysicalLine[] {
  const lines: PhysicalLine[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : -1;
    if (c === 10 || c === -1) {
      let end = i;
      if (end > start && text.charCodeAt(end - 1) === 13) end--;
      if (c === -1 && start === text.length && lines.length > 0) break;
      lines.push({ start, end, text: text.slice(start, end) });
      start = i + 1;
    }
  }
  return lines;
}

interface Segment {
  /** Offset in the logical text. */
  at: number;
  /** Offset in the source. */
  source: number;
  length: number;
}

/**
 * Text assembled from pieces of the source, mapping every offset back. Used for
 * continued instruction lines and for the shell text handed to the shell parser.
 */
export class MappedText {
  text = '';
  private segments: Segment[] = [];

  append(text: string, sourceOffset: number): void {
    if (text.length === 0) return;
    this.segments.push({ at: this.text.length, source: sourceOffset, length: text.length });
    this.text += text;
  }

  /** Appends text that has no source of its own (mapped to `sourceOffset`). */
  appendSynthetic(text: string, sourceOffset: number): void {
    if (text.length === 0) return;
    this.segments.push({ at: this.text.length, source: sourceOffset, length: 0 });
    this.text += text;
  }

  private find(offset: number, preferEnd: boolean): number {
    const segs = this.segments;
    if (segs.length === 0) return 0;
    let lo = 0;
    let hi = segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segs[mid]!.at <= offset) lo = mid;
      else hi = mid - 1;
    }
    let seg = segs[lo]!;
    if (preferEnd && lo > 0 && seg.at === offset) seg = segs[lo - 1]!;
    const delta = Math.min(offset - seg.at, seg.length);
    return seg.source + Math.max(0, delta);
  }

  /** Source offset of a logical offset, as the start of a span. */
  sourceStart(offset: number): number {
    return this.find(offset, false);
  }

  /** Source offset of a logical offset, as the (exclusive) end of a span. */
  sourceEnd(offset: number): number {
    return this.find(offset, true);
  }

  span(start: number, end: number): Span {
    if (end <= start) {
      const at = this.sourceStart(start);
      return { start: at, end: at };
    }
    return { start: this.sourceStart(start), end: this.sourceEnd(end) };
  }
}

export interface Word {
  /** Offsets in the logical text. */
  start: number;
  end: number;
  raw: string;
  value: string;
}

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n';

/**
 * Splits on unquoted whitespace, as BuildKit's word splitting does: quotes group,
 * the escape character escapes the next character (not inside single quotes).
 */
export function splitWords(text: string, escapeChar: string, from = 0, to = text.length): Word[] {
  const words: Word[] = [];
  let i = from;
  while (i < to) {
    while (i < to && isSpace(text[i])) i++;
    if (i >= to) break;
    const start = i;
    const word = readWord(text, escapeChar, i, to, true);
    i = word.end;
    words.push({ start, end: i, raw: text.slice(start, i), value: word.value });
  }
  return words;
}

/** Quotes removed and escapes resolved, with unquoted whitespace kept as it is (BuildKit's ProcessWord). */
export function unquoteText(text: string, escapeChar: string): string {
  return readWord(text, escapeChar, 0, text.length, false).value;
}

function readWord(text: string, escapeChar: string, from: number, to: number, stopAtSpace: boolean): { end: number; value: string } {
  // Most words have no quotes or escapes: slice them instead of building them a character at a time.
  let plain = from;
  while (plain < to) {
    const c = text[plain]!;
    if (c === '"' || c === "'" || c === escapeChar) break;
    if (stopAtSpace && isSpace(c)) return { end: plain, value: text.slice(from, plain) };
    plain++;
  }
  if (plain === to) return { end: to, value: text.slice(from, to) };
  let i = plain;
  let value = text.slice(from, plain);
  let quote: string | undefined;
  while (i < to) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) {
        quote = undefined;
        i++;
        continue;
      }
      if (c === escapeChar && quote === '"' && i + 1 < to) {
        const next = text[i + 1]!;
        // Inside double quotes only the quote, the escape char and `$` are escapable.
        if (next === '"' || next === escapeChar || next === '$') {
          value += next;
          i += 2;
          continue;
        }
      }
      value += c;
      i++;
      continue;
    }
    if (stopAtSpace && isSpace(c)) break;
    if (c === '"' || c === "'") {
      quote = c;
      i++;
      continue;
    }
    if (c === escapeChar && i + 1 < to) {
      value += text[i + 1];
      i += 2;
      continue;
    }
    value += c;
    i++;
  }
  return { end: i, value };
}

/**
 * `\` or `` ` `` followed only by spaces/tabs at the end of the line. As in BuildKit
 * (`([^\\])\\[ \t]*$|^\\[ \t]*$`), an escape character preceded by another one does not
 * continue the line: `COPY a C:\\dir\\` ends there.
 */
export function continuationIndex(line: string, escapeChar: string): number {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  if (end === 0 || line[end - 1] !== escapeChar) return -1;
  return end >= 2 && line[end - 2] === escapeChar ? -1 : end - 1;
}

export const isBlank = (line: string): boolean => line.trim().length === 0;

export const isCommentLine = (line: string): boolean => line.trimStart().startsWith('#');

/**
 * Joins the lines of `span` the way BuildKit joins a continued instruction: the escape
 * character and line break are removed, comment and blank lines inside are dropped.
 * `onComment` receives each dropped comment line, `onBlank` each dropped blank line.
 */
export function joinContinuations(
  lines: PhysicalLine[],
  first: number,
  escapeChar: string,
  onComment?: (line: PhysicalLine) => void,
  onBlank?: (line: PhysicalLine) => void,
): { text: MappedText; nextLine: number; end: number } {
  const text = new MappedText();
  let i = first;
  let end = lines[first]?.end ?? 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const cont = continuationIndex(line.text, escapeChar);
    end = line.end;
    i++;
    if (cont < 0) {
      text.append(line.text, line.start);
      break;
    }
    text.append(line.text.slice(0, cont), line.start);
    while (i < lines.length && (isBlank(lines[i]!.text) || isCommentLine(lines[i]!.text))) {
      if (isCommentLine(lines[i]!.text)) onComment?.(lines[i]!);
      else onBlank?.(lines[i]!);
      i++;
    }
  }
  return { text, nextLine: i, end };
}

/** Physical lines of `text` within `span` (offsets stay absolute). */
export function linesIn(text: string, span: Span): PhysicalLine[] {
  return splitLines(text.slice(span.start, span.end)).map((l) => ({ ...l, start: l.start + span.start, end: l.end + span.start }));
}
