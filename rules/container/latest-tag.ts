import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  id: 'latest-tag',
  meta: {
    description: 'Images should be pinned to a version tag or a digest, not "latest"',
    formats: ['dockerfile', 'compose', 'kubernetes'],
    severity: 'warning',
    recommended: true,
    category: 'reliability',
    sources: [
      { tool: 'hadolint', id: 'DL3007' },
      { tool: 'kube-linter', id: 'latest-tag' },
      { tool: 'kube-score', id: 'container-image-tag' },
      { tool: 'polaris', id: 'tagNotSpecified' },
      { tool: 'checkov', id: 'CKV_K8S_14' },
      { tool: 'dclint', id: 'service-image-require-explicit-tag' },
    ],
    messages: { latest: 'Image "{{image}}" uses the mutable tag "latest"; pin a version or a digest.' },
    fixable: false,
  },
  create(ctx) {
    return {
      Container(container) {
        const image = container.image;
        if (!image || image.value.dynamic || image.value.digest) return;
        if (image.value.tag === 'latest') ctx.report({ messageId: 'latest', node: image.node, data: { image: image.value.raw } });
      },
    };
  },
});
