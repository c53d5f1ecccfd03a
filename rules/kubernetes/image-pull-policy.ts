import { defineRule } from '../../src/core/rule.js';

export default defineRule<'stale' | 'never'>({
  id: 'image-pull-policy',
  meta: {
    description: 'Mutable image tags should be pulled on every start, and images should be pullable',
    formats: ['kubernetes'],
    severity: 'warning',
    recommended: true,
    category: 'reliability',
    sources: [
      { tool: 'kube-score', id: 'container-image-pull-policy' },
      { tool: 'polaris', id: 'pullPolicyNotAlways' },
      { tool: 'checkov', id: 'CKV_K8S_15' },
    ],
    messages: {
      stale:
        'Image "{{image}}" has a mutable tag but imagePullPolicy is IfNotPresent, so each node keeps whatever version it pulled first; pin a version or digest, or use Always.',
      never:
        'imagePullPolicy: Never runs only images already on the node, so the pod fails with ErrImageNeverPull on any other node; use IfNotPresent with a pinned tag (Never is for local clusters with preloaded images).',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      Container(c) {
        const policy = c.imagePullPolicy;
        if (c.origin.format !== 'kubernetes' || !policy || !c.image || c.image.value.dynamic) return;
        if (policy.value === 'Never') {
          ctx.report({ messageId: 'never', node: policy.node });
          return;
        }
        const ref = c.image.value;
        const mutable = ref.digest === undefined && (ref.tag === undefined || ref.tag === 'latest');
        if (mutable && policy.value === 'IfNotPresent') ctx.report({ messageId: 'stale', node: policy.node, data: { image: ref.raw } });
      },
    };
  },
});
