import { defineRule } from '../../src/core/rule.js';
import type { ProbeSpec } from '../../src/model/container.js';

interface Options {
  /** Also report probes on a port number the container does not list in `ports`. */
  numericPorts: boolean;
}

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;

export default defineRule<'named' | 'numeric', Options>({
  id: 'probe-port-undeclared',
  meta: {
    description: 'Probes must target a port the container declares',
    formats: ['kubernetes'],
    severity: 'error',
    recommended: true,
    category: 'correctness',
    sources: [
      { tool: 'kube-linter', id: 'liveness-port' },
      { tool: 'kube-linter', id: 'readiness-port' },
      { tool: 'kube-linter', id: 'startup-port' },
    ],
    messages: {
      named:
        'The {{probe}} of container "{{name}}" uses the port name "{{port}}", which the container does not declare, so the probe always fails; name a port in `ports` "{{port}}" or use one of: {{declared}}.',
      numeric: 'The {{probe}} of container "{{name}}" targets port {{port}}, which is not among the container\'s ports ({{declared}}); check the port or declare it.',
    },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: { numericPorts: { type: 'boolean', description: 'Also report probes on undeclared port numbers.' } },
    },
    defaults: { numericPorts: false },
    fixable: false,
  },
  create(ctx, options) {
    return {
      Container(c) {
        if (c.origin.format !== 'kubernetes') return;
        const names = new Set(c.ports.flatMap((p) => (p.name !== undefined ? [p.name] : [])));
        const numbers = new Set(c.ports.flatMap((p) => (p.containerPort !== undefined ? [p.containerPort] : [])));
        const declared = c.ports.map((p) => (p.name ? `${p.name} (${p.containerPort ?? '?'})` : String(p.containerPort ?? '?'))).join(', ') || 'none';
        for (const key of PROBES) {
          const port = (c[key] as ProbeSpec | undefined)?.port;
          if (!port) continue;
          const data = { probe: key, name: c.origin.name, port: port.value, declared };
          if (typeof port.value === 'string') {
            // `${HEALTH_PORT}`: a variable for envsubst or a template, filled in before apply.
            if (!names.has(port.value) && !/\$[{(]/.test(port.value)) ctx.report({ messageId: 'named', node: port.node, data });
          } else if (options.numericPorts && numbers.size > 0 && !numbers.has(port.value)) {
            ctx.report({ messageId: 'numeric', node: port.node, data });
          }
        }
      },
    };
  },
});
