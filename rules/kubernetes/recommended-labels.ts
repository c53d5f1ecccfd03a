import { defineRule } from '../../src/core/rule.js';
import { objectView } from '../../src/model/kubernetes/view.js';
import { workloadKindOf } from '../../src/model/kubernetes/workloads.js';

interface Options {
  /** Labels every workload, Service and Ingress should carry. */
  labels: string[];
}

const KINDS = new Set(['Service', 'Ingress']);

export default defineRule<'missing', Options>({
  id: 'recommended-labels',
  meta: {
    description: 'Workloads, Services and Ingresses should carry the recommended app.kubernetes.io labels',
    formats: ['kubernetes'],
    severity: 'info',
    recommended: false,
    category: 'style',
    sources: [{ tool: 'kube-linter', id: 'required-label-owner' }],
    messages: {
      missing:
        'This {{kind}} lacks the label{{plural}} {{labels}}; tools (dashboards, kubectl -l, cost reports) group objects by them, so add them to metadata.labels.',
    },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: { labels: { type: 'array', items: { type: 'string' }, description: 'Labels to require.' } },
    },
    defaults: { labels: ['app.kubernetes.io/name'] },
    fixable: false,
  },
  create(ctx, options) {
    return {
      KubernetesObject(object) {
        if (!KINDS.has(object.kind) && !workloadKindOf(object.apiVersion, object.kind)) return;
        const metadata = objectView(object).object('metadata');
        const present = new Set(metadata?.entries('labels').map((p) => p.keyText) ?? []);
        const missing = options.labels.filter((l) => !present.has(l));
        if (missing.length === 0) return;
        const labels = metadata?.object('labels');
        ctx.report({
          messageId: 'missing',
          node: labels?.anchor ?? object.anchor,
          data: { kind: object.kind, labels: missing.map((l) => `"${l}"`).join(', '), plural: missing.length > 1 ? 's' : '' },
        });
      },
    };
  },
});
