import { defineRule } from '../../src/core/rule.js';
import '../../src/model/graph/kubernetes/part.js';
import { relatedObject } from '../../src/model/graph/kubernetes/naming.js';
import { declaredPorts, resolveTargetPort } from '../../src/model/graph/kubernetes/ports.js';

export default defineRule<'named' | 'numeric'>({
  id: 'service-target-port-missing',
  meta: {
    description: "A Service's targetPort should be a port of the containers it selects",
    formats: ['kubernetes'],
    severity: 'warning',
    recommended: true,
    category: 'correctness',
    sources: [],
    messages: {
      named:
        'targetPort "{{port}}" names no port of the pods it selects ({{workloads}}), so the Service has no endpoints for it and connections fail; name a container port "{{port}}" or use one of: {{declared}}.',
      numeric:
        'targetPort {{port}} is not among the ports the selected containers declare ({{declared}}, in {{workloads}}); check the number — unless the program listens on a port it does not declare, traffic is refused.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      Project({ kubernetes: k }) {
        for (const s of k.services) {
          const selected = k.serviceSelects(s);
          if (selected.length === 0) continue;
          const workloads = selected.map((w) => `${w.kind} "${w.object.name}"`).join(', ');
          const declared = selected.flatMap((w) => declaredPorts(w));
          const list = [...new Set(declared.map((p) => (p.name ? `${p.name} (${p.port})` : String(p.port))))].join(', ') || 'none';
          const related = selected.slice(0, 3).map((w) => relatedObject(w.object, 'A selected workload'));
          for (const port of s.ports) {
            const target = port.targetPort?.value ?? port.port;
            const node = port.targetPort?.at ?? port.at;
            const data = { port: target, workloads, declared: list };
            if (typeof target === 'string' && !/^\d+$/.test(target)) {
              if (selected.every((w) => resolveTargetPort(port, w) === undefined)) ctx.report({ messageId: 'named', node, data, related });
              continue;
            }
            // Declaring ports is optional: a number is questioned only when every selected pod declares others, and at most as an info.
            if (selected.some((w) => declaredPorts(w).length === 0)) continue;
            if (declared.some((p) => p.port === Number(target) && p.protocol === port.protocol)) continue;
            ctx.report({ messageId: 'numeric', node, data, related, severity: 'info' });
          }
        }
      },
    };
  },
});
