import { defineRule } from '../../src/core/rule.js';
import type { ExposeInstruction } from '../../src/parse/dockerfile/ast.js';

export default defineRule({
  id: 'expose-invalid-format',
  meta: {
    description: 'EXPOSE takes container ports only, not an IP address or a host-port mapping',
    formats: ['dockerfile'],
    severity: 'warning',
    recommended: true,
    category: 'correctness',
    sources: [{ tool: 'buildkit', id: 'ExposeInvalidFormat' }],
    messages: {
      mapping:
        'EXPOSE should not define an IP address or a host-port mapping ("{{port}}"): expose the container port only, and publish it with `docker run -p` or compose `ports:`.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      'DockerfileInstruction:EXPOSE'(ins: ExposeInstruction) {
        for (const port of ins.ports) {
          if (port.value.includes(':')) ctx.report({ messageId: 'mapping', node: port, data: { port: port.value } });
        }
      },
    };
  },
});
