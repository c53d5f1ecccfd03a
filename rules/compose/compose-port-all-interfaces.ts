import { defineRule } from '../../src/core/rule.js';
import { bindsAllInterfaces } from '../../src/model/compose/ports.js';

export default defineRule({
  id: 'compose-port-all-interfaces',
  meta: {
    description: 'Published ports should name the host interface they listen on',
    formats: ['compose'],
    severity: 'info',
    recommended: false,
    category: 'security',
    sources: [
      { tool: 'dclint', id: 'no-unbound-port-interfaces' },
      { tool: 'kics', id: '451d79dc-0588-476a-ad03-3c7f0320abb3' },
    ],
    messages: {
      unbound: 'Service "{{service}}" publishes port {{port}} on every host interface; name the interface ("127.0.0.1:{{port}}:{{target}}" for local use only).',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      ComposeService(service) {
        for (const p of service.ports) {
          if (p.error || p.published === undefined || !bindsAllInterfaces(p.hostIp)) continue;
          ctx.report({ messageId: 'unbound', node: p.node, data: { service: service.name, port: p.published, target: p.target ?? '' } });
        }
      },
    };
  },
});
