import { defineRule } from '../../src/core/rule.js';
import type { Locatable } from '../../src/core/types.js';

const POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const CONTAINER_ANNOTATION = 'container.seccomp.security.alpha.kubernetes.io/';

export default defineRule({
  id: 'seccomp-unconfined',
  meta: {
    description: 'Containers should not run without a seccomp profile (Unconfined)',
    formats: ['kubernetes'],
    severity: 'warning',
    recommended: true,
    category: 'security',
    sources: [
      { tool: 'trivy', id: 'KSV104' },
      { tool: 'checkov', id: 'CKV_K8S_31' },
    ],
    messages: {
      unconfined:
        'Seccomp is turned off ({{where}}), so every system call is open to the container, including those behind most kernel exploits; use type RuntimeDefault (or a Localhost profile).',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      KubernetesPodTemplate(t) {
        const reported = new Set<Locatable>();
        const report = (node: Locatable, where: string) => {
          if (reported.has(node)) return;
          reported.add(node);
          ctx.report({ messageId: 'unconfined', node, data: { where } });
        };
        for (const c of t.containers) {
          const profile = c.security.seccompProfile;
          if (profile?.value === 'Unconfined') report(profile.node, 'seccompProfile.type: Unconfined');
          if (profile) continue;
          // The annotations are deprecated and ignored by current kubelets, but say what was meant.
          const annotation = t.annotations.get(`${CONTAINER_ANNOTATION}${c.origin.name}`) ?? t.annotations.get(POD_ANNOTATION);
          if (annotation?.value === 'unconfined') report(annotation.node, 'annotation "unconfined"');
        }
      },
    };
  },
});
