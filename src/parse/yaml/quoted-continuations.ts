/**
 * A quoted scalar that spans lines ends at its closing quote for go-yaml — the reader of kubectl
 * and the API server, a libyaml descendant like PyYAML — however its continuation lines are indented:
 *
 *       args: ["
 *         apk update
 *       "]              ← indented no deeper than `args`
 *
 * YAML 1.2, and so the `yaml` package, require continuation lines to be indented deeper than the
 * scalar's parent, and read the rest of the document as garbage. kubectl applies such files,
 * so they are read as go-yaml reads them: the under-indented lines are indented (which changes no
 * value: line folding drops leading white space), the result is read, its spans are mapped back
 * to the original text, and each such scalar gets one warning (with those indentations as its
 * fix), for the tools that read YAML 1.2.
 */
import { yamlLibrary } from './library.js';
import type { YamlProblem } from './parse.js';

export const QUOTED_CONTINUATION = 'QUOTED_CONTINUATION';

/** Zero-width markers in the `yaml` Lexer's output (document start, flow end, plain scalar). */
const MARKERS = new Set(['\x02', '\x18', '\x1f']);
const MAX_ROUNDS = 64;

interface Step {
  /** Insertions into this step's input text, ascending: `add` spaces before offset `at`. */
  at: number[];
  add: number[];
}

export interface IndentedText {
  text: string;
  /** The patched text's offset → the original's. */
  toOriginal(offset: number): number;
  /** One warning per re-indented scalar, in the original text, with the edits that indent it. */
  problems: YamlProblem[];
}

/** The text with the continuation lines of its quoted scalars indented, or undefined when none needs it. */
export function indentQuotedContinuations(original: string): IndentedText | undefined {
  const steps: Step[] = [];
  const problems: YamlProblem[] = [];
  let text = original;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const found = firstUnderIndented(text);
    if (!found) break;
    if (found === 'abort') return undefined;
    // The lines are line starts of the original too: earlier steps only indented other lines.
    const lines = found.step.at.map((at) => mapBack(steps, at));
    problems.push({
      code: QUOTED_CONTINUATION,
      message: 'A continuation line of a quoted scalar is indented no deeper than the line the scalar starts on.',
      span: { start: lines[0]!, end: lineEnd(original, lines[0]!) },
      edits: lines.map((start, i) => ({ span: { start, end: start }, text: ' '.repeat(found.step.add[i]!) })),
    });
    steps.push(found.step);
    text = apply(text, found.step);
  }
  if (steps.length === 0) return undefined;
  return { text, toOriginal: (offset) => mapBack(steps, offset), problems };
}

/** The first quoted scalar the Lexer ends early because of a line's indentation, and the step that fixes it. */
function firstUnderIndented(text: string): { step: Step } | 'abort' | undefined {
  let offset = 0;
  for (const token of new (yamlLibrary().Lexer)().lex(text)) {
    const start = offset;
    if (!MARKERS.has(token)) offset += token.length;
    const quote = token[0];
    if (quote !== '"' && quote !== "'") continue;
    const close = closingQuote(text, start, quote);
    if (close === undefined || close === start + token.length - 1) continue;
    if (close < start + token.length) continue; // the token runs past the quote: not this case
    return stepFor(text, start, close);
  }
  return undefined;
}

/** The offset of the quote that closes the scalar opened at `start`. */
function closingQuote(text: string, start: number, quote: string): number | undefined {
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (quote === '"' && c === '\\') i++;
    else if (c === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return undefined;
}

/** Indents every non-blank line of the scalar from `start` to `close` that is not deeper than its first line. */
function stepFor(text: string, start: number, close: number): { step: Step } | 'abort' | undefined {
  const firstLineStart = text.lastIndexOf('\n', start - 1) + 1;
  const parentIndent = indentAt(text, firstLineStart);
  const step: Step = { at: [], add: [] };
  for (let nl = text.indexOf('\n', start); nl >= 0 && nl < close; nl = text.indexOf('\n', nl + 1)) {
    const lineStart = nl + 1;
    // A document marker ends the scalar for every reader.
    if (/^(---|\.\.\.)(\s|$)/.test(text.slice(lineStart, lineStart + 4))) return 'abort';
    const indent = indentAt(text, lineStart);
    const next = text[lineStart + indent];
    if (next === '\n' || next === '\r' || next === undefined) continue; // blank: a line break in the value
    if (indent <= parentIndent) {
      step.at.push(lineStart);
      step.add.push(parentIndent + 1 - indent);
    }
  }
  return step.at.length > 0 ? { step } : undefined;
}

function indentAt(text: string, lineStart: number): number {
  let i = lineStart;
  while (text[i] === ' ') i++;
  return i - lineStart;
}

function lineEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  const end = nl < 0 ? text.length : nl;
  return text[end - 1] === '\r' ? end - 1 : end;
}

function apply(text: string, step: Step): string {
  let out = '';
  let last = 0;
  step.at.forEach((at, i) => {
    out += text.slice(last, at) + ' '.repeat(step.add[i]!);
    last = at;
  });
  return out + text.slice(last);
}

/** Maps an offset of the last step's output back through every step to the original text. */
function mapBack(steps: readonly Step[], offset: number): number {
  let p = offset;
  for (let s = steps.length - 1; s >= 0; s--) p = stepBack(steps[s]!, p);
  return p;
}

/** One step back: spaces inserted before `at[i]` moved what follows; an inserted space maps to its line's start. */
function stepBack({ at, add }: Step, p: number): number {
  let shift = 0;
  for (let i = 0; i < at.length; i++) {
    const insertedAt = at[i]! + shift;
    if (p < insertedAt) break;
    if (p < insertedAt + add[i]!) return at[i]!;
    shift += add[i]!;
  }
  return p - shift;
}
