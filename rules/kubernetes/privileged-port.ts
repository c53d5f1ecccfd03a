import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  id: 'privileged-port',
  meta: {
    description: 'Containers should listen on unprivileged ports (1024 and above)',
    formats: ['kubernetes'],
    severity: 'info',
    recommended: false,
    category: 'security',
    sources: [{ tool: 'kube-linter', id: 'privileged-ports' }],
    messages: {
      privileged:
        'Container "{{name}}" listens on port {{port}}, below 1024, which needs root or NET_BIND_SERVICE; listen on a port above 1023 and map it in the Service (port: {{port}}, targetPort: <high port>).',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      Container(c) {
        if (c.origin.format !== 'kubernetes') return;
        for (const port of c.ports) {
          if (port.containerPort === undefined || port.containerPort <= 0 || port.containerPort >= 1024) continue;
          ctx.report({ messageId: 'privileged', node: port.node, path: ['containerPort'], data: { name: c.origin.name, port: port.containerPort } });
        }
      },
    };
  },
});
