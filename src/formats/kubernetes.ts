/** Kubernetes adapter: YAML (read as Kubernetes' decoder does, YAML 1.1) → objects → pod templates → containers → walk. */
import type { AdapterContext } from '../core/lint.js';
import type { ParsedFile } from '../core/parsed-file.js';
import type { SourceText } from '../core/source.js';
import type { Span } from '../core/types.js';
import { extractKubernetesContainers, podTemplateOf } from '../model/extract/kubernetes.js';
import { objectsOfDocument, type KubernetesObject } from '../model/kubernetes/object.js';
import type { PodTemplate } from '../model/kubernetes/pod-template.js';
import { annotationSuppressions } from '../model/kubernetes/suppressions.js';
import { pathAtOffset } from '../parse/yaml/nodes.js';
import { formatPath, type YamlDocument } from '../parse/yaml/parse.js';
import '../model/kubernetes/schema/custom.js'; // registers the CRD collector
import '../model/kubernetes/kustomize.js'; // registers the Kustomize patch collector
import { parseYamlParts } from './yaml-common.js';

/** Every object of a file, for rules that compare objects (duplicates, a Service and its Deployment). */
export interface KubernetesFile {
  objects: readonly KubernetesObject[];
}

declare module '../core/listeners.js' {
  interface CoreListeners {
    /** Every Kubernetes object (List items included). */
    KubernetesObject?: (object: KubernetesObject) => void;
    /** The pod template of every workload (and every Pod), after its object's events and before its containers; not for fragments (PodTemplate.partial). */
    KubernetesPodTemplate?: (template: PodTemplate) => void;
    /** After the last object of the file. */
    'KubernetesFile:exit'?: (file: KubernetesFile) => void;
  }
  interface Listeners {
    /** Objects of one kind, e.g. `KubernetesObject:Service`. */
    [key: `KubernetesObject:${string}`]: ((object: KubernetesObject) => void) | undefined;
  }
}

/**
 * Problems after which a document is not read as objects: half-parsed YAML would only
 * produce findings about what the parser dropped. Duplicate keys leave a readable document.
 */
const READABLE_DESPITE = new Set(['DUPLICATE_KEY']);

function readable(doc: YamlDocument): boolean {
  return doc.errors.every((e) => READABLE_DESPITE.has(e.code));
}

export function parseKubernetesFile(source: SourceText, context?: AdapterContext): ParsedFile & { objects: KubernetesObject[] } {
  const parts = parseYamlParts(source, { version: '1.1' });
  const objects = parts.yaml.documents.flatMap((doc) => (readable(doc) ? objectsOfDocument(doc.value, doc.root, doc.index) : []));
  const patches = context?.env.project.kustomizePatches;
  if (patches && context?.absolutePath && patches.has(context.absolutePath)) for (const object of objects) object.patch = true;
  const containers = extractKubernetesContainers(objects);
  return {
    source,
    format: 'kubernetes',
    documents: parts.yaml.documents.length,
    containers,
    comments: parts.comments,
    suppressions: annotationSuppressions(objects),
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
          const template = podTemplateOf(object);
          if (!template || template.partial) continue;
          emit('KubernetesPodTemplate', template);
          for (const container of template.containers) emit('Container', container);
        }
      }
      emit('KubernetesFile:exit', { objects });
    },
    nextLineTarget: parts.nextLineTarget,
    locate: parts.locate,
    objectAt: (span) => objectAt(objects, span)?.objectRef,
    objectPathAt: (span) => {
      const object = objectAt(objects, span);
      return object ? formatPath(pathAtOffset(object.yaml, span.start)) || undefined : undefined;
    },
    contextOf: (span) => {
      const object = objectAt(objects, span);
      return object ? `${object.kind}/${formatPath(pathAtOffset(object.yaml, span.start))}` : 'file';
    },
  };
}

/** The object whose mapping holds a span (objects are in document order). */
function objectAt(objects: readonly KubernetesObject[], span: Span): KubernetesObject | undefined {
  let lo = 0;
  let hi = objects.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const o = objects[mid]!;
    if (span.start < o.span.start) hi = mid - 1;
    else if (span.start > o.span.end) lo = mid + 1;
    else return o;
  }
  return undefined;
}

