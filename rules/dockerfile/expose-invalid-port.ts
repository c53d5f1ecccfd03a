import { defineRule } from '../../src/core/rule.js';
import type { ExposeInstruction } from '../../src/parse/dockerfile/ast.js';
import { hasUnresolvedVariable } from '../../src/model/dockerfile-query.js';

const PROTOCOLS = new Set(['tcp', 'udp', 'sctp']);
const MAX_PORT = 65535;

export default defineRule({
  id: 'expose-invalid-port',
  meta: {
    description: 'EXPOSE ports must be numbers from 0 to 65535, with protocol tcp, udp or sctp',
    formats: ['dockerfile'],
    severity: 'error',
    recommended: true,
    category: 'correctness',
    sources: [{ tool: 'hadolint', id: 'DL3011' }],
    messages: {
      range: 'Port {{port}} is out of range: ports go from 0 to 65535.',
      reversedRange: 'The port range {{port}} ends before it starts.',
      protocol: 'Unknown protocol "{{protocol}}" in "{{port}}": use tcp, udp or sctp.',
      notANumber: '"{{port}}" is not a port: write a number (e.g. 8080), a range (8000-8010), optionally with /tcp, /udp or /sctp.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      'DockerfileInstruction:EXPOSE'(ins: ExposeInstruction) {
        for (const port of ins.ports) {
          const value = port.value;
          // Values from variables the linter cannot resolve, and host mappings (expose-invalid-format).
          if (hasUnresolvedVariable(value) || value.includes(':')) continue;
          if (port.port === undefined) {
            const slash = value.lastIndexOf('/');
            const protocol = slash >= 0 ? value.slice(slash + 1) : '';
            const number = slash >= 0 ? value.slice(0, slash) : value;
            if (/^\d+(-\d+)?$/.test(number) && protocol) ctx.report({ messageId: 'protocol', node: port, data: { port: value, protocol } });
            else ctx.report({ messageId: 'notANumber', node: port, data: { port: value } });
            continue;
          }
          if (port.port > MAX_PORT || (port.endPort ?? 0) > MAX_PORT) ctx.report({ messageId: 'range', node: port, data: { port: value } });
          else if (port.endPort !== undefined && port.endPort < port.port) ctx.report({ messageId: 'reversedRange', node: port, data: { port: value } });
          else if (port.protocol && !PROTOCOLS.has(port.protocol)) {
            ctx.report({ messageId: 'protocol', node: port, data: { port: value, protocol: port.protocol } });
          }
        }
      },
    };
  },
});
