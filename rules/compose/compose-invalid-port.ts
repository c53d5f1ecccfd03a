import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  id: 'compose-invalid-port',
  meta: {
    description: 'Port mappings must be valid: `[[HOST_IP:]HOST:]CONTAINER[/PROTOCOL]`, ports 0-65535, ranges of the same size',
    formats: ['compose'],
    severity: 'error',
    recommended: true,
    category: 'correctness',
    sources: [{ tool: 'compose', id: 'invalid-port' }],
    messages: {
      invalid: 'Invalid port mapping for service "{{service}}": {{reason}}. Write [[HOST_IP:]HOST_PORT:]CONTAINER_PORT[/tcp|udp|sctp], for example "127.0.0.1:8080:80".',
      expose: 'Invalid `expose` entry for service "{{service}}": {{reason}}. Write a port or a range with an optional protocol, for example "8080" or "9000-9005/udp".',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      ComposeService(service) {
        for (const port of service.ports) {
          if (port.error) ctx.report({ messageId: 'invalid', node: port.node, data: { service: service.name, reason: port.error } });
        }
        for (const e of service.exposeErrors) ctx.report({ messageId: 'expose', node: e.node, data: { service: service.name, reason: e.error } });
      },
    };
  },
});
