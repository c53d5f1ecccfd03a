/**
 * The plain JavaScript value of a document from the fast reader, built as the `yaml`
 * package's `Document.toJS({ maxAliasCount })` builds it, so both readers agree: keys are
 * strings (null → ''), `<<` merge keys add the keys a map does not have yet, an alias is
 * the same object as its anchor's value, scalars keep their resolved values, and an anchor
 * expanded too often (an alias bomb) makes it give up (the `yaml` reader then reports it).
 */
import type { YMap, YNode } from './nodes.js';
import { FAIL } from './scalars.js';


import { MAX_ALIAS_COUNT } from './limits.js';

interface AnchorData {
  count: number;
  aliasCount: number;
  res: unknown;
}

const GIVE_UP = { giveUp: true };

/** Keys every object has through Object.prototype (`toString`, `__proto__`, …). */
const INHERITED = new Set([...Object.getOwnPropertyNames(Object.prototype), '__proto__']);

export function documentValue(root: YNode): unknown {
  try {
    return new ValueBuilder().value(root);
  } catch (error) {
    if (error === GIVE_UP) return FAIL;
    throw error;
  }
}

class ValueBuilder {
  private readonly anchors = new Map<YNode, AnchorData>();

  value(node: YNode): unknown {
    if (node.anchor === undefined) return this.convert(node);
    const data: AnchorData = { count: 1, aliasCount: 0, res: undefined };
    this.anchors.set(node, data);
    data.res = this.convert(node);
    return data.res;
  }

  private convert(node: YNode): unknown {
    switch (node.kind) {
      case 'scalar':
        // `toJS` keeps scalar values as the schema made them (a 1.1 timestamp stays a Date).
        return node.value;
      case 'seq':
        return node.items.map((item) => this.value(item));
      case 'map':
        return this.object(node);
      case 'alias':
        return this.alias(node.target!);
    }
  }

  private alias(source: YNode): unknown {
    let data = this.anchors.get(source);
    if (!data) {
      this.value(source);
      data = this.anchors.get(source)!;
    }
    if (data.res === undefined) throw GIVE_UP;
    data.count += 1;
    if (data.aliasCount === 0) data.aliasCount = this.aliasCount(source);
    if (data.count * data.aliasCount > MAX_ALIAS_COUNT) throw GIVE_UP;
    return data.res;
  }

  private aliasCount(node: YNode): number {
    switch (node.kind) {
      case 'alias': {
        const anchor = this.anchors.get(node.target!);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      }
      case 'seq': {
        let count = 0;
        for (const item of node.items) count = Math.max(count, this.aliasCount(item));
        return count;
      }
      case 'map': {
        let count = 0;
        for (const pair of node.pairs) count = Math.max(count, this.aliasCount(pair.key), pair.value ? this.aliasCount(pair.value) : 1);
        return count;
      }
      default:
        return 1;
    }
  }

  private object(map: YMap): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    // Until a merge key adds keys, a key can only be in `out` already when Object.prototype has it.
    let merged = false;
    for (const pair of map.pairs) {
      if (pair.merge) {
        merged = true;
        this.mergeAll(pair.value!, (key, value) => {
          if (!Object.prototype.hasOwnProperty.call(out, key as PropertyKey)) define(out, key as PropertyKey, value);
        });
        continue;
      }
      const k = pair.key;
      const jsKey = k.kind === 'scalar' && k.anchor === undefined ? k.value : this.value(k);
      if (jsKey !== null && typeof jsKey === 'object') throw GIVE_UP; // a collection as a key
      const key = jsKey === null ? '' : typeof jsKey === 'string' ? jsKey : String(jsKey);
      const value = pair.value ? this.value(pair.value) : null;
      if ((merged || INHERITED.has(key)) && key in out) define(out, key, value);
      else out[key] = value;
    }
    return out;
  }

  /** Each merge source's entries, in order (a sequence of sources merges each in turn). */
  private mergeAll(value: YNode, add: (key: unknown, value: unknown) => void): void {
    const source = value.kind === 'alias' ? value.target! : value;
    if (source.kind === 'seq') for (const item of source.items) this.mergeOne(item, add);
    else this.mergeOne(source, add);
  }

  private mergeOne(node: YNode, add: (key: unknown, value: unknown) => void): void {
    const source = node.kind === 'alias' ? node.target! : node;
    if (source.kind !== 'map') throw GIVE_UP; // "Merge sources must be maps or map aliases"
    for (const [key, value] of this.entries(source)) add(key, value);
  }

  /** A map as a Map of its keys' own values (what a merge reads), converted afresh. */
  private entries(map: YMap): Map<unknown, unknown> {
    const out = new Map<unknown, unknown>();
    for (const pair of map.pairs) {
      if (pair.merge) {
        this.mergeAll(pair.value!, (key, value) => {
          if (!out.has(key)) out.set(key, value);
        });
        continue;
      }
      const key = this.value(pair.key);
      out.set(key, pair.value ? this.value(pair.value) : null);
    }
    return out;
  }
}

function define(target: object, key: PropertyKey, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}
