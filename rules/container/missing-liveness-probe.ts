import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  id: 'missing-liveness-probe',
  meta: {
    description: 'Long-running containers should have a liveness probe',
    formats: ['kubernetes'],
    severity: 'warning',
    recommended: false,
    category: 'reliability',
    sources: [
      { tool: 'kube-linter', id: 'no-liveness-probe' },
      { tool: 'kube-score', id: 'pod-probes' },
      { tool: 'polaris', id: 'livenessProbeMissing' },
      { tool: 'checkov', id: 'CKV_K8S_8' },
    ],
    messages: {
      missing:
        'Container "{{name}}" has no liveness probe, so the kubelet cannot tell it is hung and restart it; add a livenessProbe (httpGet, tcpSocket, grpc or exec).',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      Container(c) {
        if (c.origin.format !== 'kubernetes' || c.origin.runsToCompletion) return;
        // Init containers run to completion before the others start; sidecars (restartPolicy: Always) keep running.
        if (c.origin.role === 'ephemeralContainer' || (c.origin.role === 'initContainer' && !c.origin.sidecar)) return;
        if (!c.livenessProbe) ctx.report({ messageId: 'missing', node: c.node, data: { name: c.origin.name } });
      },
    };
  },
});
