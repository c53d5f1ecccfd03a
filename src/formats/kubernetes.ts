/** Kubernetes adapter: YAML (read as Kubernetes' decoder does, YAML 1.1) → objects → walk. */
import type { AdapterContext } from '../core/lint.js';
import type { ParsedFile } from '../core/parsed-file.js';
import type { SourceText } from '../core/source.js';
import type { ObjectRef, Span } from '../core/types.js';
import { objectsOfDocument, type KubernetesObject } from '../model/kubernetes/object.js';
import '../model/kubernetes/schema/custom.js'; // registers the CRD collector
import { parseYamlParts } from './yaml-common.js';

declare module '../core/listeners.js' {
  interface CoreListeners {
    /** Every Kubernetes object (List items included). */
    KubernetesObject?: (object: KubernetesObject) => void;
  }
  interface Listeners {
    /** Objects of one kind, e.g. `KubernetesObject:Service`. */
    [key: `KubernetesObject:${string}`]: ((object: KubernetesObject) => void) | undefined;
  }
}

export function parseKubernetesFile(source: SourceText, context?: AdapterContext): ParsedFile & { objects: KubernetesObject[] } {
  const parts = parseYamlParts(source, { version: '1.1' });
  const objects = parts.yaml.documents.flatMap((doc) => objectsOfDocument(doc.value, doc.root, doc.index));
  return {
    source,
    format: 'kubernetes',
    documents: parts.yaml.documents.length,
    containers: [],
    comments: parts.comments,
    ...(context ? { env: context.env } : {}),
    objects,
    walk(emit) {
      let next = 0;
      for (const doc of parts.yaml.documents) {
        emit('YamlDocument', doc);
        for (; next < objects.length && objects[next]!.document === doc.index; next++) {
          const object = objects[next]!;
          emit('KubernetesObject', object);
          emit(`KubernetesObject:${object.kind}` as 'KubernetesObject', object);
        }
      }
    },
    nextLineTarget: parts.nextLineTarget,
    locate: parts.locate,
    objectAt: (span) => objectAt(objects, span),
    contextOf: (span) => objectAt(objects, span)?.kind ?? 'file',
  };
}

function objectAt(objects: KubernetesObject[], span: Span): ObjectRef | undefined {
  for (const o of objects) if (span.start >= o.span.start && span.start <= o.span.end) return o.objectRef;
  return undefined;
}
