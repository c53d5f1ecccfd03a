/** Reading YAML views into graph records: locations in the file, with the object and its path. */
import type { SourceText } from '../../../core/source.js';
import type { Locatable, ObjectRef } from '../../../core/types.js';
import type { LabelSelector } from 'kubernetes-types/meta/v1.js';
import type { PathSegment } from '../../../parse/yaml/nodes.js';
import type { Sourced } from '../../container.js';
import { labelSelectorOf } from '../../kubernetes/selectors.js';
import type { YView } from '../../kubernetes/view.js';
import type { SourceLocation } from '../types.js';
import type { Located, SelectorRecord } from './types.js';

export class RecordReader {
  constructor(
    readonly file: SourceText,
    readonly ref: ObjectRef,
  ) {}

  /** A location in the file, tagged with the object and (when known) the YAML path. */
  at(node: Locatable, path?: readonly PathSegment[]): SourceLocation {
    const out: SourceLocation = { span: { start: node.span.start, end: node.span.end }, file: this.file, object: this.ref };
    if (path && path.length > 0) out.path = path;
    return out;
  }

  /** The location of a view's mapping as a whole (its key, else its `name:`). */
  of(view: YView<unknown>): SourceLocation {
    return this.at(view.anchor, view.path);
  }

  located<T>(value: Sourced<T> | undefined, path?: readonly PathSegment[]): Located<T> | undefined {
    return value ? { value: value.value, at: this.at(value.node, path) } : undefined;
  }

  selector(view: YView<LabelSelector> | undefined): SelectorRecord | undefined {
    if (!view) return undefined;
    const s = labelSelectorOf(view);
    return {
      matchLabels: s.matchLabels.map((e) => [e.key, e.value]),
      expressions: s.expressions.map((e) => ({ key: e.key, operator: e.operator, values: e.values })),
      at: this.of(view),
    };
  }
}

/** Label-like maps (labels, annotations, data keys) as text: strings as they are, other scalars as written. */
export function textEntries(view: YView<Record<string, unknown>> | undefined, key: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const pair of view?.entries(key) ?? []) {
    const v = pair.value;
    const n = v?.kind === 'alias' ? v.target : v;
    if (!n) out.set(pair.keyText, '');
    else if (n.kind === 'scalar') out.set(pair.keyText, n.value === null ? '' : typeof n.value === 'string' ? n.value : n.source);
  }
  return out;
}
