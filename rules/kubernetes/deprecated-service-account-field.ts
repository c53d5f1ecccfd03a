import { defineRule } from '../../src/core/rule.js';

export default defineRule<'rename' | 'redundant' | 'conflict'>({
  id: 'deprecated-service-account-field',
  meta: {
    description: 'Pods should name their service account with serviceAccountName, not the deprecated serviceAccount',
    formats: ['kubernetes'],
    severity: 'warning',
    recommended: true,
    category: 'style',
    sources: [{ tool: 'kube-linter', id: 'deprecated-service-account-field' }],
    messages: {
      rename: 'serviceAccount is a deprecated alias; rename it to serviceAccountName.',
      redundant: 'serviceAccount is a deprecated alias of serviceAccountName, which is also set to the same value; remove serviceAccount.',
      conflict:
        'serviceAccount ("{{old}}") and serviceAccountName ("{{name}}") disagree; serviceAccountName wins, so remove serviceAccount or make them match.',
    },
    fixable: 'safe',
  },
  create(ctx) {
    return {
      KubernetesPodTemplate(t) {
        const pair = t.spec.pair('serviceAccount');
        if (!pair) return;
        const old = t.spec.string('serviceAccount');
        const name = t.spec.string('serviceAccountName');
        if (!t.spec.has('serviceAccountName')) {
          // Rename the key itself, unless it came from a merge key (renaming the anchor would change its other users).
          const own = t.spec.map.pairs.includes(pair);
          ctx.report({ messageId: 'rename', node: pair.key, ...(own ? { fix: { edits: [{ span: pair.key.span, text: 'serviceAccountName' }] } } : {}) });
        } else if (old && name && old.value !== name.value) {
          ctx.report({ messageId: 'conflict', node: pair.key, data: { old: old.value, name: name.value } });
        } else ctx.report({ messageId: 'redundant', node: pair.key });
      },
    };
  },
});
