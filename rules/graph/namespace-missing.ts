import { defineRule } from '../../src/core/rule.js';
import '../../src/model/graph/kubernetes/part.js';

/** Namespaces every cluster has. */
const BUILT_IN = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);

const folderOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
const parentOf = (folder: string) => (folder.includes('/') ? folder.slice(0, folder.lastIndexOf('/')) : '');
const within = (path: string, scope: string) => scope === '' || path.startsWith(`${scope}/`);

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
        // A Namespace declared in folder D speaks for the tree of D's parent (`k8s/namespaces/` for `k8s/**`):
        // a repository of unrelated samples declares namespaces for some of them only.
        const scopes = new Map<string, Set<string>>();
        for (const n of k.namespaces().values()) {
          if (!n.object) continue;
          const scope = parentOf(folderOf(n.object.file.path));
          let names = scopes.get(scope);
          if (!names) scopes.set(scope, (names = new Set()));
          names.add(n.name);
        }
        if (scopes.size === 0) return;
        for (const o of k.objects) {
          if (!o.namespaceAt || BUILT_IN.has(o.namespace)) continue;
          const covering = [...scopes].filter(([scope]) => within(o.file.path, scope));
          if (covering.length === 0 || covering.some(([, names]) => names.has(o.namespace))) continue;
          const declared = covering.flatMap(([, names]) => [...names].slice(0, 9));
          const shown = declared.length > 8 ? `${declared.slice(0, 8).join(', ')}, …` : declared.join(', ');
          ctx.report({ messageId: 'missing', node: o.namespaceAt.at, data: { namespace: o.namespace, declared: shown } });
        }
      },
    };
  },
});
