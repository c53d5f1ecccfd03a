import { defineRule } from '../../src/core/rule.js';
import '../../src/model/graph/kubernetes/part.js';
import { relatedObject } from '../../src/model/graph/kubernetes/naming.js';
import { isEmptySelector } from '../../src/model/graph/kubernetes/select.js';
import type { Workload } from '../../src/model/graph/kubernetes/types.js';

/** Controllers whose pods a budget counts by replicas (DaemonSets run one per node; Jobs finish). */
const REPLICATED = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController', 'Pod']);

export default defineRule<'maxUnavailable' | 'minAvailableAll' | 'minAvailableReplicas'>({
  id: 'pdb-zero-disruptions',
  meta: {
    description: 'A PodDisruptionBudget should allow at least one pod to be evicted',
    formats: ['kubernetes'],
    severity: 'warning',
    recommended: true,
    category: 'reliability',
    sources: [
      { tool: 'kube-linter', id: 'pdb-max-unavailable' },
      { tool: 'kube-linter', id: 'pdb-min-available' },
      { tool: 'polaris', id: 'pdbDisruptionsIsZero' },
    ],
    messages: {
      maxUnavailable: 'maxUnavailable {{value}} allows no voluntary disruption, so node drains and cluster upgrades block on these pods; allow at least 1.',
      minAvailableAll: 'minAvailable 100% allows no voluntary disruption, so node drains and cluster upgrades block on these pods; lower it or use maxUnavailable: 1.',
      minAvailableReplicas:
        'minAvailable {{value}} is not below the {{pods}} pod(s) this budget selects ({{workloads}}), so none of them can ever be evicted and node drains block; lower it below the pod count, or use maxUnavailable: 1.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      Project({ kubernetes: k }) {
        // An autoscaler may bring a workload down to its minReplicas: that is when the budget must still allow one eviction.
        const floor = new Map<Workload, number>();
        for (const h of k.hpas) {
          const w = h.target && k.workload(h.target.kind.value, h.object.namespace, h.target.name.value);
          if (w && h.minReplicas !== undefined) floor.set(w, h.minReplicas);
        }
        for (const p of k.pdbs) {
          const max = p.maxUnavailable;
          if (max && (max.value === 0 || max.value === '0%')) ctx.report({ messageId: 'maxUnavailable', node: max.at, data: { value: max.value } });
          const min = p.minAvailable;
          if (!min) continue;
          if (min.value === '100%') {
            ctx.report({ messageId: 'minAvailableAll', node: min.at });
            continue;
          }
          if (!p.selector || isEmptySelector(p.selector)) continue;
          const selected = k.select(p.object.namespace, p.selector, false).filter((w) => REPLICATED.has(w.kind));
          const pods = selected.reduce((n, w) => n + (floor.get(w) ?? w.replicas), 0);
          if (pods === 0) continue;
          const percent = typeof min.value === 'string' ? /^(\d+)%$/.exec(min.value) : null;
          // Kubernetes rounds a percentage of minAvailable up.
          const required = typeof min.value === 'number' ? min.value : percent ? Math.ceil((Number(percent[1]) * pods) / 100) : undefined;
          if (required === undefined || required < pods) continue;
          ctx.report({
            messageId: 'minAvailableReplicas',
            node: min.at,
            data: { value: min.value, pods, workloads: selected.map((w) => `${w.kind} "${w.object.name}" ×${floor.get(w) ?? w.replicas}`).join(', ') },
            related: selected.map((w) => relatedObject(w.object, 'A workload it protects')),
          });
        }
      },
    };
  },
});
