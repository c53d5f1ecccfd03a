import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  id: 'missing-resource-requests',
  meta: {
    description: 'Containers should request the CPU and memory they need',
    formats: ['kubernetes'],
    severity: 'warning',
    recommended: true,
    category: 'reliability',
    sources: [
      { tool: 'kube-linter', id: 'unset-cpu-requirements' },
      { tool: 'kube-score', id: 'container-resources' },
      { tool: 'polaris', id: 'cpuRequestsMissing' },
      { tool: 'polaris', id: 'memoryRequestsMissing' },
      { tool: 'checkov', id: 'CKV_K8S_10' },
      { tool: 'checkov', id: 'CKV_K8S_12' },
      { tool: 'trivy', id: 'KSV015' },
      { tool: 'trivy', id: 'KSV016' },
    ],
    messages: {
      missing:
        'Container "{{name}}" requests no {{what}}, so the scheduler places it as if it needed none and it is the first evicted under pressure; set resources.requests.{{keys}}.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      Container(c) {
        if (c.origin.format !== 'kubernetes' || c.origin.role === 'ephemeralContainer') return;
        // A request left unset defaults to the limit, when there is one.
        const missing: string[] = [];
        if (!c.resources.requests.cpu && !c.resources.limits.cpu) missing.push('cpu');
        if (!c.resources.requests.memory && !c.resources.limits.memory) missing.push('memory');
        if (missing.length === 0) return;
        ctx.report({
          messageId: 'missing',
          node: c.node,
          path: missing.length === 1 ? ['resources', 'requests', missing[0]!] : ['resources', 'requests'],
          data: { name: c.origin.name, what: missing.join(' and '), keys: missing.join(' and resources.requests.') },
        });
      },
    };
  },
});
