import { defineRule } from '../../src/core/rule.js';

const POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const CONTAINER_ANNOTATION = 'container.seccomp.security.alpha.kubernetes.io/';

export default defineRule<'pod' | 'container'>({
  id: 'missing-seccomp-profile',
  meta: {
    description: 'Pods should set a seccomp profile (RuntimeDefault)',
    formats: ['kubernetes'],
    severity: 'info',
    recommended: false,
    category: 'security',
    sources: [
      { tool: 'kube-score', id: 'container-seccomp-profile' },
      { tool: 'checkov', id: 'CKV_K8S_31' },
      { tool: 'trivy', id: 'KSV030' },
    ],
    messages: {
      pod: 'The pod sets no seccomp profile, so on most clusters it runs unconfined; set securityContext.seccompProfile.type: RuntimeDefault on the pod.',
      container: 'Container "{{name}}" has no seccomp profile (and the pod sets none); set securityContext.seccompProfile.type: RuntimeDefault.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      KubernetesPodTemplate(t) {
        if (t.annotations.has(POD_ANNOTATION)) return;
        const containers = t.containers.filter((c) => c.origin.role !== 'ephemeralContainer');
        const missing = containers.filter((c) => !c.security.seccompProfile && !t.annotations.has(`${CONTAINER_ANNOTATION}${c.origin.name}`));
        if (missing.length === 0) return;
        if (missing.length === containers.length) {
          ctx.report({ messageId: 'pod', node: t.spec.anchor, path: ['securityContext', 'seccompProfile'] });
          return;
        }
        for (const c of missing) ctx.report({ messageId: 'container', node: c.node, path: ['securityContext', 'seccompProfile'], data: { name: c.origin.name } });
      },
    };
  },
});
