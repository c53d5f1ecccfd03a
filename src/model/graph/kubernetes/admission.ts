/**
 * What the API server's admission would do with every pod of a namespace: LimitRange first
 * (the defaults a LimitRange object gets, then default limits and requests, then min/max),
 * then ResourceQuota — a pod without a request or limit the quota constrains is refused with
 * 403 Forbidden, and pods are admitted in order until the namespace's `hard` totals are used up.
 * The replicas of a workload are its pods; a Deployment itself is created, its pods are not.
 */
import type { KubernetesGraph } from './graph.js';
import { formatQuantity, parseQuantity } from './quantity.js';
import type { LimitRangeItem, LimitRangeRecord, Located, PodContainer, QuotaRecord, Workload } from './types.js';
import type { SourceLocation } from '../types.js';

export type Rejection =
  | { kind: 'quota-missing'; workload: Workload; quota: QuotaRecord; missing: { container: string; resource: string }[] }
  | { kind: 'quota-exceeded'; workload: Workload; quota: QuotaRecord; resource: string; requested: string; used: string; limited: string; admitted: number }
  | { kind: 'limit-range'; workload: Workload; container: string; resource: string; bound: 'max' | 'min'; limit: string; value: string; at: SourceLocation; boundAt: SourceLocation };

export interface NamespaceAdmission {
  namespace: string;
  rejections: Rejection[];
  /** Per quota and resource: the total the admitted pods use. */
  used: Map<QuotaRecord, Map<string, number>>;
}

/** The effective requests and limits of a container after LimitRange defaulting. */
export interface EffectiveResources {
  requests: Map<string, number>;
  limits: Map<string, number>;
}

const COMPUTE = ['cpu', 'memory', 'ephemeral-storage'];

/** LimitRange defaulting of the LimitRange itself: default ← max, defaultRequest ← default, then ← min. */
function defaultsOf(item: LimitRangeItem): { limit: Map<string, string>; request: Map<string, string> } {
  const limit = new Map(item.default);
  for (const [r, v] of item.max) if (!limit.has(r)) limit.set(r, v.value);
  const request = new Map(item.defaultRequest);
  for (const [r, v] of limit) if (!request.has(r)) request.set(r, v);
  for (const [r, v] of item.min) if (!request.has(r)) request.set(r, v.value);
  return { limit, request };
}

function quantities(map: ReadonlyMap<string, Located<string>>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, v] of map) {
    const q = parseQuantity(v.value);
    if (q !== undefined) out.set(k, q);
  }
  return out;
}

/** A LimitRange item's defaults, parsed once. */
interface Defaults {
  limit: Map<string, number>;
  request: Map<string, number>;
}

function parsedDefaults(items: readonly LimitRangeItem[]): Defaults[] {
  return items.map((item) => {
    const { limit, request } = defaultsOf(item);
    const parse = (m: Map<string, string>) => new Map([...m].flatMap(([r, v]) => (parseQuantity(v) === undefined ? [] : [[r, parseQuantity(v)!] as [string, number]])));
    return { limit: parse(limit), request: parse(request) };
  });
}

export function effectiveResources(c: PodContainer, items: readonly LimitRangeItem[], defaults: readonly Defaults[] = parsedDefaults(items)): EffectiveResources {
  const requests = quantities(c.requests);
  const limits = quantities(c.limits);
  // API defaulting: a limit without a request makes the request equal to the limit.
  for (const [r, v] of limits) if (!requests.has(r)) requests.set(r, v);
  for (const d of defaults) {
    for (const [r, v] of d.limit) if (!limits.has(r)) limits.set(r, v);
    for (const [r, v] of d.request) if (!requests.has(r)) requests.set(r, v);
  }
  return { requests, limits };
}

/** The pod's total: containers summed, each init container taken alone when larger (they run one at a time). */
function podTotal(resources: EffectiveResources[], containers: readonly PodContainer[], key: 'requests' | 'limits', resource: string): number {
  let sum = 0;
  let init = 0;
  containers.forEach((c, i) => {
    const v = resources[i]![key].get(resource) ?? 0;
    if (c.role === 'initContainer') init = Math.max(init, v);
    else if (c.role === 'container') sum += v;
  });
  return Math.max(sum, init);
}

/** The quota resource a `hard` key constrains: `cpu`/`requests.cpu` → requests cpu; `limits.memory` → limits memory. */
function quotaResource(key: string): { key: 'requests' | 'limits'; resource: string } | undefined {
  if (COMPUTE.includes(key)) return { key: 'requests', resource: key };
  const m = /^(requests|limits)\.(.+)$/.exec(key);
  if (m && m[2] !== 'storage') return { key: m[1] as 'requests' | 'limits', resource: m[2]! };
  return undefined;
}

