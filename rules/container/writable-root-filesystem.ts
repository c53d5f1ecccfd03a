import { defineRule } from '../../src/core/rule.js';

export default defineRule<'kubernetes' | 'compose'>({
  id: 'writable-root-filesystem',
  meta: {
    description: 'Containers should run with a read-only root filesystem',
    formats: ['kubernetes', 'compose'],
    severity: 'warning',
    recommended: false,
    category: 'security',
    sources: [
      { tool: 'kube-linter', id: 'no-read-only-root-fs' },
      { tool: 'kube-score', id: 'container-security-context-readonlyrootfilesystem' },
      { tool: 'polaris', id: 'notReadOnlyRootFilesystem' },
      { tool: 'checkov', id: 'CKV_K8S_22' },
      { tool: 'trivy', id: 'KSV014' },
    ],
    messages: {
      kubernetes:
        'Container "{{name}}" can write to its root filesystem, so an intruder can drop binaries and rewrite the application; set securityContext.readOnlyRootFilesystem: true and mount an emptyDir where it must write.',
      compose:
        'Service "{{name}}" can write to its root filesystem; set `read_only: true` and use tmpfs or volumes where it must write.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      Container(c) {
        if (c.origin.format === 'dockerfile' || c.origin.role === 'ephemeralContainer') return;
        const setting = c.security.readOnlyRootFilesystem;
        if (setting?.value === true) return;
        if (c.origin.format === 'kubernetes') {
          ctx.report({ messageId: 'kubernetes', node: setting?.node ?? c.node, ...(setting ? {} : { path: ['securityContext', 'readOnlyRootFilesystem'] }), data: { name: c.origin.name } });
        } else ctx.report({ messageId: 'compose', node: setting?.node ?? c.node, data: { name: c.origin.name } });
      },
    };
  },
});
