import { defineRule } from '../../src/core/rule.js';

export default defineRule<'kubernetes' | 'compose'>({
  id: 'privileged-container',
  meta: {
    description: 'Containers should not run privileged',
    formats: ['kubernetes', 'compose'],
    severity: 'error',
    recommended: true,
    category: 'security',
    sources: [
      { tool: 'kube-linter', id: 'privileged-container' },
      { tool: 'kube-score', id: 'container-security-context-privileged' },
      { tool: 'polaris', id: 'runAsPrivileged' },
      { tool: 'checkov', id: 'CKV_K8S_16' },
      { tool: 'trivy', id: 'KSV017' },
    ],
    messages: {
      kubernetes:
        'Container "{{name}}" runs privileged: it has every capability and every host device, which is root on the node; remove securityContext.privileged and add only the capabilities it needs.',
      compose:
        'Service "{{name}}" runs privileged: it has every capability and every host device, which is root on the host; remove `privileged: true` and use cap_add for what it needs.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      Container(c) {
        const privileged = c.security.privileged;
        if (!privileged?.value || c.origin.format === 'dockerfile') return;
        ctx.report({ messageId: c.origin.format, node: privileged.node, data: { name: c.origin.name } });
      },
    };
  },
});
