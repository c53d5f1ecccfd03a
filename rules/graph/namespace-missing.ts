import { defineRule } from '../../src/core/rule.js';
import '../../src/model/graph/kubernetes/part.js';
import { declarationScopes, isTemplatePlaceholder } from '../../src/model/graph/kubernetes/scopes.js';

/** Namespaces every cluster has. */
const BUILT_IN = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);

export default defineRule<'missing'>({
  id: 'namespace-missing',
  meta: {
    description: 'When the project declares Namespaces, every object should be in one of them',
    formats: ['kubernetes'],
    severity: 'warning',
    recommended: true,
    category: 'correctness',
    sources: [],
    messages: {
      missing:
        'Namespace "{{namespace}}" is not among the Namespaces the linted files declare ({{declared}}), so `kubectl apply` fails with "namespaces \\"{{namespace}}\\" not found"; declare it or fix the name.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      Project({ kubernetes: k }) {
        const scopes = declarationScopes(k.objects, 'Namespace');
        for (const o of k.objects) {
          if (!o.namespaceAt || BUILT_IN.has(o.namespace) || scopes.names.has(o.namespace) || isTemplatePlaceholder(o.namespace)) continue;
          const covering = scopes.covering(o.file.path);
          if (!covering) continue;
          const names = [...covering];
          const shown = names.length > 8 ? `${names.slice(0, 8).join(', ')}, …` : names.join(', ');
          ctx.report({ messageId: 'missing', node: o.namespaceAt.at, data: { namespace: o.namespace, declared: shown } });
        }
      },
    };
  },
});
