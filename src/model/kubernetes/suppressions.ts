/**
 * Suppressions written as annotations, on an object (covering the whole object) or on a
 * pod template (covering the template):
 *   plimsoll.io/ignore: "rule-a,rule-b"            (or "all")
 * and other tools' annotations, through each rule's `sources`:
 *   ignore-check.kube-linter.io/<check>: "reason"   kube-linter.io/ignore-all: "reason"
 *   kube-score/ignore: "check-a,check-b"
 *   polaris.fairwinds.com/<check>-exempt: "true"    polaris.fairwinds.com/exempt: "true"
 *   checkov.io/skip1: "CKV_K8S_20=reason"
 */
import type { ScopedSuppression } from '../../core/parsed-file.js';
import type { Span } from '../../core/types.js';
import { deref, pairOf, pairsOf, type YMap } from '../../parse/yaml/nodes.js';
import { podTemplateOf } from '../extract/kubernetes.js';
import type { KubernetesObject } from './object.js';

export function annotationSuppressions(objects: readonly KubernetesObject[]): ScopedSuppression[] {
  const out: ScopedSuppression[] = [];
  for (const object of objects) {
    const own = fromMetadata(deref(pairOf(object.yaml, 'metadata')?.value), object.span);
    if (own) out.push(own);
    const template = podTemplateOf(object);
    if (template && template.kind !== 'Pod' && template.metadata) {
      const templateNode = template.metadata.map;
      // The template covers its metadata and its spec: from its first key to the end of the spec.
      const span = { start: Math.min(templateNode.span.start, template.spec.map.span.start), end: template.spec.map.span.end };
      const scoped = fromMetadata(templateNode, span);
      if (scoped) out.push(scoped);
    }
  }
  return out;
}

function fromMetadata(metadata: ReturnType<typeof deref>, span: Span): ScopedSuppression | undefined {
  if (metadata?.kind !== 'map') return undefined;
  const annotations = deref(pairOf(metadata, 'annotations')?.value);
  if (annotations?.kind !== 'map') return undefined;
  return fromAnnotations(annotations, span);
}

const LIST = /[\s,]+/;

function fromAnnotations(annotations: YMap, span: Span): ScopedSuppression | undefined {
  const rules = new Set<string>();
  const sources: string[] = [];
  let all = false;
  for (const pair of pairsOf(annotations)) {
    const key = pair.keyText;
    const valueNode = deref(pair.value);
    const value = valueNode?.kind === 'scalar' && valueNode.value !== null ? String(valueNode.value) : '';
    if (key === 'plimsoll.io/ignore') {
      const ids = value.split(LIST).filter(Boolean);
      if (ids.length === 0 || ids.includes('all')) all = true;
      for (const id of ids) rules.add(id);
    } else if (key.startsWith('ignore-check.kube-linter.io/')) {
      sources.push(`kube-linter:${key.slice('ignore-check.kube-linter.io/'.length)}`);
    } else if (key === 'kube-linter.io/ignore-all') {
      sources.push('kube-linter:*');
    } else if (key === 'kube-score/ignore') {
      for (const id of value.split(LIST).filter(Boolean)) sources.push(`kube-score:${id}`);
    } else if (key === 'polaris.fairwinds.com/exempt') {
      if (value === 'true') sources.push('polaris:*');
    } else if (key.startsWith('polaris.fairwinds.com/') && key.endsWith('-exempt')) {
      if (value === 'true') sources.push(`polaris:${key.slice('polaris.fairwinds.com/'.length, -'-exempt'.length)}`);
    } else if (/^checkov\.io\/skip\d+$/.test(key)) {
      const id = value.split('=')[0]!.trim();
      if (id) sources.push(`checkov:${id}`);
    }
  }
  if (all) return { rules: 'all', span };
  if (rules.size === 0 && sources.length === 0) return undefined;
  return { rules, span, ...(sources.length > 0 ? { sources } : {}) };
}
