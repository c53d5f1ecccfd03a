import { defineRule } from '../../src/core/rule.js';
import { checkObject, problemSpan } from '../../src/model/kubernetes/schema/check.js';

export default defineRule({
  id: 'kubernetes-schema',
  meta: {
    description: 'Kubernetes objects must match the schema of their kind for the target Kubernetes version',
    formats: ['kubernetes'],
    severity: 'error',
    recommended: true,
    category: 'correctness',
    sources: [{ tool: 'kubeconform', id: 'strict' }],
    messages: {
      unknownField: '{{parent}} has no field "{{field}}"{{hint}}',
      required: '{{parent}} is missing the required field "{{field}}"; add it.',
      type: '{{field}} must be {{expected}}, not {{actual}}{{hint}}',
      intOrString: '{{field}} must be an integer or a string (e.g. 8080 or "http"), not {{actual}}.',
      quantity: '{{field}} must be {{hint}}; {{actual}} is not one.',
      enum: '{{field}} must be one of {{allowed}}, not {{actual}}{{hint}}',
      pattern: '{{field}} must match the pattern {{pattern}}; {{actual}} does not.',
      constraint: '{{field}} {{constraint}}.',
      oneOfForms: '{{field}} must be {{forms}}, not {{actual}}.',
      missingApiVersion: 'The object has no apiVersion; add one (e.g. "apiVersion: apps/v1").',
      missingKind: 'The object has no kind; add one (e.g. "kind: Deployment").',
      missingName: 'This {{kind}} has no metadata.name; add a name (or metadata.generateName for a generated one).',
      unknownKind: '{{apiVersion}} has no kind "{{kind}}" in {{version}}{{hint}}',
      unknownApiVersion: '{{apiVersion}} is not an API version of {{version}}{{hint}}',
      versionNotServed: '{{kind}} is not served at {{apiVersion}} by its CustomResourceDefinition ({{source}}); use {{served}}.',
      invalidName: '{{field}} "{{name}}" of this {{kind}} {{why}}.',
      invalidNamespace: 'metadata.namespace "{{namespace}}" {{why}}.',
      invalidLabelKey: 'The label key "{{key}}" {{why}}.',
      invalidLabelValue: 'The value "{{value}}" of label "{{key}}" {{why}}.',
      invalidAnnotationKey: 'The annotation key "{{key}}" {{why}}.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      KubernetesObject(object) {
        for (const problem of checkObject(object, ctx.file.env).problems) {
          ctx.report({ messageId: problem.messageId, span: problemSpan(object, problem), data: problem.data });
        }
      },
    };
  },
});
