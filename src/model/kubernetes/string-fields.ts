/**
 * The places in an object where the Kubernetes API expects a string and authors write
 * free text: label and annotation values, selectors, environment values, arguments,
 * ConfigMap and Secret data. Rules about YAML's implicit typing look only here, so a
 * number where a number belongs is never reported.
 */
import type { Container, PodSpec } from 'kubernetes-types/core/v1.js';
import type { LabelSelector, ObjectMeta } from 'kubernetes-types/meta/v1.js';
import type { YNode, YPair } from '../../parse/yaml/nodes.js';
import { podTemplateOf } from '../extract/kubernetes.js';
import type { KubernetesObject } from './object.js';
import { YView, type Loose } from './view.js';

export interface StringField {
  /** The value (or, for `key: true`, the key) as written. */
  node: YNode;
  /** What it is, for messages: `a label value`, `a ConfigMap key`. */
  what: string;
  /** The node is a mapping key (keys become strings; `on:` becomes "true"). */
  isKey?: boolean;
}

export function stringFields(object: KubernetesObject): StringField[] {
  const out: StringField[] = [];
  const root = new YView<Loose>(object.yaml, []);
  metadataFields(root.object('metadata') as YView<ObjectMeta> | undefined, out);
  const spec = root.object('spec');
  switch (object.kind) {
    case 'ConfigMap':
      mapFields(root.entries('data'), 'a ConfigMap value', 'a ConfigMap key', out);
      mapFields(root.entries('binaryData'), 'a ConfigMap value', 'a ConfigMap key', out);
      break;
    case 'Secret':
      mapFields(root.entries('data'), 'a Secret value', 'a Secret key', out);
      mapFields(root.entries('stringData'), 'a Secret value', 'a Secret key', out);
      break;
    case 'Service':
      mapFields(spec?.entries('selector') ?? [], 'a selector value', undefined, out);
      break;
    case 'PodDisruptionBudget':
      selectorFields(spec?.object('selector') as YView<LabelSelector> | undefined, out);
      break;
    case 'NetworkPolicy':
      selectorFields(spec?.object('podSelector') as YView<LabelSelector> | undefined, out);
      break;
  }
  const template = podTemplateOf(object);
  if (!template) return out;
  if (object.kind === 'ReplicationController') mapFields(spec?.entries('selector') ?? [], 'a selector value', undefined, out);
  else selectorFields(spec?.object('selector') as YView<LabelSelector> | undefined, out);
  if (object.kind === 'CronJob') metadataFields(spec?.object('jobTemplate')?.object('metadata') as YView<ObjectMeta> | undefined, out);
  if (object.kind === 'StatefulSet') {
    for (const claim of spec?.list('volumeClaimTemplates') ?? []) metadataFields(claim.object('metadata') as YView<ObjectMeta> | undefined, out);
  }
  if (template.kind !== 'Pod') metadataFields(template.metadata, out);
  podSpecFields(template.spec, out);
  return out;
}

function metadataFields(metadata: YView<ObjectMeta> | undefined, out: StringField[]): void {
  if (!metadata) return;
  mapFields(metadata.entries('labels'), 'a label value', 'a label key', out);
  mapFields(metadata.entries('annotations'), 'an annotation value', 'an annotation key', out);
}

function mapFields(pairs: readonly YPair[], what: string, keyWhat: string | undefined, out: StringField[]): void {
  for (const pair of pairs) {
    if (keyWhat && pair.key.kind === 'scalar') out.push({ node: pair.key, what: keyWhat, isKey: true });
    if (pair.value) out.push({ node: pair.value, what });
  }
}

function selectorFields(selector: YView<LabelSelector> | undefined, out: StringField[]): void {
  if (!selector) return;
  mapFields(selector.entries('matchLabels'), 'a selector value', undefined, out);
  for (const expression of selector.list('matchExpressions')) {
    for (const { node } of expression.items('values')) out.push({ node, what: 'a selector value' });
  }
}

function podSpecFields(spec: YView<PodSpec>, out: StringField[]): void {
  mapFields(spec.entries('nodeSelector'), 'a node selector value', undefined, out);
  for (const toleration of spec.list('tolerations')) {
    const value = toleration.raw('value');
    if (value) out.push({ node: value, what: 'a toleration value' });
  }
  for (const key of ['containers', 'initContainers', 'ephemeralContainers'] as const) {
    for (const container of spec.list(key) as YView<Container>[]) {
      for (const env of container.list('env')) {
        const value = env.raw('value');
        if (value) out.push({ node: value, what: 'an environment variable value' });
      }
      for (const { node } of container.items('command')) out.push({ node, what: 'a command item' });
      for (const { node } of container.items('args')) out.push({ node, what: 'an argument' });
      const workingDir = container.raw('workingDir');
      if (workingDir) out.push({ node: workingDir, what: 'workingDir' });
    }
  }
}
