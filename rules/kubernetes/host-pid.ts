import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  id: 'host-pid',
  meta: {
    description: "Pods should not share the host's process namespace",
    formats: ['kubernetes'],
    severity: 'warning',
    recommended: true,
    category: 'security',
    sources: [
      { tool: 'kube-linter', id: 'host-pid' },
      { tool: 'polaris', id: 'hostPIDSet' },
      { tool: 'checkov', id: 'CKV_K8S_17' },
      { tool: 'trivy', id: 'KSV010' },
    ],
    messages: {
      shared:
        "The pod shares the host's process namespace (it can see, signal and trace every process on the node); remove hostPID: true unless this is a node agent that needs it.",
    },
    fixable: false,
  },
  create(ctx) {
    return {
      KubernetesPodTemplate(t) {
        const setting = t.spec.boolean('hostPID');
        if (setting?.value) ctx.report({ messageId: 'shared', node: setting.node });
      },
    };
  },
});
