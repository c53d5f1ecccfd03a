import type { Position, Range, Span } from './types.js';

/**
 * A file's text with a line index. The BOM is removed (editors hide it, and positions
 * must match what users see) but remembered so a fix can write it back.
 */
export class SourceText {
  readonly text: string;
  readonly hasBom: boolean;
  private lineStarts: number[] | undefined;

  constructor(
    readonly path: string,
    raw: string,
  ) {
    this.hasBom = raw.charCodeAt(0) === 0xfeff;
    this.text = this.hasBom ? raw.slice(1) : raw;
  }

  private starts(): number[] {
    if (this.lineStarts) return this.lineStarts;
    const starts = [0];
    const text = this.text;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1); // lone CR
    }
    this.lineStarts = starts;
    return starts;
  }

  get lineCount(): number {
    return this.starts().length;
  }

  positionAt(offset: number): Position {
    const starts = this.starts();
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: clamped - starts[lo]! };
  }

  offsetAt(position: Position): number {
    const starts = this.starts();
    if (position.line >= starts.length) return this.text.length;
    return Math.min(starts[Math.max(0, position.line)]! + position.character, this.lineEnd(position.line));
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }

  /** Offset of the end of a line's content, before its CR/LF. */
  lineEnd(line: number): number {
    const starts = this.starts();
    let end = line + 1 < starts.length ? starts[line + 1]! : this.text.length;
    if (end > 0 && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    return Math.max(end, starts[line] ?? 0);
  }

  lineText(line: number): string {
    const starts = this.starts();
    return this.text.slice(starts[line] ?? this.text.length, this.lineEnd(line));
  }

  lineStart(line: number): number {
    return this.starts()[line] ?? this.text.length;
  }

  slice(span: Span): string {
    return this.text.slice(span.start, span.end);
  }
}
