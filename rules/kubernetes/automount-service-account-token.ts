import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  id: 'automount-service-account-token',
  meta: {
    description: 'Pods that do not call the Kubernetes API should not mount a service account token',
    formats: ['kubernetes'],
    severity: 'info',
    recommended: false,
    category: 'security',
    sources: [
      { tool: 'polaris', id: 'automountServiceAccountToken' },
      { tool: 'checkov', id: 'CKV_K8S_38' },
      { tool: 'trivy', id: 'KSV036' },
    ],
    messages: {
      mounted:
        'The pod mounts a service account token, which lets anything running in it call the Kubernetes API as that account; set automountServiceAccountToken: false unless it needs the API.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      KubernetesPodTemplate(t) {
        const setting = t.spec.boolean('automountServiceAccountToken');
        if (setting?.value === false) return;
        ctx.report({ messageId: 'mounted', node: setting?.node ?? t.spec.anchor, ...(setting ? {} : { path: ['automountServiceAccountToken'] }) });
      },
    };
  },
});
