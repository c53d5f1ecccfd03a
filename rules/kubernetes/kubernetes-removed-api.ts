import { defineRule } from '../../src/core/rule.js';
import { apiStatus } from '../../src/model/kubernetes/api-lifecycle.js';
import { targetOf } from '../../src/model/kubernetes/schema/check.js';
import { migrationAdvice } from '../../src/model/kubernetes/api-advice.js';

export default defineRule({
  id: 'kubernetes-removed-api',
  meta: {
    description: 'API versions the target Kubernetes version no longer serves',
    formats: ['kubernetes'],
    severity: 'error',
    recommended: true,
    category: 'correctness',
    sources: [{ tool: 'kube-linter', id: 'no-extensions-v1beta' }],
    messages: {
      removed: '{{apiVersion}} {{kind}} was deprecated in Kubernetes {{deprecated}} and removed in {{removed}}, so {{target}} rejects it; {{advice}}.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      KubernetesObject(object) {
        const target = targetOf(ctx.file.env).target;
        const status = apiStatus(object.apiVersion, object.kind, target);
        if (status?.status !== 'removed') return;
        ctx.report({
          messageId: 'removed',
          node: object,
          path: ['apiVersion'],
          data: {
            apiVersion: object.apiVersion,
            kind: object.kind,
            deprecated: status.entry.deprecated,
            removed: status.entry.removed,
            target: `Kubernetes ${target}`,
            advice: migrationAdvice(status),
          },
        });
      },
    };
  },
});
