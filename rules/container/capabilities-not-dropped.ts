import { defineRule } from '../../src/core/rule.js';
import { normalizeCapability } from '../../src/model/capabilities.js';

export default defineRule<'kubernetes' | 'compose'>({
  id: 'capabilities-not-dropped',
  meta: {
    description: 'Containers should drop all capabilities and add back only what they need',
    formats: ['kubernetes', 'compose'],
    severity: 'warning',
    recommended: false,
    category: 'security',
    sources: [
      { tool: 'kube-linter', id: 'drop-net-raw-capability' },
      { tool: 'polaris', id: 'insecureCapabilities' },
      { tool: 'checkov', id: 'CKV_K8S_37' },
      { tool: 'checkov', id: 'CKV_K8S_28' },
      { tool: 'trivy', id: 'KSV003' },
      { tool: 'trivy', id: 'KSV106' },
    ],
    messages: {
      kubernetes:
        'Container "{{name}}" keeps the runtime\'s default capabilities (NET_RAW, CHOWN, SETUID, …); set securityContext.capabilities.drop: [ALL] and add back only what it needs.',
      compose:
        'Service "{{name}}" keeps the runtime\'s default capabilities (NET_RAW, CHOWN, SETUID, …); add `cap_drop: [ALL]` and cap_add only what it needs.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      Container(c) {
        if (c.origin.format === 'dockerfile' || c.origin.role === 'ephemeralContainer') return;
        // Privileged containers have every capability whatever they drop; privileged-container reports them.
        if (c.security.privileged?.value) return;
        if (c.security.capabilitiesDrop.some((cap) => normalizeCapability(cap.value) === 'ALL')) return;
        if (c.origin.format === 'kubernetes') {
          ctx.report({ messageId: 'kubernetes', node: c.node, path: ['securityContext', 'capabilities', 'drop'], data: { name: c.origin.name } });
        } else ctx.report({ messageId: 'compose', node: c.node, data: { name: c.origin.name } });
      },
    };
  },
});
