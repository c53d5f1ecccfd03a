import { defineRule } from '../../src/core/rule.js';
import '../../src/model/graph/kubernetes/part.js';
import { relatedObject } from '../../src/model/graph/kubernetes/naming.js';

export default defineRule<'missing' | 'notHeadless'>({
  id: 'statefulset-service-missing',
  meta: {
    description: "A StatefulSet's serviceName should be a headless Service of its namespace",
    formats: ['kubernetes'],
    severity: 'warning',
    recommended: true,
    category: 'correctness',
    sources: [{ tool: 'kube-score', id: 'statefulset-has-servicename' }],
    messages: {
      missing:
        'serviceName "{{service}}" names no Service in namespace "{{namespace}}", so the pods get no stable DNS names ({{name}}-0.{{service}}…); add a headless Service (clusterIP: None) of that name selecting the pods.',
      notHeadless:
        'Service "{{service}}" is not headless, so the per-pod DNS names of this StatefulSet ({{name}}-0.{{service}}…) do not exist; set `clusterIP: None` on it (or use a separate headless Service).',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      Project({ kubernetes: k }) {
        for (const w of k.workloads) {
          if (!w.serviceName) continue;
          const data = { service: w.serviceName.value, namespace: w.object.namespace, name: w.object.name };
          const service = k.service(w.object.namespace, w.serviceName.value);
          if (!service) ctx.report({ messageId: 'missing', node: w.serviceName.at, data });
          else if (!service.headless) ctx.report({ messageId: 'notHeadless', node: w.serviceName.at, data, related: [relatedObject(service.object, 'The Service')] });
        }
      },
    };
  },
});
