/**
 * The compose tree: YAML values after alias and `<<` resolution and interpolation, each
 * holding the YAML node it came from (with its file), so that merged and extended values
 * still point at the line that wrote them. Overrides and `extends` merge these trees.
 */
import type { SourceText } from '../../core/source.js';
import type { Span } from '../../core/types.js';
import { deref, pairsOf, type YNode, type YScalar } from '../yaml/nodes.js';
import { interpolate, type InterpolationProblem, type Lookup } from './interpolate.js';

export type Scalar = string | number | boolean | null;

interface CBase {
  /** Where the value was written. */
  node: YNode;
  /** `!reset`, `!override`, … as written. */
  tag?: string;
}

export interface CScalar extends CBase {
  kind: 'scalar';
  value: Scalar;
  /** The text before interpolation, when interpolation changed it. */
  raw?: string;
  /** Interpolation read a variable that had no value (so the value is partly unknown). */
  unresolved?: boolean;
}

export interface CEntry {
  /** The key as written (for a key that came from a list, the list item). */
  key: YNode;
  value: CValue;
}

export interface CMap extends CBase {
  kind: 'map';
  entries: Map<string, CEntry>;
}

export interface CSeq extends CBase {
  kind: 'seq';
  items: CValue[];
}

export type CValue = CScalar | CMap | CSeq;

/** A variable problem found while interpolating, on the scalar that held it. */
export interface VariableProblem {
  problem: InterpolationProblem;
  node: YScalar;
  /** Where in the file the variable is written (the whole scalar when that cannot be told). */
  span: Span;
}

export interface ConvertOptions {
  source: SourceText;
  /** Values for interpolation; undefined: no interpolation (the text is taken as written). */
  lookup?: Lookup;
  /** Upper bound of values produced (aliases can multiply a small file). */
  budget?: number;
}

export interface Converted {
  value: CValue | undefined;
  variables: VariableProblem[];
  /** The budget ran out: the tree is incomplete. */
  truncated: boolean;
}

export const DEFAULT_BUDGET = 200_000;

/** Converts one YAML document's root, interpolating every string value (never keys). */
export function convertYaml(root: YNode | null, options: ConvertOptions): Converted {
  const variables: VariableProblem[] = [];
  let budget = options.budget ?? DEFAULT_BUDGET;
  let truncated = false;
  const text = options.source.text;

  const scalarOf = (node: YScalar, tag: string | undefined): CScalar => {
    const out: CScalar = { kind: 'scalar', value: toScalar(node.value), node };
    if (tag) out.tag = tag;
    if (options.lookup && typeof node.value === 'string' && node.value.includes('$')) {
      const result = interpolate(node.value, options.lookup);
      if (result.substituted || result.value !== node.value) {
        out.raw = node.value;
        out.value = result.value;
      }
      for (const problem of result.problems) {
        variables.push({ problem, node, span: spanWithin(node, problem.start, problem.end, text) });
        if (problem.kind === 'undefined') out.unresolved = true;
      }
    }
    return out;
  };

  const visit = (input: YNode | null | undefined, depth: number, holder: YNode): CValue => {
    const node = deref(input);
    if (--budget < 0 || depth > 200) {
      truncated = true;
      return { kind: 'scalar', value: null, node: holder };
    }
    if (!node) return { kind: 'scalar', value: null, node: input ?? holder };
    const tag = input?.tag ?? node.tag;
    if (node.kind === 'scalar') return scalarOf(node, tag);
    if (node.kind === 'seq') {
      const out: CSeq = { kind: 'seq', items: node.items.map((item) => visit(item, depth + 1, item)), node };
      if (tag) out.tag = tag;
      return out;
    }
    if (node.kind === 'map') {
      const entries = new Map<string, CEntry>();
      for (const pair of pairsOf(node)) {
        entries.set(pair.keyText, { key: pair.key, value: visit(pair.value, depth + 1, pair.key) });
      }
      const out: CMap = { kind: 'map', entries, node };
      if (tag) out.tag = tag;
      return out;
    }
    return { kind: 'scalar', value: null, node };
  };

  const value = root ? visit(root, 0, root) : undefined;
  return { value, variables, truncated };
}

function toScalar(value: unknown): Scalar {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  return String(value);
}

/**
 * The span of characters [start, end) of a scalar's value, when the value is written
 * verbatim (plain, or quoted without escapes on one line); otherwise the whole scalar.
 */
function spanWithin(node: YScalar, start: number, end: number, text: string): Span {
  const value = typeof node.value === 'string' ? node.value : '';
  const offset = node.style === 'single' || node.style === 'double' ? 1 : node.style === 'plain' ? 0 : -1;
  if (offset >= 0) {
    const from = node.span.start + offset;
    if (text.slice(from, from + value.length) === value) return { start: from + start, end: from + end };
  }
  return node.span;
}

/** The plain JSON value of a tree, for schema validation; `!reset` entries are left out. */
export function toPlain(value: CValue): unknown {
  if (value.kind === 'scalar') return value.value;
  if (value.kind === 'seq') return value.items.map(toPlain);
  const out: Record<string, unknown> = {};
  for (const [key, entry] of value.entries) {
    if (entry.value.tag === '!reset') continue;
    out[key] = toPlain(entry.value);
  }
  return out;
}

/** Follows a JSON-pointer-like path of keys and indexes; returns the deepest value reached. */
export function valueAt(root: CValue, path: readonly (string | number)[]): { value: CValue; key?: YNode; matched: number } {
  let value = root;
  let key: YNode | undefined;
  let matched = 0;
  for (const segment of path) {
    if (value.kind === 'map') {
      const entry = value.entries.get(String(segment));
      if (!entry) break;
      key = entry.key;
      value = entry.value;
    } else if (value.kind === 'seq') {
      const item = value.items[Number(segment)];
      if (!item) break;
      key = undefined;
      value = item;
    } else break;
    matched++;
  }
  return key ? { value, key, matched } : { value, matched };
}

// ---- Small readers used by the model ----

export function entry(map: CValue | undefined, key: string): CValue | undefined {
  return map?.kind === 'map' ? map.entries.get(key)?.value : undefined;
}

export function isMap(value: CValue | undefined): value is CMap {
  return value?.kind === 'map';
}

export function isSeq(value: CValue | undefined): value is CSeq {
  return value?.kind === 'seq';
}

/** A scalar's text: strings as they are, numbers and booleans written out; null → undefined. */
export function scalarText(value: CValue | undefined): string | undefined {
  if (value?.kind !== 'scalar' || value.value === null) return undefined;
  return String(value.value);
}

const TRUE = new Set(['y', 'yes', 'true', 'on']);
const FALSE = new Set(['n', 'no', 'false', 'off']);

/** Booleans as Compose casts them (also from interpolated strings). */
export function scalarBool(value: CValue | undefined): boolean | undefined {
  if (value?.kind !== 'scalar') return undefined;
  if (typeof value.value === 'boolean') return value.value;
  if (typeof value.value === 'string') {
    const v = value.value.trim().toLowerCase();
    if (TRUE.has(v)) return true;
    if (FALSE.has(v)) return false;
  }
  return undefined;
}

export function scalarNumber(value: CValue | undefined): number | undefined {
  if (value?.kind !== 'scalar') return undefined;
  if (typeof value.value === 'number') return value.value;
  if (typeof value.value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value.value)) return Number(value.value);
  return undefined;
}

/** A synthetic scalar standing for a value Compose derives (a list item turned into a map entry). */
export function synthetic(value: Scalar, node: YNode): CScalar {
  return { kind: 'scalar', value, node };
}
