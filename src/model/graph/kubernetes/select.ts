/**
 * Label selection with indexes: per namespace, workloads by `key=value` and by key, so a
 * selector starts from its most selective label instead of scanning every pod. This is what
 * keeps Services × pods, PDBs × pods and NetworkPolicies × pods near-linear.
 */
import type { SelectorRecord, Workload } from './types.js';

/** Whether a label selector matches; an empty selector matches everything (callers decide what empty means). */
export function selectorMatches(selector: Pick<SelectorRecord, 'matchLabels' | 'expressions'>, labels: ReadonlyMap<string, string>): boolean {
  for (const [k, v] of selector.matchLabels) if (labels.get(k) !== v) return false;
  for (const e of selector.expressions) {
    const value = labels.get(e.key);
    switch (e.operator) {
      case 'In':
        if (value === undefined || !e.values.includes(value)) return false;
        break;
      case 'NotIn':
        if (value !== undefined && e.values.includes(value)) return false;
        break;
      case 'Exists':
        if (value === undefined) return false;
        break;
      case 'DoesNotExist':
        if (value !== undefined) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

export function isEmptySelector(selector: Pick<SelectorRecord, 'matchLabels' | 'expressions'>): boolean {
  return selector.matchLabels.length === 0 && selector.expressions.length === 0;
}

/** Anything with labels that selectors pick from: the pods of workloads, namespaces. */
export interface Labelled {
  labels: ReadonlyMap<string, string>;
}

const pairKey = (k: string, v: string) => `${k}\u0000${v}`;

export class LabelIndex<T> {
  private readonly all: T[] = [];
  private readonly byPair = new Map<string, T[]>();
  private readonly byKey = new Map<string, T[]>();

  constructor(private readonly labelsOf: (item: T) => ReadonlyMap<string, string>) {}

  add(item: T): void {
    this.all.push(item);
    for (const [k, v] of this.labelsOf(item)) {
      push(this.byPair, pairKey(k, v), item);
      push(this.byKey, k, item);
    }
  }

  get items(): readonly T[] {
    return this.all;
  }

  /** Items a selector matches; `emptyMatchesAll` decides what an empty selector selects. */
  select(selector: Pick<SelectorRecord, 'matchLabels' | 'expressions'>, emptyMatchesAll: boolean): T[] {
    if (isEmptySelector(selector)) return emptyMatchesAll ? [...this.all] : [];
    return this.candidates(selector).filter((item) => selectorMatches(selector, this.labelsOf(item)));
  }

  /** A Service's selector: every pair must match; an empty map selects nothing. */
  selectMap(entries: readonly (readonly [string, string])[]): T[] {
    return this.select({ matchLabels: entries as [string, string][], expressions: [] }, false);
  }

  private candidates(selector: Pick<SelectorRecord, 'matchLabels' | 'expressions'>): readonly T[] {
    let best: readonly T[] | undefined;
    const consider = (list: readonly T[]) => {
      if (!best || list.length < best.length) best = list;
    };
    for (const [k, v] of selector.matchLabels) consider(this.byPair.get(pairKey(k, v)) ?? []);
    for (const e of selector.expressions) {
      if (e.operator === 'Exists') consider(this.byKey.get(e.key) ?? []);
      else if (e.operator === 'In') {
        const union = new Set<T>();
        for (const v of e.values) for (const item of this.byPair.get(pairKey(e.key, v)) ?? []) union.add(item);
        consider([...union]);
      }
    }
    return best ?? this.all;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export type WorkloadIndex = LabelIndex<Workload>;
