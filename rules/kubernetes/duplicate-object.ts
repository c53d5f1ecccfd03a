import { defineRule } from '../../src/core/rule.js';
import type { KubernetesObject } from '../../src/model/kubernetes/object.js';
import { apiGroupOf } from '../../src/model/kubernetes/workloads.js';

/** Kinds that moved out of `extensions`: the same resource under either group. */
const MOVED: Record<string, string> = {
  Deployment: 'apps',
  DaemonSet: 'apps',
  ReplicaSet: 'apps',
  Ingress: 'networking.k8s.io',
  NetworkPolicy: 'networking.k8s.io',
  PodSecurityPolicy: 'policy',
};

function identity(o: KubernetesObject): string {
  let group = apiGroupOf(o.apiVersion);
  if (group === 'extensions' && MOVED[o.kind]) group = MOVED[o.kind]!;
  return `${group}/${o.kind}/${o.namespace ?? ''}/${o.name}`;
}

export default defineRule({
  id: 'duplicate-object',
  meta: {
    description: 'A file should not declare the same object twice',
    formats: ['kubernetes'],
    severity: 'warning',
    recommended: true,
    category: 'correctness',
    sources: [],
    messages: {
      duplicate:
        '{{kind}} "{{name}}"{{ns}} is declared again in this file; `kubectl apply` would apply both and keep the last, so remove or rename one.',
    },
    fixable: false,
  },
  create(ctx) {
    const seen = new Map<string, KubernetesObject>();
    return {
      KubernetesObject(object) {
        // generateName objects get a fresh name each time; nameless ones are left to schema validation.
        if (!object.name || object.value.metadata === undefined || !hasName(object)) return;
        const key = identity(object);
        const first = seen.get(key);
        if (!first) {
          seen.set(key, object);
          return;
        }
        ctx.report({
          messageId: 'duplicate',
          node: object.anchor,
          data: { kind: object.kind, name: object.name, ns: object.namespace !== undefined ? ` in namespace "${object.namespace}"` : '' },
          related: [{ node: first.anchor, message: 'First declared here.' }],
        });
      },
    };
  },
});

function hasName(object: KubernetesObject): boolean {
  const metadata = object.value.metadata as { name?: unknown } | undefined;
  return typeof metadata?.name === 'string' && metadata.name !== '';
}
