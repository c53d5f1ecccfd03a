import { defineRule } from '../../src/core/rule.js';
import { apiStatus } from '../../src/model/kubernetes/api-lifecycle.js';
import { targetOf } from '../../src/model/kubernetes/schema/check.js';
import { migrationAdvice } from '../../src/model/kubernetes/api-advice.js';

export default defineRule({
  id: 'kubernetes-deprecated-api',
  meta: {
    description: 'API versions deprecated in the target Kubernetes version, with the release that removes them',
    formats: ['kubernetes'],
    severity: 'warning',
    recommended: true,
    category: 'reliability',
    sources: [],
    messages: {
      deprecated: '{{apiVersion}} {{kind}} is deprecated since Kubernetes {{deprecated}}{{removal}}; {{advice}}.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      KubernetesObject(object) {
        const target = targetOf(ctx.file.env).target;
        const status = apiStatus(object.apiVersion, object.kind, target);
        if (status?.status !== 'deprecated') return;
        ctx.report({
          messageId: 'deprecated',
          node: object,
          path: ['apiVersion'],
          data: {
            apiVersion: object.apiVersion,
            kind: object.kind,
            deprecated: status.entry.deprecated,
            removal: status.entry.removed ? ` and no longer served from ${status.entry.removed}` : '',
            advice: migrationAdvice(status),
          },
        });
      },
    };
  },
});
