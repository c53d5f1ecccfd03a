import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  id: 'missing-readiness-probe',
  meta: {
    description: 'Long-running containers should have a readiness probe',
    formats: ['kubernetes'],
    severity: 'warning',
    recommended: false,
    category: 'reliability',
    sources: [
      { tool: 'kube-linter', id: 'no-readiness-probe' },
      { tool: 'kube-score', id: 'pod-probes' },
      { tool: 'polaris', id: 'readinessProbeMissing' },
      { tool: 'checkov', id: 'CKV_K8S_9' },
    ],
    messages: {
      missing:
        'Container "{{name}}" has no readiness probe, so Services send it traffic before it can serve and rollouts cannot tell whether it works; add a readinessProbe.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      Container(c) {
        if (c.origin.format !== 'kubernetes' || c.origin.runsToCompletion) return;
        // Init containers run to completion before the others start; sidecars (restartPolicy: Always) keep running.
        if (c.origin.role === 'ephemeralContainer' || (c.origin.role === 'initContainer' && !c.origin.sidecar)) return;
        if (!c.readinessProbe) ctx.report({ messageId: 'missing', node: c.node, data: { name: c.origin.name } });
      },
    };
  },
});
