import { defineRule } from '../../src/core/rule.js';
import { checkObject, problemSpan } from '../../src/model/kubernetes/schema/check.js';

export default defineRule({
  id: 'kubernetes-unknown-kind',
  meta: {
    description: 'Objects of a kind with no schema (a custom resource without its CRD) are skipped, once per kind per file',
    formats: ['kubernetes'],
    severity: 'info',
    recommended: true,
    category: 'correctness',
    sources: [{ tool: 'kubeconform', id: 'skipped' }],
    messages: {
      noSchema:
        'No schema for {{apiVersion}} {{kind}}, so it was not validated; lint its CustomResourceDefinition with it or pass --schema-location <dir>.',
      noSchemaBecause: 'No schema for {{apiVersion}} {{kind}} ({{reason}}), so it was not validated.',
    },
    fixable: false,
  },
  create(ctx) {
    const reported = new Set<string>();
    return {
      KubernetesObject(object) {
        const result = checkObject(object, ctx.file.env);
        if (result.status !== 'noSchema') return;
        const key = `${object.apiVersion} ${object.kind}`;
        if (reported.has(key)) return;
        reported.add(key);
        const span = problemSpan(object, { messageId: 'unknownKind', path: ['kind'], at: 'value', data: {} });
        const data = { apiVersion: object.apiVersion, kind: object.kind, reason: result.reason };
        ctx.report({ messageId: result.reason ? 'noSchemaBecause' : 'noSchema', span, data });
      },
    };
  },
});
