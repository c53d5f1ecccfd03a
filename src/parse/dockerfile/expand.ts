/**
 * BuildKit-style variable expansion for the instructions it applies to
 * (ADD, COPY, ENV, EXPOSE, FROM, LABEL, STOPSIGNAL, USER, VOLUME, WORKDIR, ARG).
 */

export interface VariableScope {
  /** Undefined value: declared without a value (e.g. `ARG X`). */
  has(name: string): boolean;
  get(name: string): string | undefined;
  /** Set by every build, to a value the parser cannot know (TARGETARCH…): kept as written. */
  isOpaque?(name: string): boolean;
}

export interface FoundReference {
  name: string;
  /** Offsets in the expanded text's input. */
  start: number;
  end: number;
  hasFallback: boolean;
}

export interface Expansion {
  value: string;
  /** False when a referenced variable has no known value. */
  resolved: boolean;
  references: FoundReference[];
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

/**
 * Expands `$X`, `${X}`, `${X:-d}`, `${X-d}`, `${X:+a}`, `${X+a}`, `${X:?m}`, `${X?m}`.
 * Single-quoted text is not expanded; the escape character escapes `$`.
 * Unknown variables stay as written and make the result unresolved.
 */
export function expandVariables(
  text: string,
  scope: VariableScope,
  escapeChar = '\\',
  /**
   * Applied to each substituted value (`inDouble`: inside double quotes). The parser
   * removes quotes and escapes after expanding; it escapes values here so that a value
   * such as `C:\\go` is inserted literally, as BuildKit does, not unescaped twice.
   */
  protect?: (value: string, inDouble: boolean) => string,
  startInDouble = false,
): Expansion {
  // Without a `$` there is nothing to expand, and the text stays exactly as it is.
  if (!text.includes('$')) return { value: text, resolved: true, references: [] };
  const references: FoundReference[] = [];
  let value = '';
  let resolved = true;
  let inSingle = false;
  let inDouble = startInDouble;
  const substitute = (v: string): string => (protect ? protect(v, inDouble) : v);
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "'" && !inDouble) {
      inSingle = !inSingle;
      value += c;
      i++;
      continue;
    }
    if (c === '"' && !inSingle) inDouble = !inDouble;
    if (c === escapeChar && text[i + 1] === '$') {
      value += c + '$';
      i += 2;
      continue;
    }
    if (c !== '$' || inSingle) {
      value += c;
      i++;
      continue;
    }
    const start = i;
    if (text[i + 1] === '{') {
      const close = findClosingBrace(text, i + 2);
      if (close < 0) {
        value += text.slice(i);
        break;
      }
      const inner = text.slice(i + 2, close);
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?])([\s\S]*))?$/.exec(inner);
      if (!m) {
        // Substring/pattern operators (${X#p}, ${X/a/b}) and other forms: keep as written.
        const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(inner)?.[0];
        if (name) references.push({ name, start, end: close + 1, hasFallback: false });
        resolved = false;
        value += text.slice(i, close + 1);
        i = close + 1;
        continue;
      }
      const name = m[1]!;
      const op = m[2];
      const word = m[3] ?? '';
      references.push({ name, start, end: close + 1, hasFallback: op !== undefined && !op.endsWith('?') });
      if (scope.isOpaque?.(name)) {
        resolved = false;
        value += text.slice(i, close + 1);
        i = close + 1;
        continue;
      }
      const known = scope.has(name);
      const current = scope.get(name);
      const set = known && current !== undefined;
      const nonEmpty = set && current !== '';
      const nested = (w: string): string => {
        const e = expandVariables(w, scope, escapeChar, protect, inDouble);
        if (!e.resolved) resolved = false;
        return e.value;
      };
      switch (op) {
        case undefined:
          if (set) value += substitute(current!);
          else {
            resolved = false;
            value += text.slice(i, close + 1);
          }
          break;
        case ':-':
          value += nonEmpty ? substitute(current!) : nested(word);
          break;
        case '-':
          value += set ? substitute(current!) : nested(word);
          break;
        case ':+':
          value += nonEmpty ? nested(word) : '';
          break;
        case '+':
          value += set ? nested(word) : '';
          break;
        default: // `:?` / `?`: an error at build time when unset; keep as written.
          if (set) value += substitute(current!);
          else {
            resolved = false;
            value += text.slice(i, close + 1);
          }
      }
      i = close + 1;
      continue;
    }
    if (NAME_START.test(text[i + 1] ?? '')) {
      let j = i + 2;
      while (j < text.length && NAME_CHAR.test(text[j]!)) j++;
      const name = text.slice(i + 1, j);
      references.push({ name, start, end: j, hasFallback: false });
      const current = scope.get(name);
      if (scope.has(name) && current !== undefined && !scope.isOpaque?.(name)) value += substitute(current!);
      else {
        resolved = false;
        value += text.slice(i, j);
      }
      i = j;
      continue;
    }
    value += c;
    i++;
  }
  return { value, resolved, references };
}

function findClosingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** A scope backed by a map; `undefined` values mean "declared without a value". */
export class MapScope implements VariableScope {
  private readonly opaque = new Set<string>();
  constructor(readonly vars: Map<string, string | undefined> = new Map()) {}
  isOpaque(name: string): boolean {
    return this.opaque.has(name);
  }
  /** Declares a variable every build sets, to a value not known here. */
  setOpaque(name: string): void {
    this.vars.set(name, undefined);
    this.opaque.add(name);
  }
  has(name: string): boolean {
    return this.vars.has(name);
  }
  get(name: string): string | undefined {
    return this.vars.get(name);
  }
  set(name: string, value: string | undefined): void {
    this.vars.set(name, value);
    this.opaque.delete(name);
  }
  clone(): MapScope {
    const copy = new MapScope(new Map(this.vars));
    for (const name of this.opaque) copy.opaque.add(name);
    return copy;
  }
}
