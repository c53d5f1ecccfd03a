import type { Service } from 'kubernetes-types/core/v1.js';
import { defineRule } from '../../src/core/rule.js';
import { objectView } from '../../src/model/kubernetes/view.js';

export default defineRule({
  id: 'node-port-service',
  meta: {
    description: 'Services should not be exposed on every node (type NodePort)',
    formats: ['kubernetes'],
    severity: 'info',
    recommended: false,
    category: 'security',
    sources: [
      { tool: 'kube-score', id: 'service-type' },
      { tool: 'kube-linter', id: 'exposed-services' },
    ],
    messages: {
      nodePort:
        'This Service opens a port on every node of the cluster, outside NetworkPolicies\' usual path; use ClusterIP with an Ingress or Gateway, or a LoadBalancer.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      'KubernetesObject:Service'(object) {
        const type = objectView<Service>(object).object('spec')?.string('type');
        if (type?.value === 'NodePort') ctx.report({ messageId: 'nodePort', node: type.node });
      },
    };
  },
});
