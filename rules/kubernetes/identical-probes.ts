import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  id: 'identical-probes',
  meta: {
    description: 'A container\'s liveness and readiness probes should differ',
    formats: ['kubernetes'],
    severity: 'warning',
    recommended: false,
    category: 'reliability',
    sources: [{ tool: 'kube-score', id: 'pod-probes-identical' }],
    messages: {
      identical:
        'The liveness and readiness probes of container "{{name}}" are identical, so an overloaded container is restarted instead of just taken out of rotation; make the liveness probe cheaper or more lenient.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      Container(c) {
        const live = c.livenessProbe;
        const ready = c.readinessProbe;
        if (c.origin.format !== 'kubernetes' || !live?.signature || !ready?.signature) return;
        if (live.signature === ready.signature) ctx.report({ messageId: 'identical', node: live.node, data: { name: c.origin.name } });
      },
    };
  },
});
