/**
 * Merging compose trees as compose-go does for override files and `extends`
 * (compose-spec "Merge and override"):
 * - mappings merge key by key; scalars are replaced; a null override keeps the base;
 * - sequences are appended, then entries that redefine the same thing are made unique
 *   (ports, volumes by target, environment and labels by key, …), the later one winning;
 * - `command`, `entrypoint` and `healthcheck.test` are replaced, not appended;
 * - `environment`, `labels`, `build.args`, … merge whether written as lists or mappings;
 *   `depends_on`, `networks` and `models` lists become mappings before merging;
 * - `!override` replaces the base value; `!reset` removes it.
 */
import type { YNode } from '../yaml/nodes.js';
import { parseShortVolume } from '../../model/compose/volumes.js';
import { synthetic, type CEntry, type CMap, type CSeq, type CValue } from './tree.js';

type Path = readonly string[];

/** A path pattern: `*` matches any key. */
const matches = (path: Path, pattern: string): boolean => {
  const parts = pattern.split('.');
  return parts.length === path.length && parts.every((p, i) => p === '*' || p === path[i]);
};

const REPLACED = ['services.*.command', 'services.*.entrypoint', 'services.*.healthcheck.test', 'services.*.ulimits.*'];
const KEY_VALUE = [
  'services.*.annotations',
  'services.*.build.args',
  'services.*.build.additional_contexts',
  'services.*.build.labels',
  'services.*.deploy.labels',
  'services.*.environment',
  'services.*.labels',
  'services.*.sysctls',
  'networks.*.labels',
  'volumes.*.labels',
];
const TO_MAPPING = ['services.*.depends_on', 'services.*.networks', 'services.*.models'];

export function mergeTrees(base: CValue, override: CValue, path: Path = []): CValue {
  if (override.tag === '!override' || override.tag === '!reset') return override;
  const key = path.join('.');
  if (REPLACED.some((p) => matches(path, p))) return override;
  if (override.kind === 'scalar' && override.value === null) return base;
  if (key !== '' && matches(path, 'services.*.build')) return mergeMaps(buildMap(base), buildMap(override), path);
  if (matches(path, 'services.*.logging')) return mergeLogging(base, override, path);
  if (KEY_VALUE.some((p) => matches(path, p))) return mergeKeyValue(base, override);
  if (TO_MAPPING.some((p) => matches(path, p))) {
    const dependsOn = path[2] === 'depends_on';
    return mergeMaps(asMapping(base, dependsOn), asMapping(override, dependsOn), path);
  }
  if (base.kind === 'map' && override.kind === 'map') return mergeMaps(base, override, path);
  if (base.kind === 'seq' && override.kind === 'seq') {
    const out: CSeq = { kind: 'seq', items: [...base.items, ...override.items], node: base.node };
    return matches(path, 'services.*.extra_hosts') ? uniqueBy(out, (v) => JSON.stringify(plainish(v))) : out;
  }
  return override;
}

function mergeMaps(base: CMap, override: CMap, path: Path): CMap {
  const entries = new Map(base.entries);
  for (const [k, o] of override.entries) {
    const b = entries.get(k);
    if (o.value.tag === '!reset') {
      entries.delete(k);
      continue;
    }
    entries.set(k, b ? { key: b.key, value: mergeTrees(b.value, o.value, [...path, k]) } : o);
  }
  const out: CMap = { kind: 'map', entries, node: base.node };
  if (base.tag) out.tag = base.tag;
  return out;
}

function buildMap(value: CValue): CMap {
  if (value.kind === 'map') return value;
  return { kind: 'map', entries: new Map([['context', { key: value.node, value }]]), node: value.node };
}

function mergeLogging(base: CValue, override: CValue, path: Path): CValue {
  if (base.kind !== 'map' || override.kind !== 'map') return override;
  const b = base.entries.get('driver')?.value;
  const o = override.entries.get('driver')?.value;
  const same = !b || !o || (b.kind === 'scalar' && o.kind === 'scalar' && b.value === o.value);
  return same ? mergeMaps(base, override, path) : override;
}