export function admitNamespace(
  k: KubernetesGraph,
  namespace: string,
  limitRanges: readonly LimitRangeRecord[] = k.limitRanges.filter((l) => l.object.namespace === namespace),
  namespaceQuotas: readonly QuotaRecord[] = k.quotas.filter((q) => q.object.namespace === namespace),
): NamespaceAdmission {
  const items = limitRanges.flatMap((l) => l.limits.filter((i) => i.type === 'Container'));
  const quotas = namespaceQuotas.filter((q) => !q.scoped);
  const result: NamespaceAdmission = { namespace, rejections: [], used: new Map(quotas.map((q) => [q, new Map()])) };
  if (items.length === 0 && quotas.length === 0) return result;
  const defaults = parsedDefaults(items);
  for (const w of k.workloadsIn(namespace)) {
    if (w.kind === 'CronJob') continue;
    const containers = w.pod.containers.filter((c) => c.role !== 'ephemeralContainer');
    const resources = containers.map((c) => effectiveResources(c, items, defaults));
    if (limitRangeRejects(w, containers, resources, items, result)) continue;
    let refused = false;
    for (const quota of quotas) {
      const missing: { container: string; resource: string }[] = [];
      for (const hardKey of quota.hard.keys()) {
        const q = quotaResource(hardKey);
        if (!q) continue;
        containers.forEach((c, i) => {
          if (c.role !== 'ephemeralContainer' && !resources[i]![q.key].has(q.resource)) missing.push({ container: c.name, resource: `${q.key}.${q.resource}` });
        });
      }
      if (missing.length > 0) {
        result.rejections.push({ kind: 'quota-missing', workload: w, quota, missing: unique(missing) });
        refused = true;
      }
    }
    if (refused) continue;
    // A pod is admitted only if it fits every quota and every resource: the tightest one decides.
    let admitted = w.replicas;
    let limiting: { quota: QuotaRecord; hardKey: string; perPod: number; before: number; hard: string; q?: { key: 'requests' | 'limits'; resource: string } } | undefined;
    const charges: { used: Map<string, number>; hardKey: string; perPod: number }[] = [];
    for (const quota of quotas) {
      const used = result.used.get(quota)!;
      for (const [hardKey, hard] of quota.hard) {
        const limit = parseQuantity(hard.value);
        if (limit === undefined) continue;
        const q = quotaResource(hardKey);
        const perPod = q ? podTotal(resources, containers, q.key, q.resource) : hardKey === 'pods' || hardKey === 'count/pods' ? 1 : undefined;
        if (perPod === undefined || perPod === 0) continue;
        const before = used.get(hardKey) ?? 0;
        const fits = Math.max(0, Math.floor((limit - before) / perPod + 1e-9));
        charges.push({ used, hardKey, perPod });
        if (fits < admitted) {
          admitted = fits;
          limiting = { quota, hardKey, perPod, before, hard: hard.value, ...(q ? { q } : {}) };
        }
      }
    }
    for (const c of charges) c.used.set(c.hardKey, (c.used.get(c.hardKey) ?? 0) + admitted * c.perPod);
    if (limiting && admitted < w.replicas) {
      const { q } = limiting;
      const resource = q ? `${q.key}.${q.resource}` : limiting.hardKey;
      const fmt = (n: number) => (q ? formatQuantity(q.resource, n) : String(n));
      result.rejections.push({
        kind: 'quota-exceeded', workload: w, quota: limiting.quota, resource: limiting.hardKey,
        requested: `${resource}=${fmt(limiting.perPod)}`, used: `${resource}=${fmt(limiting.before + admitted * limiting.perPod)}`, limited: `${resource}=${limiting.hard}`, admitted,
      });
    }
  }
  return result;
}

function limitRangeRejects(w: Workload, containers: readonly PodContainer[], resources: EffectiveResources[], items: readonly LimitRangeItem[], out: NamespaceAdmission): boolean {
  let rejected = false;
  containers.forEach((c, i) => {
    for (const item of items) {
      for (const [resource, max] of item.max) {
        const bound = parseQuantity(max.value);
        const limit = resources[i]!.limits.get(resource);
        if (bound === undefined || limit === undefined || limit <= bound + 1e-12) continue;
        out.rejections.push({ kind: 'limit-range', workload: w, container: c.name, resource, bound: 'max', limit: max.value, value: formatQuantity(resource, limit), at: c.limits.get(resource)?.at ?? c.resourcesAt, boundAt: max.at });
        rejected = true;
      }
      for (const [resource, min] of item.min) {
        const bound = parseQuantity(min.value);
        const request = resources[i]!.requests.get(resource);
        if (bound === undefined || request === undefined || request >= bound - 1e-12) continue;
        out.rejections.push({ kind: 'limit-range', workload: w, container: c.name, resource, bound: 'min', limit: min.value, value: formatQuantity(resource, request), at: c.requests.get(resource)?.at ?? c.resourcesAt, boundAt: min.at });
        rejected = true;
      }
    }
  });
  return rejected;
}

function unique<T extends { container: string; resource: string }>(list: T[]): T[] {
  const seen = new Set<string>();
  return list.filter((x) => !seen.has(`${x.container}\u0000${x.resource}`) && seen.add(`${x.container}\u0000${x.resource}`) !== undefined);
}

/** Admission of every namespace that has a quota or a LimitRange (memoized per graph). */
const cache = new WeakMap<KubernetesGraph, NamespaceAdmission[]>();
export function admitAll(k: KubernetesGraph): NamespaceAdmission[] {
  let out = cache.get(k);
  if (!out) {
    const byNamespace = new Map<string, { limitRanges: LimitRangeRecord[]; quotas: QuotaRecord[] }>();
    const of = (ns: string) => {
      let entry = byNamespace.get(ns);
      if (!entry) byNamespace.set(ns, (entry = { limitRanges: [], quotas: [] }));
      return entry;
    };
    for (const l of k.limitRanges) of(l.object.namespace).limitRanges.push(l);
    for (const q of k.quotas) of(q.object.namespace).quotas.push(q);
    out = [...byNamespace.keys()].sort().map((ns) => admitNamespace(k, ns, byNamespace.get(ns)!.limitRanges, byNamespace.get(ns)!.quotas));
    cache.set(k, out);
  }
  return out;
}
