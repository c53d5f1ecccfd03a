import { defineRule } from '../../src/core/rule.js';

interface Options {
  /** Also report containers that leave allowPrivilegeEscalation unset (it defaults to true). */
  requireExplicitFalse: boolean;
}

export default defineRule<'allowed' | 'unset' | 'allowedCompose' | 'unsetCompose', Options>({
  id: 'privilege-escalation-allowed',
  meta: {
    description: 'Containers should not allow privilege escalation',
    formats: ['kubernetes', 'compose'],
    severity: 'warning',
    recommended: true,
    category: 'security',
    sources: [
      { tool: 'kube-linter', id: 'privilege-escalation-container' },
      { tool: 'polaris', id: 'privilegeEscalationAllowed' },
      { tool: 'checkov', id: 'CKV_K8S_20' },
      { tool: 'trivy', id: 'KSV001' },
    ],
    messages: {
      allowed:
        'Container "{{name}}" allows privilege escalation: a setuid binary or file capability in it can gain privileges its process does not have; set allowPrivilegeEscalation: false.',
      unset:
        'Container "{{name}}" does not set allowPrivilegeEscalation, which defaults to true; set securityContext.allowPrivilegeEscalation: false.',
      allowedCompose:
        'Service "{{name}}" turns no-new-privileges off: a setuid binary or file capability in it can gain privileges its process does not have; use `no-new-privileges:true`.',
      unsetCompose:
        'Service "{{name}}" does not set no-new-privileges, so setuid binaries in it can gain privileges; add `security_opt: ["no-new-privileges:true"]`.',
    },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: { requireExplicitFalse: { type: 'boolean', description: 'Report containers that leave the setting unset (as Polaris, Checkov and Trivy do).' } },
    },
    defaults: { requireExplicitFalse: false },
    fixable: false,
  },
  create(ctx, options) {
    return {
      Container(c) {
        if (c.origin.format === 'dockerfile' || c.origin.role === 'ephemeralContainer') return;
        // Privileged containers always may escalate; privileged-container reports them.
        if (c.security.privileged?.value) return;
        const setting = c.security.allowPrivilegeEscalation;
        const compose = c.origin.format === 'compose';
        const data = { name: c.origin.name };
        if (setting?.value === true) ctx.report({ messageId: compose ? 'allowedCompose' : 'allowed', node: setting.node, data });
        else if (!setting && options.requireExplicitFalse) {
          if (compose) ctx.report({ messageId: 'unsetCompose', node: c.node, data });
          else ctx.report({ messageId: 'unset', node: c.node, path: ['securityContext', 'allowPrivilegeEscalation'], data });
        }
      },
    };
  },
});