/** `environment`, `labels`, …: mappings merge by key; with a list on either side, `KEY=VALUE` items. */
function mergeKeyValue(base: CValue, override: CValue): CValue {
  if (base.kind === 'map' && override.kind === 'map') {
    const entries = new Map(base.entries);
    for (const [k, o] of override.entries) entries.set(k, entries.has(k) ? { key: entries.get(k)!.key, value: o.value } : o);
    return { kind: 'map', entries, node: base.node };
  }
  const items = [...asKeyValueList(base), ...asKeyValueList(override)];
  return { kind: 'seq', items, node: base.node };
}

function asKeyValueList(value: CValue): CValue[] {
  if (value.kind === 'seq') return value.items;
  if (value.kind === 'scalar') return value.value === null ? [] : [value];
  return [...value.entries].map(([k, e]) => {
    const v = e.value;
    if (v.kind === 'scalar' && v.value === null) return synthetic(k, e.key);
    const text = v.kind === 'scalar' ? String(v.value) : JSON.stringify(plainish(v));
    return synthetic(`${k}=${text}`, v.node);
  });
}

/** A list of names as a mapping; for depends_on each name gets the default condition. */
function asMapping(value: CValue, dependsOn: boolean): CMap {
  if (value.kind === 'map') return value;
  const entries = new Map<string, CEntry>();
  const items = value.kind === 'seq' ? value.items : [];
  for (const item of items) {
    if (item.kind !== 'scalar' || item.value === null) continue;
    const name = String(item.value);
    entries.set(name, { key: item.node, value: dependsOn ? defaultDependency(item.node) : synthetic(null, item.node) });
  }
  return { kind: 'map', entries, node: value.node };
}

function defaultDependency(node: YNode): CMap {
  return {
    kind: 'map',
    node,
    entries: new Map<string, CEntry>([
      ['condition', { key: node, value: synthetic('service_started', node) }],
      ['required', { key: node, value: synthetic(true, node) }],
    ]),
  };
}

function plainish(value: CValue): unknown {
  if (value.kind === 'scalar') return value.value;
  if (value.kind === 'seq') return value.items.map(plainish);
  return Object.fromEntries([...value.entries].map(([k, e]) => [k, plainish(e.value)]));
}

// ---- Uniqueness after merging (compose-go EnforceUnicity) ----

type Indexer = (value: CValue) => string | undefined;

const scalarKey: Indexer = (v) => (v.kind === 'scalar' && v.value !== null ? String(v.value) : undefined);
const keyValue: Indexer = (v) => {
  const s = scalarKey(v);
  return s === undefined ? undefined : s.split('=')[0];
};
const byTarget = (prefix: string): Indexer => (v) => {
  if (v.kind === 'scalar') return v.value === null ? undefined : `${prefix}${String(v.value)}`;
  if (v.kind !== 'map') return undefined;
  const target = v.entries.get('target')?.value;
  if (target?.kind === 'scalar' && target.value !== null) return String(target.value);
  const source = v.entries.get('source')?.value;
  return source?.kind === 'scalar' ? `${prefix}${String(source.value)}` : undefined;
};
const volumeTarget: Indexer = (v) => {
  if (v.kind === 'map') {
    const target = v.entries.get('target')?.value;
    return target?.kind === 'scalar' && target.value !== null ? String(target.value) : undefined;
  }
  const text = scalarKey(v);
  return text === undefined ? undefined : parseShortVolume(text)?.target;
};
const portKey: Indexer = (v) => {
  if (v.kind === 'scalar') return scalarKey(v);
  if (v.kind !== 'map') return undefined;
  const get = (k: string, d: string) => {
    const e = v.entries.get(k)?.value;
    return e?.kind === 'scalar' && e.value !== null ? String(e.value) : d;
  };
  return `${get('host_ip', '0.0.0.0')}:${get('published', '')}:${get('target', '')}/${get('protocol', 'tcp')}`;
};
const envFileKey: Indexer = (v) => (v.kind === 'map' ? scalarKey(v.entries.get('path')?.value ?? synthetic(null, v.node)) : scalarKey(v));
const deviceKey: Indexer = (v) => {
  if (v.kind === 'map') return scalarKey(v.entries.get('target')?.value ?? synthetic(null, v.node));
  const s = scalarKey(v);
  if (s === undefined) return undefined;
  const parts = s.split(':');
  return parts.length === 1 ? parts[0] : parts[1];
};

