import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  id: 'host-ipc',
  meta: {
    description: "Pods should not share the host's IPC namespace",
    formats: ['kubernetes'],
    severity: 'warning',
    recommended: true,
    category: 'security',
    sources: [
      { tool: 'kube-linter', id: 'host-ipc' },
      { tool: 'polaris', id: 'hostIPCSet' },
      { tool: 'checkov', id: 'CKV_K8S_18' },
      { tool: 'trivy', id: 'KSV008' },
    ],
    messages: {
      shared:
        "The pod shares the host's IPC namespace (it can read and write the shared memory of every process on the node); remove hostIPC: true unless this is a node agent that needs it.",
    },
    fixable: false,
  },
  create(ctx) {
    return {
      KubernetesPodTemplate(t) {
        const setting = t.spec.boolean('hostIPC');
        if (setting?.value) ctx.report({ messageId: 'shared', node: setting.node });
      },
    };
  },
});
