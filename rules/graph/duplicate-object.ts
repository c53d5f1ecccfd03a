import { defineRule } from '../../src/core/rule.js';
import '../../src/model/graph/kubernetes/part.js';
import { describeObject } from '../../src/model/graph/kubernetes/naming.js';
import { folderOf } from '../../src/model/graph/kubernetes/scopes.js';
import type { KubeObject } from '../../src/model/graph/kubernetes/types.js';

export default defineRule<'duplicate' | 'duplicateElsewhere'>({
  id: 'duplicate-object',
  meta: {
    description: 'A file, or the files of one folder, should not declare the same object twice',
    formats: ['kubernetes'],
    severity: 'warning',
    recommended: true,
    category: 'correctness',
    sources: [],
    messages: {
      duplicate:
        '{{kind}} "{{name}}"{{ns}} is declared again in this file; `kubectl apply` would apply both and keep the last, so remove or rename one.',
      duplicateElsewhere:
        '{{kind}} "{{name}}"{{ns}} is also declared in {{other}}, in the same folder; `kubectl apply -f` of the folder would apply both and keep whichever comes last, so remove or rename one.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      Project({ kubernetes: k }) {
        // Group, kind, namespace as written and name; the extensions kinds count under the group they moved to.
        const first = new Map<string, KubeObject>();
        for (const o of k.objects) {
          if (!o.named) continue;
          const key = `${folderOf(o.file.path)}\u0000${o.group}/${o.kind}/${o.namespaceAt?.value ?? ''}/${o.name}`;
          const earlier = first.get(key);
          if (!earlier) {
            first.set(key, o);
            continue;
          }
          const sameFile = earlier.file.path === o.file.path;
          ctx.report({
            messageId: sameFile ? 'duplicate' : 'duplicateElsewhere',
            // Two files of a folder may be alternatives to choose from (a CPU and a GPU variant): at most an info.
            ...(sameFile ? {} : { severity: 'info' as const }),
            node: o.at,
            data: { kind: o.kind, name: o.name, ns: o.namespaceAt ? ` in namespace "${o.namespaceAt.value}"` : '', other: earlier.file.path },
            related: [{ node: earlier.at, message: `First declared here: ${describeObject(earlier)}.` }],
          });
        }
      },
    };
  },
});
