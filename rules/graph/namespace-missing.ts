import { defineRule } from '../../src/core/rule.js';
import '../../src/model/graph/kubernetes/part.js';

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
        const declared = [...k.namespaces().values()].filter((n) => n.object).map((n) => n.name);
        if (declared.length === 0) return;
        const known = new Set(declared);
        const list = declared.length > 8 ? `${declared.slice(0, 8).join(', ')}, …` : declared.join(', ');
        for (const o of k.objects) {
          if (!o.namespaceAt || BUILT_IN.has(o.namespace) || known.has(o.namespace)) continue;
          ctx.report({ messageId: 'missing', node: o.namespaceAt.at, data: { namespace: o.namespace, declared: list } });
        }
      },
    };
  },
});
