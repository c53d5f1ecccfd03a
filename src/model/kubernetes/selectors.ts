/**
 * Label selectors and label sets as written, with their nodes, and how they match:
 * `matchLabels` (and a Service's or ReplicationController's plain map) must all be
 * present with equal values; `matchExpressions` use In, NotIn, Exists, DoesNotExist.
 * Values are compared as text, so `canary: no` on both sides matches even though
 * YAML reads both as booleans (yaml-implicit-type reports that separately).
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1.js';
import { deref, type YPair } from '../../parse/yaml/nodes.js';
import type { Anchored, YView } from './view.js';

export interface LabelEntry {
  key: string;
  value: string;
  pair: YPair;
}

export interface SelectorExpression {
  key: string;
  operator: string;
  values: string[];
  node: Anchored;
}

export interface Selector {
  matchLabels: LabelEntry[];
  expressions: SelectorExpression[];
}

/** A label value as text: strings as they are, other scalars as written; null is "". */
function textOf(pair: YPair): string | undefined {
  const n = deref(pair.value);
  if (!n) return pair.value === null ? '' : undefined;
  if (n.kind !== 'scalar') return undefined;
  if (n.value === null) return '';
  return typeof n.value === 'string' ? n.value : n.source;
}

export function labelEntries(pairs: readonly YPair[]): LabelEntry[] {
  const out: LabelEntry[] = [];
  for (const pair of pairs) {
    const value = textOf(pair);
    if (value !== undefined) out.push({ key: pair.keyText, value, pair });
  }
  return out;
}

export function labelMap(pairs: readonly YPair[]): Map<string, string> {
  return new Map(labelEntries(pairs).map((e) => [e.key, e.value]));
}

export function labelSelectorOf(view: YView<LabelSelector>): Selector {
  const expressions: SelectorExpression[] = [];
  for (const e of view.list('matchExpressions')) {
    const key = e.string('key')?.value;
    const operator = e.string('operator')?.value;
    if (key === undefined || operator === undefined) continue;
    expressions.push({ key, operator, values: e.items('values').flatMap(({ node }) => scalarText(node)), node: e.anchor });
  }
  return { matchLabels: labelEntries(view.entries('matchLabels')), expressions };
}

function scalarText(node: YPair['value']): string[] {
  const n = deref(node);
  if (n?.kind !== 'scalar' || n.value === null) return [];
  return [typeof n.value === 'string' ? n.value : n.source];
}

export function isEmptySelector(selector: Selector): boolean {
  return selector.matchLabels.length === 0 && selector.expressions.length === 0;
}

export function expressionMatches(e: SelectorExpression, labels: ReadonlyMap<string, string>): boolean {
  const value = labels.get(e.key);
  switch (e.operator) {
    case 'In':
      return value !== undefined && e.values.includes(value);
    case 'NotIn':
      return value === undefined || !e.values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    default:
      return false;
  }
}

/** Whether a label map selector (a Service's `spec.selector`) selects these labels. */
export function mapSelects(selector: readonly LabelEntry[], labels: ReadonlyMap<string, string>): boolean {
  return selector.length > 0 && selector.every((e) => labels.get(e.key) === e.value);
}

export function selectorSelects(selector: Selector, labels: ReadonlyMap<string, string>): boolean {
  if (isEmptySelector(selector)) return false;
  return selector.matchLabels.every((e) => labels.get(e.key) === e.value) && selector.expressions.every((e) => expressionMatches(e, labels));
}
