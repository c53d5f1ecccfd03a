import { defineRule } from '../../src/core/rule.js';
import '../../src/model/graph/kubernetes/part.js';
import { relatedObject } from '../../src/model/graph/kubernetes/naming.js';

export default defineRule<'service' | 'port'>({
  id: 'ingress-backend-missing',
  meta: {
    description: 'An Ingress backend should name a Service of its namespace, and a port of that Service',
    formats: ['kubernetes'],
    severity: 'warning',
    recommended: true,
    category: 'correctness',
    sources: [
      { tool: 'kube-linter', id: 'dangling-ingress' },
      { tool: 'kube-score', id: 'ingress-targets-service' },
    ],
    messages: {
      service:
        'No Service "{{service}}" exists in namespace "{{namespace}}", so requests for {{route}} get 503 from the ingress controller; create it or fix the name.',
      port: 'Service "{{service}}" has no port {{port}} (it has {{ports}}), so requests for {{route}} fail; use one of its ports.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      Project({ kubernetes: k }) {
        for (const ing of k.ingresses) {
          for (const b of ing.backends) {
            const route = b.path === '(default)' ? 'the default backend' : `${b.host}${b.path}`;
            const service = k.service(ing.object.namespace, b.service.value);
            if (!service) {
              ctx.report({ messageId: 'service', node: b.service.at, data: { service: b.service.value, namespace: ing.object.namespace, route } });
              continue;
            }
            if (!b.port) continue;
            const wanted = b.port.value;
            const found = service.ports.some((p) => (typeof wanted === 'number' ? p.port === wanted : p.name === wanted));
            if (found) continue;
            const ports = service.ports.map((p) => (p.name ? `${p.name} (${p.port})` : String(p.port))).join(', ') || 'no ports';
            ctx.report({
              messageId: 'port',
              node: b.port.at,
              data: { service: b.service.value, port: wanted, ports, route },
              related: [relatedObject(service.object, 'The Service')],
            });
          }
        }
      },
    };
  },
});
