/**
 * A Kubernetes object as the rules see it: its identity, its plain value (typed with
 * kubernetes-types by the accessors that read it), and its YAML node for positions.
 */
import type { ObjectRef, Span } from '../../core/types.js';
import { deref, pairOf, type YMap, type YNode } from '../../parse/yaml/nodes.js';
import type { Anchored } from './view.js';

export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  /** metadata.name (or generateName), '' when missing. */
  name: string;
  /** metadata.namespace as written; undefined when unset. */
  namespace?: string;
  /** The object's plain value. */
  value: Record<string, unknown>;
  /** The object's mapping, for `ctx.report({ node: object, path })`. */
  yaml: YMap;
  span: Span;
  /** Where findings about the object as a whole go: its metadata.name pair (else its kind). */
  anchor: Anchored;
  /** Index of the YAML document in the file. */
  document: number;
  /** Index in a `kind: List`'s items. */
  listIndex?: number;
  /** Identity attached to every finding reported while handling this object. */
  objectRef: ObjectRef;
  /** The file is a Kustomize patch: a partial object, checked only for what it says. */
  patch?: boolean;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Turns a document (or a `kind: List`) into objects; skips values that are not mappings. */
export function objectsOfDocument(value: unknown, root: YNode | null, document: number): KubernetesObject[] {
  const node = deref(root);
  if (!node || node.kind !== 'map' || !isRecord(value)) return [];
  if (value.kind === 'List' || (typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(value.items))) {
    const itemsPair = node.pairs.find((p) => p.keyText === 'items');
    const itemsNode = deref(itemsPair?.value);
    const items = Array.isArray(value.items) ? value.items : [];
    const out: KubernetesObject[] = [];
    items.forEach((item, i) => {
      const itemNode = itemsNode?.kind === 'seq' ? deref(itemsNode.items[i]) : undefined;
      if (itemNode?.kind === 'map' && isRecord(item)) {
        const obj = objectOf(item, itemNode, document);
        obj.listIndex = i;
        out.push(obj);
      }
    });
    return out;
  }
  return [objectOf(value, node, document)];
}

function objectOf(value: Record<string, unknown>, yaml: YMap, document: number): KubernetesObject {
  const metadata = isRecord(value.metadata) ? value.metadata : {};
  const kind = str(value.kind) ?? '';
  const name = str(metadata.name) ?? str(metadata.generateName) ?? '';
  const namespace = str(metadata.namespace);
  const obj: KubernetesObject = {
    apiVersion: str(value.apiVersion) ?? '',
    kind,
    name,
    value,
    yaml,
    span: yaml.span,
    anchor: { span: anchorSpan(yaml), yaml },
    document,
    objectRef: { kind, name, ...(namespace !== undefined ? { namespace } : {}) },
  };
  if (namespace !== undefined) obj.namespace = namespace;
  return obj;
}

function anchorSpan(yaml: YMap): Span {
  const metadata = deref(pairOf(yaml, 'metadata')?.value);
  const name = metadata?.kind === 'map' ? (pairOf(metadata, 'name') ?? pairOf(metadata, 'generateName')) : undefined;
  const pair = name ?? pairOf(yaml, 'kind') ?? yaml.pairs[0];
  if (!pair) return yaml.span;
  return { start: pair.key.span.start, end: pair.value?.span.end ?? pair.key.span.end };
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
