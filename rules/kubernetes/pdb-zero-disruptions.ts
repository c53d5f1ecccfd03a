import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1.js';
import type { LabelSelector } from 'kubernetes-types/meta/v1.js';
import { defineRule } from '../../src/core/rule.js';
import { podTemplateOf } from '../../src/model/extract/kubernetes.js';
import { labelMap, labelSelectorOf, selectorSelects } from '../../src/model/kubernetes/selectors.js';
import { objectView, type YView } from '../../src/model/kubernetes/view.js';

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
        'minAvailable {{value}} is not below the {{replicas}} replica(s) of {{kind}} "{{name}}", so none of its pods can ever be evicted and node drains block; lower it below the replica count.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      'KubernetesFile:exit'({ objects }) {
        for (const pdb of objects) {
          if (pdb.kind !== 'PodDisruptionBudget' || !pdb.apiVersion.startsWith('policy/')) continue;
          const spec = objectView<PodDisruptionBudget>(pdb).object('spec');
          if (!spec) continue;
          const maxUnavailable = spec.intOrString('maxUnavailable');
          if (maxUnavailable && (maxUnavailable.value === 0 || maxUnavailable.value === '0%')) {
            ctx.report({ messageId: 'maxUnavailable', node: maxUnavailable.node, data: { value: maxUnavailable.value } });
          }
          const minAvailable = spec.intOrString('minAvailable');
          if (!minAvailable) continue;
          if (minAvailable.value === '100%') {
            ctx.report({ messageId: 'minAvailableAll', node: minAvailable.node });
            continue;
          }
          if (typeof minAvailable.value !== 'number') continue;
          const selectorView = spec.object('selector') as YView<LabelSelector> | undefined;
          if (!selectorView) continue;
          const selector = labelSelectorOf(selectorView);
          // Workloads of this file whose pods the budget selects, with a fixed replica count.
          for (const workload of objects) {
            if (workload.namespace !== pdb.namespace) continue;
            const template = podTemplateOf(workload);
            if (!template || template.kind === 'Pod' || template.kind === 'Job' || template.kind === 'CronJob' || template.kind === 'DaemonSet') continue;
            const replicas = objectView(workload).object('spec')?.integer('replicas')?.value ?? 1;
            if (replicas === 0 || minAvailable.value < replicas) continue;
            if (!selectorSelects(selector, labelMap(template.metadata?.entries('labels') ?? []))) continue;
            ctx.report({
              messageId: 'minAvailableReplicas',
              node: minAvailable.node,
              data: { value: minAvailable.value, replicas, kind: workload.kind, name: workload.name },
              related: [{ node: workload.anchor, message: 'The workload whose pods it protects.' }],
            });
            break;
          }
        }
      },
    };
  },
});
