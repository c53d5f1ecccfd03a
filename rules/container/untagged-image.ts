import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  id: 'untagged-image',
  meta: {
    description: 'Images should name a tag or a digest explicitly',
    formats: ['dockerfile', 'compose', 'kubernetes'],
    severity: 'warning',
    recommended: true,
    category: 'reliability',
    sources: [
      { tool: 'hadolint', id: 'DL3006' },
      { tool: 'kube-linter', id: 'latest-tag' },
      { tool: 'kube-score', id: 'container-image-tag' },
      { tool: 'polaris', id: 'tagNotSpecified' },
      { tool: 'dclint', id: 'service-image-require-explicit-tag' },
    ],
    messages: { untagged: 'Image "{{image}}" has no tag, so it means "latest"; pin a version or a digest.' },
    fixable: false,
  },
  create(ctx) {
    return {
      Container(container) {
        const image = container.image;
        if (!image || image.value.dynamic || image.value.scratch) return;
        // Istio's gateway injection replaces the placeholder `image: auto` at admission.
        if (container.origin.format === 'kubernetes' && image.value.raw === 'auto') return;
        if (image.value.tag === undefined && image.value.digest === undefined) {
          ctx.report({ messageId: 'untagged', node: image.node, data: { image: image.value.raw } });
        }
      },
    };
  },
});
