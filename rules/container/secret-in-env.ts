import { defineRule } from '../../src/core/rule.js';
import { isSecretName, isSecretValue } from '../../src/model/secret-names.js';

export default defineRule<'kubernetes' | 'compose'>({
  id: 'secret-in-env',
  meta: {
    description: 'Credentials should not be written into environment variables',
    formats: ['kubernetes', 'compose'],
    severity: 'warning',
    recommended: true,
    category: 'security',
    sources: [
      { tool: 'kube-linter', id: 'env-var-secret' },
      { tool: 'polaris', id: 'sensitiveContainerEnvVar' },
    ],
    messages: {
      kubernetes:
        'Environment variable "{{env}}" of container "{{name}}" holds a literal credential, which ends up in version control and in `kubectl describe`; put it in a Secret and use valueFrom.secretKeyRef.',
      compose:
        'Environment variable "{{env}}" of service "{{name}}" holds a literal credential, which ends up in version control and in `docker inspect`; use a compose secret, or an env_file kept out of the repository.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      Container(c) {
        if (c.origin.format === 'dockerfile') return;
        for (const env of c.env) {
          if (env.fromReference || !env.value) continue;
          if (!isSecretName(env.name.value) || !isSecretValue(env.value.value)) continue;
          ctx.report({ messageId: c.origin.format, node: env.value.node, data: { env: env.name.value, name: c.origin.name } });
        }
      },
    };
  },
});
