import { defineRule } from '../../src/core/rule.js';
import '../../src/model/graph/kubernetes/part.js';
import { relatedObject } from '../../src/model/graph/kubernetes/naming.js';

export default defineRule<'service' | 'minReady'>({
  id: 'readiness-probe-needed',
  meta: {
    description: 'Containers behind a Service, or of a workload with minReadySeconds, should have a readiness probe',
    formats: ['kubernetes'],
    severity: 'warning',
    recommended: false,
    category: 'reliability',
    sources: [{ tool: 'kube-score', id: 'pod-probes' }],
    messages: {
      service:
        'Container "{{container}}" has no readinessProbe, but Service "{{service}}" sends traffic to these pods: each new pod gets requests as soon as it starts, before it can serve them, and a rollout replaces pods that are not ready yet. Add a readinessProbe.',
      minReady: 'Container "{{container}}" has no readinessProbe, so minReadySeconds counts from container start rather than from readiness and the rollout cannot tell a broken pod from a slow one. Add a readinessProbe.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      Project({ kubernetes: k }) {
        for (const w of k.workloads) {
          if (w.kind === 'Job' || w.kind === 'CronJob' || w.kind === 'Pod') continue;
          const services = k.servicesOf(w);
          if (services.length === 0 && !w.minReadySeconds) continue;
          for (const c of w.pod.containers) {
            if (c.role !== 'container' || c.readinessProbe) continue;
            if (services.length > 0) {
              ctx.report({ messageId: 'service', node: c.at, data: { container: c.name, service: services[0]!.object.name }, related: [relatedObject(services[0]!.object, 'The Service')] });
            } else ctx.report({ messageId: 'minReady', node: c.at, data: { container: c.name } });
          }
        }
      },
    };
  },
});
