import { defineRule } from '../../src/core/rule.js';
import '../../src/model/graph/kubernetes/part.js';

export default defineRule<'missing'>({
  id: 'volume-mount-missing',
  meta: {
    description: 'Every volumeMount should name a volume of its pod',
    formats: ['kubernetes'],
    severity: 'error',
    recommended: true,
    category: 'correctness',
    sources: [],
    messages: {
      missing:
        'Container "{{container}}" mounts volume "{{volume}}", which the pod does not define ({{defined}}); the API server rejects the object. Add it under `volumes:` (or `volumeClaimTemplates:`) or fix the name.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      Project({ kubernetes: k }) {
        for (const w of k.workloads) {
          const defined = [...w.pod.volumes.keys()].join(', ') || 'it defines none';
          for (const c of w.pod.containers) {
            for (const m of c.mounts) {
              if (!w.pod.volumes.has(m.value)) ctx.report({ messageId: 'missing', node: m.at, data: { container: c.name, volume: m.value, defined } });
            }
          }
        }
      },
    };
  },
});
