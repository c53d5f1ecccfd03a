import { defineRule } from '../../src/core/rule.js';
import type { Sourced } from '../../src/model/container.js';

export default defineRule<'kubernetes'>({
  id: 'duplicate-env-var',
  meta: {
    description: 'A container should not define the same environment variable twice',
    // Compose: compose-duplicate-entry (the loader keeps only the last entry, as Compose does).
    formats: ['kubernetes'],
    severity: 'warning',
    recommended: true,
    category: 'correctness',
    sources: [
      { tool: 'kube-linter', id: 'duplicate-env-var' },
      { tool: 'kube-score', id: 'environment-variable-key-duplication' },
    ],
    messages: {
      kubernetes: 'Environment variable "{{env}}" is defined again in container "{{name}}"; only the last definition counts, so remove one.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      Container(c) {
        if (c.origin.format !== 'kubernetes') return;
        const first = new Map<string, Sourced<string>>();
        for (const env of c.env) {
          const earlier = first.get(env.name.value);
          if (!earlier) {
            first.set(env.name.value, env.name);
            continue;
          }
          ctx.report({
            messageId: 'kubernetes',
            node: env.name.node,
            data: { env: env.name.value, name: c.origin.name },
            related: [{ node: earlier.node, message: 'First defined here.' }],
          });
        }
      },
    };
  },
});
