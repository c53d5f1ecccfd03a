/**
 * What a format adapter hands the engine for one file: its model, the events of
 * its walk, its comments (for suppressions) and how to turn nodes into spans.
 */
import type { ContainerSpec } from '../model/container.js';
import type { Dockerfile } from '../parse/dockerfile/ast.js';
import type { LintEnvironment } from './environment.js';
import type { ListenerKey } from './listeners.js';
import type { SourceText } from './source.js';
import type { FileFormat, Locatable, ObjectRef, Span } from './types.js';

export interface CommentToken {
  /** Text after `#`, trimmed. */
  text: string;
  span: Span;
  /** The comment follows code on the same line. */
  trailing: boolean;
}

/** A suppression that does not come from a comment (e.g. a Kubernetes annotation). */
export interface ScopedSuppression {
  /** Rule ids, or 'all'. */
  rules: ReadonlySet<string> | 'all';
  span: Span;
  /**
   * Other tools' checks, as `tool:id` (`kube-linter:latest-tag`), suppressing the rules that
   * cite them in `sources`; `tool:*` stands for every rule citing that tool.
   */
  sources?: readonly string[];
}

export type Emit = (key: ListenerKey, payload: unknown) => void;

/** Another file the model was built from (a compose override, extends or include file). */
export interface RelatedSource {
  source: SourceText;
  comments: CommentToken[];
  nextLineTarget(comment: Span): Span | undefined;
}

export interface ParsedFile {
  source: SourceText;
  format: FileFormat;
  /** Number of documents (YAML) or 1. */
  documents: number;
  dockerfile?: Dockerfile;
  containers: ContainerSpec[];
  comments: CommentToken[];
  /** The run's environment (target Kubernetes version, schemas), when the adapter uses it. */
  env?: LintEnvironment;
  /** Extra suppressions from the format itself (annotations). */
  suppressions?: ScopedSuppression[];
  /** Emits the events of one walk over the file, in document order. */
  walk(emit: Emit): void;
  /** What a `next-line` suppression in the comment at `comment` covers. */
  nextLineTarget(comment: Span): Span | undefined;
  /** Resolves a node plus a path below it to a span (nearest existing ancestor). */
  locate?(node: Locatable, path: readonly (string | number)[]): Span;
  /** The object a span belongs to, for findings and fingerprints. */
  objectAt?(span: Span): ObjectRef | undefined;
  /** The dotted YAML path of a span inside its object (`spec.template.spec.containers[0].image`). */
  objectPathAt?(span: Span): string | undefined;
  /** A stable description of where a span is (stage + instruction, YAML path), for fingerprints. */
  contextOf?(span: Span): string;
  /** Other files findings may land in (by display path); their comments suppress findings there. */
  relatedSources?: ReadonlyMap<string, RelatedSource>;
}
