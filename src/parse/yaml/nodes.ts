/**
 * Plimsoll's own YAML node tree: small plain objects with spans. Everything above the
 * YAML layer uses these, never the parser's classes, so the parser underneath can be
 * swapped (see parse.ts) without touching the models or the rules.
 */
import type { SourceText } from '../../core/source.js';
import type { Span } from '../../core/types.js';

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded';

interface YBase {
  span: Span;
  anchor?: string;
  /** Explicit tag as written (`!!str`, `!Ref`). */
  tag?: string;
  /** Set by loaders that combine files (compose): the file this node is in. */
  file?: SourceText;
}

export interface YScalar extends YBase {
  kind: 'scalar';
  /** The value as the schema resolved it (YAML 1.1 for Kubernetes: `yes` is true). */
  value: unknown;
  /** The text as written (for plain scalars: exactly the source). */
  source: string;
  style: ScalarStyle;
}

export interface YPair {
  key: YNode;
  /** The key as a string (`String(value)` of a scalar key). */
  keyText: string;
  value: YNode | null;
  span: Span;
  /** A `<<` merge key. */
  merge: boolean;
}

export interface YMap extends YBase {
  kind: 'map';
  pairs: YPair[];
  flow: boolean;
}

export interface YSeq extends YBase {
  kind: 'seq';
  items: YNode[];
  flow: boolean;
}

export interface YAlias extends YBase {
  kind: 'alias';
  name: string;
  /** The anchored node, when it exists. */
  target?: YNode;
}

export type YNode = YScalar | YMap | YSeq | YAlias;

export type PathSegment = string | number;

export function isYNode(value: unknown): value is YNode {
  const kind = (value as { kind?: unknown } | null)?.kind;
  return kind === 'map' || kind === 'seq' || kind === 'scalar' || kind === 'alias';
}

/** Follows aliases to the node they stand for. */
export function deref(node: YNode | null | undefined): YNode | undefined {
  let n: YNode | null | undefined = node;
  for (let guard = 0; n && n.kind === 'alias' && guard < 64; guard++) n = n.target;
  return n ?? undefined;
}

/** The pair for `key` in a map, including keys brought in by `<<` merge keys (explicit keys win). */
export function pairOf(map: YMap, key: string): YPair | undefined {
  let merged: YPair | undefined;
  for (const pair of map.pairs) {
    if (pair.merge) continue;
    if (pair.keyText === key) return pair;
  }
  for (const pair of map.pairs) {
    if (!pair.merge || merged) continue;
    for (const source of mergeSources(pair)) {
      const found = pairOf(source, key);
      if (found) {
        merged = found;
        break;
      }
    }
  }
  return merged;
}

function mergeSources(pair: YPair): YMap[] {
  const value = deref(pair.value);
  if (!value) return [];
  if (value.kind === 'map') return [value];
  if (value.kind === 'seq') return value.items.map(deref).filter((n): n is YMap => n?.kind === 'map');
  return [];
}

/** Every pair of a map, merged keys included (explicit keys first win). */
export function pairsOf(map: YMap): YPair[] {
  const seen = new Set<string>();
  const out: YPair[] = [];
  for (const pair of map.pairs) {
    if (pair.merge || seen.has(pair.keyText)) continue;
    seen.add(pair.keyText);
    out.push(pair);
  }
  for (const pair of map.pairs) {
    if (!pair.merge) continue;
    for (const source of mergeSources(pair)) {
      for (const p of pairsOf(source)) {
        if (seen.has(p.keyText)) continue;
        seen.add(p.keyText);
        out.push(p);
      }
    }
  }
  return out;
}

export function get(node: YNode | null | undefined, segment: PathSegment): YNode | undefined {
  const n = deref(node);
  if (!n) return undefined;
  if (n.kind === 'map' && typeof segment === 'string') return pairOf(n, segment)?.value ?? undefined;
  if (n.kind === 'seq' && typeof segment === 'number') return n.items[segment];
  return undefined;
}

export interface PathResolution {
  /** The deepest node the path reached. */
  node: YNode;
  /** How many segments were matched. */
  matched: number;
  /** The pair whose value is `node`, when it was reached through a map key. */
  pair?: YPair;
}

export function resolvePath(root: YNode, path: readonly PathSegment[]): PathResolution {
  let node: YNode = root;
  let pair: YPair | undefined;
  let matched = 0;
  for (const segment of path) {
    const n = deref(node);
    if (!n) break;
    let next: YNode | undefined;
    let nextPair: YPair | undefined;
    if (n.kind === 'map' && typeof segment === 'string') {
      nextPair = pairOf(n, segment);
      next = nextPair?.value ?? undefined;
      // A key with no value (`resources:`) still exists: point at the key.
      if (nextPair && !next) {
        return { node: nextPair.key, matched: matched + 1, pair: nextPair };
      }
    } else if (n.kind === 'seq' && typeof segment === 'number') {
      next = n.items[segment];
      nextPair = undefined;
    }
    if (!next) break;
    node = next;
    pair = nextPair;
    matched++;
  }
  const result: PathResolution = { node, matched };
  if (pair) result.pair = pair;
  return result;
}

/**
 * Where to report something at `path` below `root`. Existing scalars: the value. Existing
 * collections reached by a key: the key (`selector:`), not the whole block. Missing
 * parts fall back to the nearest existing ancestor: its key, or for a list item its
 * `name:` pair (so "no resources" lands on `- name: web`, not on line 1).
 */
export function spanAt(root: YNode, path: readonly PathSegment[]): Span {
  const { node, matched, pair } = resolvePath(root, path);
  const target = deref(node) ?? node;
  if (matched === path.length && target.kind === 'scalar') return node.span;
  if (pair && pair.key.span.end > pair.key.span.start) return pair.key.span;
  if (target.kind === 'map') {
    const name = pairOf(target, 'name') ?? metadataName(target) ?? target.pairs[0];
    if (name) return { start: name.span.start, end: name.value?.span.end ?? name.key.span.end };
  }
  return node.span;
}

/** A Kubernetes object's `metadata.name` pair: where findings about the object as a whole belong. */
function metadataName(map: YMap): YPair | undefined {
  const metadata = deref(pairOf(map, 'metadata')?.value);
  return metadata?.kind === 'map' ? pairOf(metadata, 'name') : undefined;
}

/** The path from `root` to the deepest node written at `offset` (not through aliases). */
export function pathAtOffset(root: YNode, offset: number): PathSegment[] {
  const path: PathSegment[] = [];
  let node: YNode | null = root;
  for (let depth = 0; node && depth < 256; depth++) {
    if (node.kind === 'map') {
      const pair: YPair | undefined = node.pairs.find((p) => !p.merge && offset >= p.span.start && offset <= p.span.end);
      if (!pair) break;
      path.push(pair.keyText);
      node = pair.value && offset >= pair.value.span.start ? pair.value : null;
    } else if (node.kind === 'seq') {
      const index = node.items.findIndex((item) => offset >= item.span.start && offset <= item.span.end);
      if (index < 0) break;
      path.push(index);
      node = node.items[index]!;
    } else break;
  }
  return path;
}
