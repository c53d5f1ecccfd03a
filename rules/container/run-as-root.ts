import picomatch from 'picomatch';
import { defineRule } from '../../src/core/rule.js';
import type { ContainerSpec } from '../../src/model/container.js';

interface Options {
  /** Base images known to run as a non-root user (glob patterns on the image reference). */
  nonRootImages: string[];
}

const ROOT = /^(root|0)(:.*)?$/;

/** The container's explicit user, if it is root. */
function rootUser(c: ContainerSpec) {
  if (c.security.runAsUser?.value === 0) return c.security.runAsUser;
  if (c.security.user && ROOT.test(c.security.user.value.trim())) return c.security.user;
  return undefined;
}

export default defineRule<'rootUser' | 'noUser' | 'noUserKubernetes' | 'noUserCompose', Options>({
  id: 'run-as-root',
  meta: {
    description: 'Containers should run as a non-root user',
    formats: ['dockerfile', 'compose', 'kubernetes'],
    severity: 'warning',
    recommended: true,
    category: 'security',
    sources: [
      { tool: 'hadolint', id: 'DL3002' },
      { tool: 'kube-linter', id: 'run-as-non-root' },
      { tool: 'kube-score', id: 'container-security-context-user-group-id' },
      { tool: 'polaris', id: 'runAsRootAllowed' },
      { tool: 'checkov', id: 'CKV_K8S_23' },
      { tool: 'trivy', id: 'KSV012' },
    ],
    messages: {
      rootUser: 'The container runs as root ("{{user}}"); switch to an unprivileged user.',
      noUser: 'No user is set, so the container runs as root; add a USER (or `user:`) with an unprivileged user.',
      noUserCompose:
        'Service "{{name}}" sets no `user:`, so it runs as its image\'s default user, which is root for most images; set `user:` to an unprivileged user (or make sure the image sets one).',
      noUserKubernetes:
        'Container "{{name}}" may run as root: set securityContext.runAsNonRoot: true (and runAsUser to a non-zero id).',
    },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: { nonRootImages: { type: 'array', items: { type: 'string' } } },
    },
    defaults: { nonRootImages: ['**:nonroot', '**:*-nonroot', '**:nonroot-*', '**/*nonroot*', '**/*rootless*', '**:*rootless*'] },
    fixable: false,
  },
  create(ctx, options) {
    const knownNonRoot = picomatch(options.nonRootImages, { dot: true });
    // A pod-level runAsUser: 0 is shared by its containers: report it once.
    const reported = new Set<unknown>();
    return {
      Container(c) {
        // Only the stage that becomes the image runs; builder stages may well be root.
        if (c.origin.format === 'dockerfile' && !c.origin.isFinalStage) return;
        const root = rootUser(c);
        if (root) {
          if (!reported.has(root.node)) ctx.report({ messageId: 'rootUser', node: root.node, data: { user: String(root.value) } });
          reported.add(root.node);
          return;
        }
        if (c.security.user || c.security.runAsNonRoot?.value === true) return;
        if (c.security.runAsUser && c.security.runAsUser.value > 0) return;
        if (c.image && knownNonRoot(c.image.value.raw)) return;
        if (c.origin.format === 'dockerfile' && c.image?.value.scratch) return;
        if (c.origin.format === 'kubernetes') {
          ctx.report({ messageId: 'noUserKubernetes', node: c.node, data: { name: c.origin.name } });
        } else if (c.origin.format === 'compose') {
          ctx.report({ messageId: 'noUserCompose', node: c.node, data: { name: c.origin.name } });
        } else ctx.report({ messageId: 'noUser', node: c.node });
      },
    };
  },
});
