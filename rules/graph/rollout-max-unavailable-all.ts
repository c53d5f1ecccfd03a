import { defineRule } from '../../src/core/rule.js';
import '../../src/model/graph/kubernetes/part.js';
import type { Workload } from '../../src/model/graph/kubernetes/types.js';

/** maxUnavailable as a pod count for `replicas` pods (percentages round down, as Kubernetes does). */
function unavailable(value: number | string, replicas: number): number | undefined {
  if (typeof value === 'number') return value;
  const m = /^(\d+)%$/.exec(value);
  return m ? Math.floor((Number(m[1]) * replicas) / 100) : undefined;
}

export default defineRule<'all'>({
  id: 'rollout-max-unavailable-all',
  meta: {
    description: 'A rolling update should keep some pods available',
    formats: ['kubernetes'],
    severity: 'warning',
    recommended: true,
    category: 'reliability',
    sources: [],
    messages: {
      all: 'maxUnavailable {{value}} lets a rollout take down all {{replicas}} pods of this {{kind}} at once, so every update is an outage; use a smaller value (e.g. 25%), or Recreate if that is intended.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      Project({ kubernetes: k }) {
        const scaled = new Map<Workload, number>();
        for (const h of k.hpas) {
          const w = h.target && k.workload(h.target.kind.value, h.object.namespace, h.target.name.value);
          if (w && h.minReplicas !== undefined) scaled.set(w, h.minReplicas);
        }
        for (const w of k.workloads) {
          const max = w.strategy?.maxUnavailable;
          if (!max || w.strategy!.type !== 'RollingUpdate' || w.kind === 'DaemonSet') continue;
          // An autoscaler manages the replica count: its minimum is what a rollout may face.
          const replicas = scaled.get(w) ?? w.replicas;
          if (replicas < 2) continue;
          const count = unavailable(max.value, replicas);
          if (count === undefined || count < replicas) continue;
          ctx.report({ messageId: 'all', node: max.at, data: { value: max.value, replicas, kind: w.kind } });
        }
      },
    };
  },
});
