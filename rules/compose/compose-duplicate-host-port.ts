import { defineRule } from '../../src/core/rule.js';
import { activeTogether, hostPorts } from '../../src/model/compose/query.js';
import { bindsAllInterfaces } from '../../src/model/compose/ports.js';
import type { ComposePort, ComposeService } from '../../src/model/compose/types.js';

interface Binding {
  service: ComposeService;
  port: ComposePort;
  range: [number, number];
  ip: string;
}

export default defineRule({
  id: 'compose-duplicate-host-port',
  meta: {
    description: 'Two services cannot publish the same host port',
    formats: ['compose'],
    severity: 'error',
    recommended: true,
    category: 'correctness',
    sources: [{ tool: 'dclint', id: 'no-duplicate-exported-ports' }],
    messages: {
      duplicate: 'Host port {{port}}/{{protocol}} is already published by service "{{other}}"; the second service to start fails with "port is already allocated". Use another host port.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      ComposeProject(project) {
        // Bindings by protocol, sorted by first port: overlapping ranges are neighbours (no all-pairs loop).
        const byProtocol = new Map<string, Binding[]>();
        for (const service of project.services) {
          for (const port of service.ports) {
            const range = hostPorts(port);
            if (!range) continue;
            const list = byProtocol.get(port.protocol) ?? [];
            list.push({ service, port, range, ip: bindsAllInterfaces(port.hostIp) ? '*' : port.hostIp! });
            byProtocol.set(port.protocol, list);
          }
        }
        for (const [protocol, list] of byProtocol) {
          list.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
          const open: Binding[] = [];
          for (const b of list) {
            for (let i = open.length - 1; i >= 0; i--) if (open[i]!.range[1] < b.range[0]) open.splice(i, 1);
            const clash = open.find((o) => o.port !== b.port && activeTogether(o.service, b.service) && (o.ip === '*' || b.ip === '*' || o.ip === b.ip));
            if (clash) {
              const port = Math.max(clash.range[0], b.range[0]);
              ctx.report({ messageId: 'duplicate', node: b.port.node, data: { port, protocol, other: clash.service.name }, object: b.service.objectRef });
            }
            open.push(b);
          }
        }
      },
    };
  },
});
