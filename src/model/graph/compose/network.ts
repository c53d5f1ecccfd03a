/**
 * Who can reach whom in a compose project: services on a common network resolve each other
 * by name. `network_mode: service:x` shares x's network stack; `host` shares the host's.
 */
import type { ComposeProjectRecord, ComposeServiceRecord } from './part.js';

/** The networks a service is effectively on (following network_mode: service:x). */
export function networksOf(p: ComposeProjectRecord, s: ComposeServiceRecord, seen = new Set<string>()): string[] {
  const mode = s.networkMode;
  if (mode?.startsWith('service:') || mode?.startsWith('container:')) {
    const other = p.services.find((x) => x.name === mode.slice(mode.indexOf(':') + 1));
    if (!other || seen.has(other.name)) return [];
    seen.add(s.name);
    return networksOf(p, other, seen);
  }
  if (mode === 'host') return ['<host>'];
  return mode ? [] : s.networks;
}

export function shareNetwork(p: ComposeProjectRecord, a: ComposeServiceRecord, b: ComposeServiceRecord): boolean {
  const mine = new Set(networksOf(p, a));
  return networksOf(p, b).some((n) => mine.has(n));
}

/** Ordered pairs of services that share a network (via a network index, not all pairs of services). */
export function reachableServices(p: ComposeProjectRecord): [string, string][] {
  const byNetwork = new Map<string, string[]>();
  for (const s of p.services) for (const n of networksOf(p, s)) byNetwork.set(n, [...(byNetwork.get(n) ?? []), s.name]);
  const out = new Set<string>();
  for (const members of byNetwork.values()) for (const a of members) for (const b of members) if (a !== b) out.add(`${a}\u0000${b}`);
  return [...out].sort().map((k) => k.split('\u0000') as [string, string]);
}
