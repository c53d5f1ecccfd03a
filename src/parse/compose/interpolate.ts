/**
 * Compose variable interpolation, as compose-go's template package reads it:
 *   $$            a literal $
 *   $VAR ${VAR}   the value ("" and a warning when unset)
 *   ${VAR:-word}  word when VAR is unset or empty     ${VAR-word}  word when VAR is unset
 *   ${VAR:?msg}   an error when VAR is unset or empty ${VAR?msg}   an error when VAR is unset
 *   ${VAR:+word}  word when VAR is set and not empty  ${VAR+word}  word when VAR is set
 * `word` may itself hold substitutions (`${A:-${B:-x}}`). A `$` followed by anything
 * else is kept as it is; `${` without a valid name and closing brace is an invalid template.
 */

/** Returns the value of a variable, or undefined when it is not set. */
export type Lookup = (name: string) => string | undefined;

export type InterpolationProblem =
  | { kind: 'undefined'; name: string; start: number; end: number }
  | { kind: 'required'; name: string; message: string; start: number; end: number }
  | { kind: 'invalid'; start: number; end: number };

export interface Interpolated {
  value: string;
  /** Offsets are into the template string. */
  problems: InterpolationProblem[];
  /** Whether any substitution (other than `$$`) took place. */
  substituted: boolean;
  /** Names of variables that were read, set or not. */
  names: string[];
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

class Invalid extends Error {
  constructor(readonly at: number) {
    super('invalid template');
  }
}

/** Substitutes every variable of `template`; never throws. */
export function interpolate(template: string, lookup: Lookup): Interpolated {
  if (!template.includes('$')) return { value: template, problems: [], substituted: false, names: [] };
  const state = { problems: [] as InterpolationProblem[], substituted: false, names: [] as string[] };
  try {
    const [value] = text(template, 0, false, lookup, state);
    return { value, ...state };
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    const problems: InterpolationProblem[] = state.problems.filter((p) => p.kind !== 'invalid');
    problems.push({ kind: 'invalid', start: error.at, end: template.length });
    return { value: template, problems, substituted: false, names: state.names };
  }
}

interface State {
  problems: InterpolationProblem[];
  substituted: boolean;
  names: string[];
}

/** Reads text up to the end (or, inside braces, up to the first unmatched `}`). */
function text(t: string, from: number, inBraces: boolean, lookup: Lookup, state: State): [string, number] {
  let out = '';
  let i = from;
  while (i < t.length) {
    const c = t[i]!;
    if (inBraces && c === '}') return [out, i];
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    const next = t[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
    } else if (next === '{') {
      const [value, end] = braced(t, i, lookup, state);
      out += value;
      i = end;
    } else if (next !== undefined && NAME_START.test(next)) {
      let j = i + 1;
      while (j < t.length && NAME_CHAR.test(t[j]!)) j++;
      out += variable(t.slice(i + 1, j), i, j, lookup, state);
      i = j;
    } else {
      out += '$';
      i++;
    }
  }
  if (inBraces) throw new Invalid(from);
  return [out, i];
}

function variable(name: string, start: number, end: number, lookup: Lookup, state: State): string {
  state.substituted = true;
  state.names.push(name);
  const value = lookup(name);
  if (value === undefined) state.problems.push({ kind: 'undefined', name, start, end });
  return value ?? '';
}

const OPERATORS = [':-', ':?', ':+', '-', '?', '+'] as const;

/** `${…}` starting at `start` (the `$`); returns the value and the offset after `}`. */
function braced(t: string, start: number, lookup: Lookup, state: State): [string, number] {
  let j = start + 2;
  if (j >= t.length || !NAME_START.test(t[j]!)) throw new Invalid(start);
  while (j < t.length && NAME_CHAR.test(t[j]!)) j++;
  const name = t.slice(start + 2, j);
  if (t[j] === '}') return [variable(name, start, j + 1, lookup, state), j + 1];
  const op = OPERATORS.find((o) => t.startsWith(o, j));
  if (!op) throw new Invalid(start);
  // The word is read now (its syntax must hold) but its own lookups only count when it is used.
  const inner: State = { problems: [], substituted: false, names: [] };
  const [word, close] = text(t, j + op.length, true, lookup, inner);
  const end = close + 1;
  state.substituted = true;
  state.names.push(name, ...inner.names);
  const value = lookup(name);
  const set = value !== undefined;
  const nonEmpty = set && value !== '';
  const useWord = (): string => {
    state.problems.push(...inner.problems);
    return word;
  };
  switch (op) {
    case ':-':
      return [nonEmpty ? value : useWord(), end];
    case '-':
      return [set ? value : useWord(), end];
    case ':+':
      return [nonEmpty ? useWord() : '', end];
    case '+':
      return [set ? useWord() : '', end];
    default: {
      const ok = op === ':?' ? nonEmpty : set;
      if (ok) return [value!, end];
      state.problems.push(...inner.problems);
      state.problems.push({ kind: 'required', name, message: word, start, end });
      return ['', end];
    }
  }
}
