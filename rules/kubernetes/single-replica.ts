import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2.js';
import type { Service } from 'kubernetes-types/core/v1.js';
import { defineRule } from '../../src/core/rule.js';
import { podTemplateOf } from '../../src/model/extract/kubernetes.js';
import type { KubernetesObject } from '../../src/model/kubernetes/object.js';
import { labelEntries, labelMap, mapSelects } from '../../src/model/kubernetes/selectors.js';
import { objectView } from '../../src/model/kubernetes/view.js';

const SCALED = new Set(['Deployment', 'StatefulSet']);

export default defineRule({
  id: 'single-replica',
  meta: {
    description: 'A workload behind a Service should run more than one replica (unless an autoscaler manages it)',
    formats: ['kubernetes'],
    severity: 'info',
    recommended: false,
    category: 'reliability',
    sources: [
      { tool: 'kube-score', id: 'deployment-replicas' },
      { tool: 'polaris', id: 'deploymentMissingReplicas' },
      { tool: 'kube-linter', id: 'minimum-three-replicas' },
    ],
    messages: {
      single:
        'This {{kind}} runs a single replica behind the Service "{{service}}", so every node drain, eviction or crash is an outage; run at least 2 replicas (or let a HorizontalPodAutoscaler manage them).',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      // Needs the file's Services and autoscalers, which may come after the workload.
      'KubernetesFile:exit'({ objects }) {
        const services = objects.filter((o) => o.kind === 'Service' && o.apiVersion === 'v1');
        const scaled = new Set(objects.filter((o) => o.kind === 'HorizontalPodAutoscaler').map(scaleTarget));
        for (const object of objects) {
          if (!SCALED.has(object.kind) || scaled.has(`${object.kind}/${object.namespace ?? ''}/${object.name}`)) continue;
          const template = podTemplateOf(object);
          if (!template) continue;
          const spec = objectView(object).object('spec');
          const replicas = spec?.integer('replicas');
          if (spec?.has('replicas') && (!replicas || replicas.value !== 1)) continue;
          const labels = labelMap(template.metadata?.entries('labels') ?? []);
          const service = services.find(
            (s) => s.namespace === object.namespace && mapSelects(labelEntries(objectView<Service>(s).object('spec')?.entries('selector') ?? []), labels),
          );
          if (!service) continue;
          ctx.report({
            messageId: 'single',
            node: replicas?.node ?? spec?.anchor ?? object.anchor,
            data: { kind: object.kind, service: service.name },
            related: [{ node: service.anchor, message: 'The Service that routes to it.' }],
          });
        }
      },
    };
  },
});

function scaleTarget(hpa: KubernetesObject): string {
  const ref = objectView<HorizontalPodAutoscaler>(hpa).object('spec')?.object('scaleTargetRef');
  return `${ref?.string('kind')?.value ?? ''}/${hpa.namespace ?? ''}/${ref?.string('name')?.value ?? ''}`;
}