const UNIQUE: [string, Indexer][] = [
  ['services.*.annotations', keyValue],
  ['services.*.build.args', keyValue],
  ['services.*.build.additional_contexts', keyValue],
  ['services.*.build.platforms', keyValue],
  ['services.*.build.tags', keyValue],
  ['services.*.build.labels', keyValue],
  ['services.*.cap_add', keyValue],
  ['services.*.cap_drop', keyValue],
  ['services.*.configs', byTarget('')],
  ['services.*.deploy.labels', keyValue],
  ['services.*.devices', deviceKey],
  ['services.*.dns', keyValue],
  ['services.*.dns_opt', keyValue],
  ['services.*.dns_search', keyValue],
  ['services.*.environment', keyValue],
  ['services.*.env_file', envFileKey],
  ['services.*.expose', scalarKey],
  ['services.*.labels', keyValue],
  ['services.*.links', keyValue],
  ['services.*.networks.*.aliases', keyValue],
  ['services.*.networks.*.link_local_ips', keyValue],
  ['services.*.ports', portKey],
  ['services.*.profiles', keyValue],
  ['services.*.secrets', byTarget('/run/secrets/')],
  ['services.*.sysctls', keyValue],
  ['services.*.tmpfs', keyValue],
  ['services.*.volumes', volumeTarget],
];

/** A sequence entry that replaced an earlier one with the same key (an env name, a port, a mount target). */
export interface Redefinition {
  /** Where the sequence is, e.g. ['services', 'web', 'environment']. */
  path: readonly string[];
  key: string;
  earlier: CValue;
  later: CValue;
}

/**
 * Removes redefinitions in the sequences Compose keeps unique; a later entry replaces an
 * earlier one in place. Each replacement is passed to `onRedefinition`.
 */
export function enforceUniqueness(value: CValue, path: Path = [], onRedefinition?: (r: Redefinition) => void): CValue {
  if (value.kind === 'map') {
    let changed = false;
    const entries = new Map<string, CEntry>();
    for (const [k, e] of value.entries) {
      const next = enforceUniqueness(e.value, [...path, k], onRedefinition);
      if (next !== e.value) changed = true;
      entries.set(k, next === e.value ? e : { key: e.key, value: next });
    }
    return changed ? { ...value, entries } : value;
  }
  if (value.kind === 'seq' && path.length >= 3 && path[0] === 'services') {
    const rule = UNIQUE.find(([pattern]) => matches(path, pattern));
    if (rule) return uniqueBy(value, rule[1], (key, earlier, later) => onRedefinition?.({ path: path.map(String), key, earlier, later }));
  }
  return value;
}

function uniqueBy(seq: CSeq, index: Indexer, onReplace?: (key: string, earlier: CValue, later: CValue) => void): CSeq {
  const items: CValue[] = [];
  const at = new Map<string, number>();
  for (const item of seq.items) {
    const key = index(item);
    if (key === undefined) {
      items.push(item);
      continue;
    }
    const j = at.get(key);
    if (j === undefined) {
      at.set(key, items.length);
      items.push(item);
    } else {
      onReplace?.(key, items[j]!, item);
      items[j] = item;
    }
  }
  return items.length === seq.items.length && items.every((v, i) => v === seq.items[i]) ? seq : { ...seq, items };
}

/** Drops `!reset` entries left in a tree (a reset in a single file removes the value too). */
export function stripResets(value: CValue): CValue {
  if (value.kind === 'map') {
    const entries = new Map<string, CEntry>();
    for (const [k, e] of value.entries) if (e.value.tag !== '!reset') entries.set(k, { key: e.key, value: stripResets(e.value) });
    return { ...value, entries };
  }
  if (value.kind === 'seq') return { ...value, items: value.items.filter((v) => v.tag !== '!reset').map(stripResets) };
  return value;
}
