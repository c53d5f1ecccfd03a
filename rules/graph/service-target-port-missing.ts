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
        'targetPort "{{port}}" names no port of the pods of {{workload}}, so the Service has no endpoint there and connections fail; name a container port "{{port}}" or use one of: {{declared}}.',
      numeric:
        'targetPort {{port}} is not among the ports the containers of {{workload}} declare ({{declared}}); check the number — traffic to a port nothing listens on is refused.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      Project({ kubernetes: k }) {
        for (const s of k.services) {
          const selected = k.serviceSelects(s);
          if (selected.length === 0) continue;
          for (const port of s.ports) {
            const target = port.targetPort?.value ?? port.port;
            for (const w of selected) {
              const declared = declaredPorts(w);
              const list = declared.map((p) => (p.name ? `${p.name} (${p.port})` : String(p.port))).join(', ') || 'none';
              const data = { port: target, workload: `${w.kind} "${w.object.name}"`, declared: list };
              const related = [relatedObject(w.object, 'The selected workload')];
              const node = port.targetPort?.at ?? port.at;
              if (typeof target === 'string' && !/^\d+$/.test(target)) {
                if (resolveTargetPort(port, w) === undefined) ctx.report({ messageId: 'named', node, data, related });
              } else if (declared.length > 0 && !declared.some((p) => p.port === Number(target) && p.protocol === port.protocol)) {
                // Declaring ports is optional, so a number is only questioned when the containers declare others.
                ctx.report({ messageId: 'numeric', node, data, related });
              }
            }
          }
        }
      },
    };
  },
});
