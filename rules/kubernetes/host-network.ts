import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  id: 'host-network',
  meta: {
    description: "Pods should not use the host's network namespace",
    formats: ['kubernetes'],
    severity: 'warning',
    recommended: true,
    category: 'security',
    sources: [
      { tool: 'kube-linter', id: 'host-network' },
      { tool: 'polaris', id: 'hostNetworkSet' },
      { tool: 'checkov', id: 'CKV_K8S_19' },
      { tool: 'trivy', id: 'KSV009' },
    ],
    messages: {
      shared:
        "The pod shares the host's network namespace (it can reach services bound to the node's loopback, sniff node traffic and bypass NetworkPolicies); remove hostNetwork: true unless this is a node agent that needs it.",
    },
    fixable: false,
  },
  create(ctx) {
    return {
      KubernetesPodTemplate(t) {
        const setting = t.spec.boolean('hostNetwork');
        if (setting?.value) ctx.report({ messageId: 'shared', node: setting.node });
      },
    };
  },
});
