/**
 * A YAML mapping read as a Kubernetes type `T` (from kubernetes-types): keys are checked
 * against `T` at compile time, values at run time (a manifest may hold anything), and
 * every value comes with the node it was written at. Aliases and `<<` merge keys are
 * followed. `path` is where the mapping sits below its object, for `ctx.report({ path })`.
 */
import type { Locatable } from '../../core/types.js';
import { deref, pairOf, pairsOf, type PathSegment, type YMap, type YNode, type YPair, type YScalar } from '../../parse/yaml/nodes.js';
import type { Sourced } from '../container.js';

/** A mapping whose shape is not known (a custom resource, a field kubernetes-types leaves open). */
export type Loose = { [key: string]: unknown };

type Key<T> = Extract<keyof T, string>;
/** The view type of a field: the field's own type, or Loose where that is unknown. */
type Sub<V> = unknown extends V ? Loose : NonNullable<V>;
type ItemOf<V> = unknown extends V ? Loose : NonNullable<V> extends readonly (infer I)[] ? I : Loose;

/** A location that also carries its mapping, so a path below it can still be resolved. */
export interface Anchored extends Locatable {
  yaml: YMap;
}

/** Where findings about a mapping as a whole go: its `name:` pair, else its first pair. */
export function anchorOf(map: YMap, keySpan?: Locatable['span']): Anchored {
  if (keySpan) return { span: keySpan, yaml: map };
  const pair = pairOf(map, 'name') ?? map.pairs[0];
  const span = pair ? { start: pair.key.span.start, end: pair.value?.span.end ?? pair.key.span.end } : map.span;
  return { span, yaml: map };
}

export class YView<T> {
  constructor(
    readonly map: YMap,
    readonly path: readonly PathSegment[],
    /** The key this mapping is the value of, when it has one (`securityContext:`). */
    readonly key?: YNode,
  ) {}

  /** A view of `node` when it is (an alias of) a mapping. */
  static of<T>(node: YNode | null | undefined, path: readonly PathSegment[], key?: YNode): YView<T> | undefined {
    const n = deref(node);
    return n?.kind === 'map' ? new YView<T>(n, path, key) : undefined;
  }

  /** For findings about the mapping: its key when it has one, else its `name:` pair. */
  get anchor(): Anchored {
    return anchorOf(this.map, this.key && this.key.span.end > this.key.span.start ? this.key.span : undefined);
  }

  at(...rest: PathSegment[]): PathSegment[] {
    return [...this.path, ...rest];
  }

  pair(key: Key<T>): YPair | undefined {
    return pairOf(this.map, key);
  }

  has(key: Key<T>): boolean {
    return this.pair(key) !== undefined;
  }

  /** The value as written (an alias stays an alias, so findings land where it is used). */
  raw(key: Key<T>): YNode | undefined {
    return this.pair(key)?.value ?? undefined;
  }

  /** The value, aliases followed. */
  node(key: Key<T>): YNode | undefined {
    return deref(this.raw(key));
  }

  scalar(key: Key<T>): YScalar | undefined {
    const n = this.node(key);
    return n?.kind === 'scalar' ? n : undefined;
  }

  string(key: Key<T>): Sourced<string> | undefined {
    const s = this.scalar(key);
    return s && typeof s.value === 'string' ? { value: s.value, node: this.raw(key)! } : undefined;
  }

  /** A string, number or boolean as text (`cpu: 1`, `value: 8080`); null and collections are not text. */
  text(key: Key<T>): Sourced<string> | undefined {
    const s = this.scalar(key);
    return s ? sourcedText(s, this.raw(key)!) : undefined;
  }

  boolean(key: Key<T>): Sourced<boolean> | undefined {
    const s = this.scalar(key);
    return s && typeof s.value === 'boolean' ? { value: s.value, node: this.raw(key)! } : undefined;
  }

  integer(key: Key<T>): Sourced<number> | undefined {
    const s = this.scalar(key);
    return s && typeof s.value === 'number' && Number.isInteger(s.value) ? { value: s.value, node: this.raw(key)! } : undefined;
  }

  /** An IntOrString field (ports, maxSurge): an integer or a string. */
  intOrString(key: Key<T>): Sourced<number | string> | undefined {
    return this.integer(key) ?? this.string(key);
  }

  object<K extends Key<T>>(key: K): YView<Sub<T[K]>> | undefined {
    const pair = this.pair(key);
    return pair ? YView.of<Sub<T[K]>>(pair.value, this.at(key), pair.key) : undefined;
  }

  /** The mappings of a list, each with its index in the path; other items are skipped. */
  list<K extends Key<T>>(key: K): YView<ItemOf<T[K]>>[] {
    const seq = this.node(key);
    if (seq?.kind !== 'seq') return [];
    const out: YView<ItemOf<T[K]>>[] = [];
    seq.items.forEach((item, i) => {
      const view = YView.of<ItemOf<T[K]>>(item, this.at(key, i));
      if (view) out.push(view);
    });
    return out;
  }

  /** Every item of a list, as written, with its index. */
  items(key: Key<T>): { node: YNode; index: number }[] {
    const seq = this.node(key);
    return seq?.kind === 'seq' ? seq.items.map((node, index) => ({ node, index })) : [];
  }

  /** The string items of a list (`command`, `args`, `verbs`). */
  strings(key: Key<T>): Sourced<string>[] {
    const out: Sourced<string>[] = [];
    for (const { node } of this.items(key)) {
      const s = deref(node);
      if (s?.kind === 'scalar' && typeof s.value === 'string') out.push({ value: s.value, node });
    }
    return out;
  }

  /** The pairs of a mapping value (`labels`, `data`), merge keys included. */
  entries(key: Key<T>): YPair[] {
    const map = this.node(key);
    return map?.kind === 'map' ? pairsOf(map) : [];
  }
}

export function sourcedText(scalar: YScalar, node: YNode): Sourced<string> | undefined {
  const v = scalar.value;
  if (typeof v === 'string') return { value: v, node };
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return { value: scalar.source || String(v), node };
  return undefined;
}

/** The view of an object's root mapping, typed as the object's kind (e.g. `objectView<Service>(o)`). */
export function objectView<T = Loose>(object: { yaml: YMap }): YView<T> {
  return new YView<T>(object.yaml, []);
}
