/**
 * Scalars for the fast YAML reader (scan.ts): folding of plain, quoted and block scalars as
 * YAML 1.2 defines it, and resolution of plain scalars as the `yaml` package's schemas do
 * (core for 1.2, yaml-1.1 for 1.1), so both readers give every scalar the same value.
 * Anything these functions are not sure about makes them return undefined: the caller then
 * reads the file with the `yaml` package instead.
 */
/**
 * Plain-scalar resolution: the `yaml` package's core (1.2) and yaml-1.1 schema tags, in
 * their order, with their tests and results (test/yaml/scalars.test.ts checks each against
 * the package's own tags). Written out here so that reading YAML does not load the package.
 */
type Resolver = readonly [test: RegExp, resolve: (source: string) => unknown, atKeyOnly?: boolean];

const NULL: Resolver = [/^(?:~|[Nn]ull|NULL)?$/, () => null];
const MERGE: Resolver = [/^<<$/, () => Symbol(MERGE_KEY), true];
const nan = (s: string): number => (s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY);
const NAN: Resolver = [/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, nan];

/** 1.1 integers: a sign, then digits (underscores allowed) in the radix after `offset` characters. */
function int11(s: string, offset: number, radix: number): number {
  const sign = s[0];
  if (sign === '-' || sign === '+') offset += 1;
  const n = parseInt(s.substring(offset).replace(/_/g, ''), radix);
  return sign === '-' ? -1 * n : n;
}

function sexagesimal(s: string): number {
  const sign = s[0];
  const parts = sign === '-' || sign === '+' ? s.substring(1) : s;
  const n = parts
    .replace(/_/g, '')
    .split(':')
    .reduce((acc, p) => acc * 60 + Number(p), 0);
  return sign === '-' ? -1 * n : n;
}

