import { defineRule } from '../../src/core/rule.js';
import { isBatchKind } from '../../src/model/kubernetes/workloads.js';

export default defineRule<'controller' | 'jobAlways' | 'jobUnset'>({
  id: 'restart-policy-invalid',
  meta: {
    description: "A pod template's restartPolicy must be one its controller accepts",
    formats: ['kubernetes'],
    severity: 'error',
    recommended: true,
    category: 'correctness',
    sources: [],
    messages: {
      controller: 'A {{kind}} keeps its pods running, so the API server accepts only restartPolicy: Always in its template; remove "{{policy}}" (Always is the default).',
      jobAlways: 'A {{kind}} runs its pods to completion, so the API server rejects restartPolicy: Always; use OnFailure or Never.',
      jobUnset: 'A {{kind}} template must set restartPolicy to OnFailure or Never (the default, Always, is rejected).',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      KubernetesPodTemplate(t) {
        if (t.kind === 'Pod') return;
        const policy = t.spec.string('restartPolicy');
        const data = { kind: t.kind, policy: policy?.value ?? '' };
        if (isBatchKind(t.kind)) {
          if (!t.spec.has('restartPolicy')) ctx.report({ messageId: 'jobUnset', node: t.spec.anchor, data });
          else if (policy?.value === 'Always') ctx.report({ messageId: 'jobAlways', node: policy.node, data });
        } else if (policy && policy.value !== 'Always') ctx.report({ messageId: 'controller', node: policy.node, data });
      },
    };
  },
});
