import type { LabelSelector } from 'kubernetes-types/meta/v1.js';
import { defineRule } from '../../src/core/rule.js';
import { expressionMatches, isEmptySelector, labelEntries, labelMap, labelSelectorOf } from '../../src/model/kubernetes/selectors.js';
import { objectView, type YView } from '../../src/model/kubernetes/view.js';

/** Kinds whose selector must select their own template; Jobs generate theirs unless manualSelector is set. */
const SELECTING = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'ReplicationController', 'Job']);

export default defineRule<'missing' | 'empty' | 'label' | 'expression' | 'noLabels'>({
  id: 'selector-mismatch',
  meta: {
    description: "A workload's selector must match the labels of its own pod template",
    formats: ['kubernetes'],
    severity: 'error',
    recommended: true,
    category: 'correctness',
    sources: [{ tool: 'kube-linter', id: 'mismatching-selector' }],
    messages: {
      missing: 'This {{kind}} has no spec.selector, which apps/v1 requires; add spec.selector.matchLabels with the pod template\'s labels.',
      empty: 'The selector of this {{kind}} is empty, which the API server rejects (it would select every pod); list the template\'s labels in matchLabels.',
      label:
        'The selector requires {{key}}={{value}}, but the pod template {{actual}}, so the API server rejects the {{kind}} (`selector` does not match template `labels`); make them agree.',
      expression: 'The selector expression on "{{key}}" ({{operator}}) does not match the pod template\'s labels, so the API server rejects the {{kind}}; make them agree.',
      noLabels: 'The pod template has no labels, so the selector cannot match it; add the selector\'s labels to spec.template.metadata.labels.',
    },
    fixable: false,
    // The schema rule reports a missing selector too ("missing the required field"), at the same place.
    supersedes: ['kubernetes-schema'],
  },
  create(ctx) {
    return {
      KubernetesPodTemplate(t) {
        if (!SELECTING.has(t.kind)) return;
        const spec = objectView(t.object).object('spec');
        if (!spec) return;
        if (t.kind === 'Job' && spec.boolean('manualSelector')?.value !== true) return;
        const data = { kind: t.kind };
        const labels = labelMap(t.metadata?.entries('labels') ?? []);
        const related = t.metadata?.object('labels') ? [{ node: t.metadata.object('labels')!.anchor, message: 'The pod template labels.' }] : [];

        if (t.kind === 'ReplicationController') {
          // Optional: defaults to the template's labels.
          const entries = labelEntries(spec.entries('selector'));
          for (const e of entries) {
            if (labels.get(e.key) !== e.value) ctx.report({ messageId: 'label', node: e.pair.value ?? e.pair.key, data: { ...data, key: e.key, value: e.value, actual: actual(labels, e.key) }, related });
          }
          return;
        }
        const selectorView = spec.object('selector') as YView<LabelSelector> | undefined;
        if (!selectorView) {
          // extensions/v1beta1 and apps/v1beta1 default the selector from the template. Without
          // template labels either, both come from elsewhere (Kustomize's labels, a base).
          if ((t.object.apiVersion === 'apps/v1' || t.object.apiVersion === 'batch/v1') && labels.size > 0) ctx.report({ messageId: 'missing', node: spec.anchor, data });
          return;
        }
        const selector = labelSelectorOf(selectorView);
        if (isEmptySelector(selector)) {
          ctx.report({ messageId: 'empty', node: selectorView.anchor, data });
          return;
        }
        if (labels.size === 0) {
          ctx.report({ messageId: 'noLabels', node: t.metadata?.anchor ?? selectorView.anchor, data });
          return;
        }
        for (const e of selector.matchLabels) {
          if (labels.get(e.key) === e.value) continue;
          ctx.report({ messageId: 'label', node: e.pair.value ?? e.pair.key, data: { ...data, key: e.key, value: e.value, actual: actual(labels, e.key) }, related });
        }
        for (const e of selector.expressions) {
          if (!expressionMatches(e, labels)) ctx.report({ messageId: 'expression', node: e.node, data: { ...data, key: e.key, operator: e.operator }, related });
        }
      },
    };
  },
});

function actual(labels: ReadonlyMap<string, string>, key: string): string {
  const value = labels.get(key);
  return value === undefined ? `has no "${key}" label` : `has ${key}=${value}`;
}
