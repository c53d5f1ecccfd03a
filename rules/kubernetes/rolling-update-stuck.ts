import { defineRule } from '../../src/core/rule.js';
import { objectView, type Loose, type YView } from '../../src/model/kubernetes/view.js';

/** 0 or "0%": no pod may be added or removed. */
function isZero(view: YView<Loose>, key: string): boolean {
  const v = view.intOrString(key)?.value;
  return v === 0 || (typeof v === 'string' && /^0+%$/.test(v.trim()));
}

export default defineRule({
  id: 'rolling-update-stuck',
  meta: {
    description: 'A rolling update must be allowed to add or remove at least one pod',
    formats: ['kubernetes'],
    severity: 'error',
    recommended: true,
    category: 'correctness',
    sources: [],
    messages: {
      stuck:
        'maxSurge and maxUnavailable are both 0, so the rollout could neither add a new pod nor remove an old one and the API server rejects the {{kind}}; allow maxSurge: 1 (or maxUnavailable: 1).',
    },
    fixable: false,
  },
  create(ctx) {
    const check = (kind: string, rolling: YView<Loose> | undefined, surgeDefaultsToZero: boolean) => {
      if (!rolling || !rolling.has('maxUnavailable') || !isZero(rolling, 'maxUnavailable')) return;
      const surgeZero = rolling.has('maxSurge') ? isZero(rolling, 'maxSurge') : surgeDefaultsToZero;
      if (surgeZero) ctx.report({ messageId: 'stuck', node: rolling.raw('maxUnavailable')!, data: { kind } });
    };
    return {
      'KubernetesObject:Deployment'(object) {
        if (object.apiVersion !== 'apps/v1') return;
        // Deployment's maxSurge defaults to 25%.
        check('Deployment', objectView(object).object('spec')?.object('strategy')?.object('rollingUpdate'), false);
      },
      'KubernetesObject:DaemonSet'(object) {
        if (object.apiVersion !== 'apps/v1') return;
        // DaemonSet's maxSurge defaults to 0.
        check('DaemonSet', objectView(object).object('spec')?.object('updateStrategy')?.object('rollingUpdate'), true);
      },
    };
  },
});
