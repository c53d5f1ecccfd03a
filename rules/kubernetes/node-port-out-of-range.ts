import type { Service } from 'kubernetes-types/core/v1.js';
import { defineRule } from '../../src/core/rule.js';
import { objectView } from '../../src/model/kubernetes/view.js';

interface Options {
  /** The cluster's --service-node-port-range. */
  min: number;
  max: number;
}

export default defineRule<'range' | 'clusterIp', Options>({
  id: 'node-port-out-of-range',
  meta: {
    description: "A Service's nodePort must be in the cluster's node port range, and only on NodePort or LoadBalancer Services",
    formats: ['kubernetes'],
    severity: 'error',
    recommended: true,
    category: 'correctness',
    sources: [],
    messages: {
      range: 'nodePort {{port}} is outside the node port range {{min}}–{{max}}, so the API server rejects the Service; pick a port in the range or leave nodePort out to get one assigned.',
      clusterIp: 'nodePort is set on a Service of type {{type}}, which the API server rejects; remove it, or make the Service a NodePort or LoadBalancer.',
    },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        min: { type: 'integer', minimum: 1, maximum: 65535, description: 'Lowest port of --service-node-port-range.' },
        max: { type: 'integer', minimum: 1, maximum: 65535, description: 'Highest port of --service-node-port-range.' },
      },
    },
    defaults: { min: 30000, max: 32767 },
    fixable: false,
  },
  create(ctx, options) {
    return {
      'KubernetesObject:Service'(object) {
        const spec = objectView<Service>(object).object('spec');
        if (!spec) return;
        const type = spec.string('type')?.value ?? 'ClusterIP';
        for (const port of spec.list('ports')) {
          const nodePort = port.integer('nodePort');
          if (!nodePort || nodePort.value === 0) continue;
          if (type === 'ClusterIP' || type === 'ExternalName') ctx.report({ messageId: 'clusterIp', node: nodePort.node, data: { type } });
          else if (nodePort.value < options.min || nodePort.value > options.max) {
            ctx.report({ messageId: 'range', node: nodePort.node, data: { port: nodePort.value, min: options.min, max: options.max } });
          }
        }
      },
    };
  },
});