const TIMESTAMP = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\.[0-9]+)?)(?:[ \t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$/;

function timestamp(s: string): Date {
  const m = s.match(TIMESTAMP)!;
  const [, year, month, day, hour, minute, second] = m.map(Number) as number[];
  const millisec = m[7] ? Number(`${m[7]}00`.substr(1, 3)) : 0;
  let date = Date.UTC(year!, month! - 1, day!, hour || 0, minute || 0, second || 0, millisec);
  const tz = m[8];
  if (tz && tz !== 'Z') {
    let d = sexagesimal(tz);
    if (Math.abs(d) < 30) d *= 60;
    date -= 60000 * d;
  }
  return new Date(date);
}

const RESOLVERS: Record<'1.1' | '1.2', readonly Resolver[]> = {
  '1.2': [
    NULL,
    [/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (s) => s[0] === 't' || s[0] === 'T'],
    [/^0o[0-7]+$/, (s) => parseInt(s.substring(2), 8)],
    [/^[-+]?[0-9]+$/, (s) => parseInt(s, 10)],
    [/^0x[0-9a-fA-F]+$/, (s) => parseInt(s.substring(2), 16)],
    NAN,
    [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, (s) => parseFloat(s)],
    [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, (s) => parseFloat(s)],
    MERGE,
  ],
  '1.1': [
    NULL,
    [/^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/, () => true],
    [/^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/, () => false],
    [/^[-+]?0b[0-1_]+$/, (s) => int11(s, 2, 2)],
    [/^[-+]?0[0-7_]+$/, (s) => int11(s, 1, 8)],
    [/^[-+]?[0-9][0-9_]*$/, (s) => int11(s, 0, 10)],
    [/^[-+]?0x[0-9a-fA-F_]+$/, (s) => int11(s, 2, 16)],
    NAN,
    [/^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/, (s) => parseFloat(s.replace(/_/g, ''))],
    [/^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/, (s) => parseFloat(s.replace(/_/g, ''))],
    MERGE,
    [/^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/, sexagesimal],
    [/^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/, sexagesimal],
    [TIMESTAMP, timestamp],
  ],
};

/** Characters a plain scalar must start with for any tag other than str to match it (see the tags' tests). */
const MAYBE_TYPED = new Set('0123456789+-.~<yYnNtTfFoO');

/** A merge key's resolved value: `yaml` gives each one a new Symbol described `<<`. */
export const MERGE_KEY = '<<';

/**
 * The value of a plain scalar as the schema resolves it. `atKey`: tags that only apply to
 * keys (the merge key) are tried too.
 */
export function resolvePlain(source: string, version: '1.1' | '1.2', atKey: boolean): unknown {
  if (source.length > 0 && !MAYBE_TYPED.has(source[0]!)) return source;
  for (const [test, resolve, atKeyOnly] of RESOLVERS[version]) {
    if (atKeyOnly && !atKey) continue;
    if (test.test(source)) return resolve(source);
  }
  return source;
}

/** Kept for callers that check for a failed resolution; the resolvers above never fail. */
export const FAIL: unique symbol = Symbol('fail');

/** Plain and single-quoted scalars: line breaks fold to spaces, empty lines to newlines. */
export function unfoldLines(raw: string): string {
  let nl = raw.indexOf('\n');
  if (nl < 0) return raw;
  let out = trimEnd(raw.slice(0, nl));
  let sep = ' ';
  let pos = nl + 1;
  while ((nl = raw.indexOf('\n', pos)) >= 0) {
    const line = trimBoth(raw.slice(pos, nl));
    if (line === '') {
      if (sep === '\n') out += sep;
      else sep = '\n';
    } else {
      out += sep + line;
      sep = ' ';
    }
    pos = nl + 1;
  }
  return out + sep + trimStart(raw.slice(pos));
}

const trimEnd = (s: string): string => s.replace(/ +$/, '');
const trimStart = (s: string): string => s.replace(/^ +/, '');
const trimBoth = (s: string): string => s.replace(/^ +| +$/g, '');

export function singleQuotedValue(inner: string): string {
  return unfoldLines(inner).replace(/''/g, "'");
}

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
};

/** The content between double quotes, escapes and folding applied; undefined on a bad escape. */
export function doubleQuotedValue(inner: string): string | undefined {
  if (inner.indexOf('\\') < 0 && inner.indexOf('\n') < 0) return inner;
  let out = '';
  const n = inner.length;
  for (let i = 0; i < n; i++) {
    const ch = inner[i]!;
    if (ch === '\n') {
      let fold = '';
      while (i + 1 < n && (inner[i + 1] === ' ' || inner[i + 1] === '\n')) {
        if (inner[i + 1] === '\n') fold += '\n';
        i++;
      }
      out += fold || ' ';
    } else if (ch === '\\') {
      const next = inner[++i];
      if (next === undefined) return undefined;
      const esc = ESCAPES[next];
      if (esc !== undefined) out += esc;
      else if (next === '\n') {
        while (inner[i + 1] === ' ') i++;
      } else if (next === 'x' || next === 'u' || next === 'U') {
        const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
        const code = inner.slice(i + 1, i + 1 + length);
        if (code.length !== length || !/^[0-9a-fA-F]+$/.test(code)) return undefined;
        const cp = parseInt(code, 16);
        if (cp > 0x10ffff) return undefined;
        out += String.fromCodePoint(cp);
        i += length;
      } else return undefined;
    } else if (ch === ' ') {
      // Spaces before a line break are dropped.
      const start = i;
      while (inner[i + 1] === ' ') i++;
      if (inner[i + 1] !== '\n') out += inner.slice(start, i + 1);
    } else out += ch;
  }
  return out;
}

/**
 * The value of a block scalar from its content lines (`source`: every line after the
 * header, each ending in a newline except perhaps the last), as the `yaml` package reads
 * it: `parentIndent` is the indentation of the collection holding it, `explicit` the
 * indentation indicator (0: none).
 */
export function blockScalarValue(source: string, literal: boolean, chomp: '' | '-' | '+', parentIndent: number, explicit: number): string | undefined {
  const lines: [indent: number, content: string][] = [];
  let pos = 0;
  for (;;) {
    const nl = source.indexOf('\n', pos);
    const line = nl < 0 ? source.slice(pos) : source.slice(pos, nl);
    let indent = 0;
    while (line.charCodeAt(indent) === 32) indent++;
    lines.push([indent, line.slice(indent)]);
    if (nl < 0) break;
    pos = nl + 1;
  }
  let chompStart = lines.length;
  for (let i = lines.length - 1; i >= 0; --i) {
    if (lines[i]![1] === '') chompStart = i;
    else break;
  }
  if (chompStart === 0) return undefined;
  let trimIndent = parentIndent + explicit;
  let contentStart = 0;
  for (let i = 0; i < chompStart; ++i) {
    const [indent, content] = lines[i]!;
    if (content === '') {
      if (explicit === 0 && indent > trimIndent) trimIndent = indent;
    } else {
      // More-indented leading empty lines need an indentation indicator: the `yaml` package reports it.
      if (indent < trimIndent) return undefined;
      if (explicit === 0) trimIndent = indent;
      contentStart = i;
      if (trimIndent === 0) return undefined;
      break;
    }
  }
  for (let i = lines.length - 1; i >= chompStart; --i) {
    if (lines[i]![0] > trimIndent) chompStart = i + 1;
  }
  let value = '';
  let sep = '';
  let prevMoreIndented = false;
  for (let i = 0; i < contentStart; ++i) value += ' '.repeat(Math.max(0, lines[i]![0] - trimIndent)) + '\n';
  for (let i = contentStart; i < chompStart; ++i) {
    const [indent, content] = lines[i]!;
    if (content !== '' && indent < trimIndent) return undefined;
    const extra = ' '.repeat(Math.max(0, indent - trimIndent));
    if (literal) {
      value += sep + extra + content;
      sep = '\n';
    } else if (indent > trimIndent) {
      if (sep === ' ') sep = '\n';
      else if (!prevMoreIndented && sep === '\n') sep = '\n\n';
      value += sep + extra + content;
      sep = '\n';
      prevMoreIndented = true;
    } else if (content === '') {
      if (sep === '\n') value += '\n';
      else sep = '\n';
    } else {
      value += sep + content;
      sep = ' ';
      prevMoreIndented = false;
    }
  }
  if (chomp === '+') {
    for (let i = chompStart; i < lines.length; ++i) value += '\n' + ' '.repeat(Math.max(0, lines[i]![0] - trimIndent));
    if (value[value.length - 1] !== '\n') value += '\n';
  } else if (chomp === '') value += '\n';
  return value;
}
