import type { Service } from 'kubernetes-types/core/v1.js';
import { defineRule } from '../../src/core/rule.js';
import { objectView } from '../../src/model/kubernetes/view.js';

/** Annotations that make a cloud load balancer internal (not reachable from the internet). */
const INTERNAL: Record<string, RegExp> = {
  'service.beta.kubernetes.io/aws-load-balancer-internal': /^(true|0\.0\.0\.0\/0)$/i,
  'service.beta.kubernetes.io/aws-load-balancer-scheme': /^internal$/i,
  'networking.gke.io/load-balancer-type': /^internal$/i,
  'cloud.google.com/load-balancer-type': /^internal$/i,
  'service.beta.kubernetes.io/azure-load-balancer-internal': /^true$/i,
  'service.beta.kubernetes.io/oci-load-balancer-internal': /^true$/i,
  'service.beta.kubernetes.io/openstack-internal-load-balancer': /^true$/i,
  'service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type': /^private$/i,
  'service.beta.kubernetes.io/do-loadbalancer-type': /^internal$/i,
};
const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';

export default defineRule({
  id: 'load-balancer-source-ranges',
  meta: {
    description: 'LoadBalancer Services should restrict who can connect (loadBalancerSourceRanges)',
    formats: ['kubernetes'],
    severity: 'info',
    recommended: false,
    category: 'security',
    sources: [],
    messages: {
      open: 'This LoadBalancer accepts connections from any address; list the allowed client ranges in spec.loadBalancerSourceRanges, or make the load balancer internal.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      'KubernetesObject:Service'(object) {
        const view = objectView<Service>(object);
        const spec = view.object('spec');
        const type = spec?.string('type');
        if (type?.value !== 'LoadBalancer') return;
        if (spec!.items('loadBalancerSourceRanges').length > 0) return;
        const annotations = new Map(view.object('metadata')?.entries('annotations').map((p) => [p.keyText, p.value]) ?? []);
        if (annotations.has(SOURCE_RANGES_ANNOTATION)) return;
        for (const [key, pattern] of Object.entries(INTERNAL)) {
          const node = annotations.get(key);
          const text = node?.kind === 'scalar' ? String(node.value) : undefined;
          if (text !== undefined && pattern.test(text)) return;
        }
        ctx.report({ messageId: 'open', node: type.node });
      },
    };
  },
});
