import { defineRule } from '../../src/core/rule.js';

interface Options {
  /** Also require a CPU limit (off by default: CPU limits throttle, and many teams set only requests). */
  cpu: boolean;
  /** Also check compose services (off by default: most compose projects run on one developer machine). */
  compose: boolean;
}

export default defineRule<'kubernetes' | 'compose', Options>({
  id: 'missing-resource-limits',
  meta: {
    description: 'Containers should have a memory limit (and, optionally, a CPU limit)',
    formats: ['kubernetes', 'compose'],
    severity: 'warning',
    recommended: true,
    category: 'reliability',
    sources: [
      { tool: 'kube-linter', id: 'unset-memory-requirements' },
      { tool: 'kube-score', id: 'container-resources' },
      { tool: 'polaris', id: 'memoryLimitsMissing' },
      { tool: 'polaris', id: 'cpuLimitsMissing' },
      { tool: 'checkov', id: 'CKV_K8S_13' },
      { tool: 'checkov', id: 'CKV_K8S_11' },
      { tool: 'trivy', id: 'KSV018' },
      { tool: 'trivy', id: 'KSV011' },
    ],
    messages: {
      kubernetes:
        'Container "{{name}}" has no {{what}} limit, so it can take what the node has and starve its neighbours; set resources.limits.{{keys}}.',
      compose:
        'Service "{{name}}" has no resource limits, so it can take all of the host\'s memory and CPU; set deploy.resources.limits (memory, cpus) or mem_limit.',
    },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        cpu: { type: 'boolean', description: 'Also require a CPU limit.' },
        compose: { type: 'boolean', description: 'Also check compose services.' },
      },
    },
    defaults: { cpu: false, compose: false },
    fixable: false,
  },
  create(ctx, options) {
    return {
      Container(c) {
        if (c.origin.format === 'compose') {
          if (!options.compose) return;
          if (!c.resources.limits.memory && !c.resources.limits.cpu) ctx.report({ messageId: 'compose', node: c.resources.node ?? c.node, data: { name: c.origin.name } });
          return;
        }
        // Ephemeral (debug) containers cannot have resources.
        if (c.origin.format !== 'kubernetes' || c.origin.role === 'ephemeralContainer') return;
        const missing: string[] = [];
        if (!c.resources.limits.memory) missing.push('memory');
        if (options.cpu && !c.resources.limits.cpu) missing.push('cpu');
        if (missing.length === 0) return;
        ctx.report({
          messageId: 'kubernetes',
          node: c.node,
          path: missing.length === 1 ? ['resources', 'limits', missing[0]!] : ['resources', 'limits'],
          data: { name: c.origin.name, what: missing.join(' and '), keys: missing.join(' and resources.limits.') },
        });
      },
    };
  },
});
