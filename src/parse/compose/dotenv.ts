/**
 * `.env` files as Compose (compose-go's dotenv package) reads them:
 *   # comment              blank lines and comment lines are skipped
 *   [export ]KEY=value     unquoted: up to the end of the line, cut at " #", trimmed, interpolated
 *   KEY: value             YAML-like separator, same as `=`
 *   KEY="a\nb ${X}"        double quotes: may span lines, escapes (\n \t \" \\ \$ …), interpolated
 *   KEY='literal'          single quotes: may span lines, taken literally
 *   KEY                    alone on its line: inherited from the environment when it is set there
 * Keys are letters, digits and `_ . - [ ]`. Interpolation sees the keys defined above it first,
 * then `lookup` (the environment).
 */
import { interpolate, type Lookup } from './interpolate.js';

export interface DotenvProblem {
  message: string;
  /** 0-based line of the problem. */
  line: number;
}

export interface DotenvEntry {
  key: string;
  value: string;
  line: number;
}

export interface Dotenv {
  entries: DotenvEntry[];
  values: Map<string, string>;
  problems: DotenvProblem[];
}

const KEY_CHAR = /[\p{L}\p{N}_.\-[\]]/u;
const SPACE = /[ \t\v\f\r\u0085\u00a0]/;

export function parseDotenv(text: string, lookup: Lookup = () => undefined): Dotenv {
  const values = new Map<string, string>();
  const entries: DotenvEntry[] = [];
  const problems: DotenvProblem[] = [];
  const resolve: Lookup = (name) => values.get(name) ?? lookup(name);
  let i = 0;
  const n = text.length;
  const starts = [0];
  for (let k = 0; k < n; k++) if (text.charCodeAt(k) === 10) starts.push(k + 1);
  const lineAt = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  while (i < n) {
    // Statement start: skip whitespace and comment lines.
    while (i < n && /\s/.test(text[i]!)) i++;
    if (i >= n) break;
    if (text[i] === '#') {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? n : nl + 1;
      continue;
    }
    const start = i;
    if (/^export\s+/.test(text.slice(i, i + 8))) {
      i += 6;
      while (i < n && SPACE.test(text[i]!)) i++;
    }
    // Key, up to `=`, `:` or the end of the line (an inherited key).
    let keyEnd = i;
    let terminator = '';
    let bad: string | undefined;
    for (; keyEnd < n; keyEnd++) {
      const c = text[keyEnd]!;
      if (c === '=' || c === ':' || c === '\n') {
        terminator = c;
        break;
      }
      if (SPACE.test(c) || KEY_CHAR.test(c)) continue;
      bad = c;
      break;
    }
    const key = text.slice(i, keyEnd).trim();
    if (bad !== undefined || (key.includes(' ') || key.includes('\t'))) {
      const lineText = text.slice(start, text.indexOf('\n', start) < 0 ? n : text.indexOf('\n', start));
      problems.push({
        message: bad !== undefined ? `unexpected character "${bad}" in variable name "${lineText.trim()}"` : `key "${key}" cannot contain a space`,
        line: lineAt(start),
      });
      const nl = text.indexOf('\n', keyEnd);
      i = nl < 0 ? n : nl + 1;
      continue;
    }
    const line = lineAt(start);
    if (terminator === '\n' || terminator === '') {
      if (key !== '') {
        const inherited = lookup(key);
        if (inherited !== undefined) {
          values.set(key, inherited);
          entries.push({ key, value: inherited, line });
        }
      }
      i = keyEnd + 1;
      continue;
    }
    i = keyEnd + 1;
    while (i < n && SPACE.test(text[i]!)) i++;
    const quote = text[i];
    let value: string;
    if (quote === '"' || quote === "'") {
      const read = quoted(text, i + 1, quote);
      if (!read) {
        problems.push({ message: `unterminated quoted value for "${key}"`, line });
        break;
      }
      value = read.value;
      i = read.end;
      if (quote === '"') value = interpolate(unescape(value), resolve).value;
      // Whatever follows the closing quote on its line is a comment or nothing.
      const nl = text.indexOf('\n', i);
      const rest = text.slice(i, nl < 0 ? n : nl).trim();
      if (rest !== '' && !rest.startsWith('#')) problems.push({ message: `unexpected text after the quoted value of "${key}"`, line });
      i = nl < 0 ? n : nl + 1;
    } else {
      const nl = text.indexOf('\n', i);
      let raw = text.slice(i, nl < 0 ? n : nl);
      const comment = raw.indexOf(' #');
      if (comment >= 0) raw = raw.slice(0, comment);
      value = interpolate(raw.trimEnd(), resolve).value;
      i = nl < 0 ? n : nl + 1;
    }
    values.set(key, value);
    entries.push({ key, value, line });
  }
  return { entries, values, problems };
}

function quoted(text: string, from: number, quote: string): { value: string; end: number } | undefined {
  let out = '';
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      const next = text[i + 1]!;
      // An escaped quote drops its backslash; other escapes are kept for unescape().
      out += next === quote ? next : `\\${next}`;
      i++;
      continue;
    }
    if (c === quote) return { value: out, end: i + 1 };
    out += c;
  }
  return undefined;
}

const ESCAPES: Record<string, string> = { a: '\u0007', b: '\b', c: '', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '"': '"', '\\': '\\' };

/** Double-quoted escapes; `\$` becomes `$$` so interpolation keeps a literal `$`. */
function unescape(value: string): string {
  return value.replace(/\\([abcfnrtv$"\\]|0[0-7]{0,3})/g, (_, e: string) => {
    if (e === '$') return '$$';
    if (e.startsWith('0')) return String.fromCharCode(parseInt(e.slice(1) || '0', 8));
    return ESCAPES[e] ?? `\\${e}`;
  });
}
