/** The compose nodes and edges of `plimsoll graph`: services, networks, volumes; depends-on, joins, mounts, can-reach. */
import type { DescriptionBuilder } from '../parts.js';
import type { ComposeProjectRecord } from './part.js';
import { reachableServices } from './network.js';

export const composeServiceId = (p: ComposeProjectRecord, service: string) => `compose:${p.id}/service/${service}`;

export function describeCompose(projects: readonly ComposeProjectRecord[], out: DescriptionBuilder): void {
  for (const p of projects) {
    const id = (kind: string, name: string) => `compose:${p.id}/${kind}/${name}`;
    for (const s of p.services) {
      out.node({
        id: composeServiceId(p, s.name),
        kind: 'service',
        label: `service ${p.name}/${s.name}`,
        file: s.at.file.path,
        line: s.at.file.positionAt(s.at.span.start).line + 1,
        object: { kind: 'Service', name: s.name },
        attributes: { replicas: s.replicas, ...(s.image ? { image: s.image } : {}), ...(s.user ? { user: s.user } : {}) },
      });
    }
    for (const s of p.services) {
      const from = composeServiceId(p, s.name);
      for (const d of s.dependsOn) out.edge({ type: 'depends-on', from, to: composeServiceId(p, d.service), label: d.condition });
      for (const n of s.networks) out.edge({ type: 'joins', from, to: out.node({ id: id('network', n), kind: 'network', label: `network ${p.name}_${n}` }) });
      for (const v of s.volumes) {
        if (!p.volumes.has(v.name)) continue;
        out.edge({ type: 'mounts', from, to: out.node({ id: id('volume', v.name), kind: 'volume', label: `volume ${p.name}_${v.name}` }), ...(v.target ? { label: v.target } : {}) });
      }
      for (const name of s.secrets) out.edge({ type: 'references', from, to: out.node({ id: id('secret', name), kind: 'secret', label: `secret ${name}` }) });
      for (const name of s.configs) out.edge({ type: 'references', from, to: out.node({ id: id('config', name), kind: 'config', label: `config ${name}` }) });
    }
    for (const [from, to] of reachableServices(p)) out.edge({ type: 'can-reach', from: composeServiceId(p, from), to: composeServiceId(p, to) });
  }
}
