/**
 * The shape of a rule: metadata plus a pure `create()` returning listeners.
 * Rules do no I/O, parsing or traversal; they read the typed model and report.
 */
import type { Category, Fix, Format, Locatable, ObjectRef, Severity, Span } from './types.js';
import type { Listeners } from './listeners.js';
import type { FileContext } from './file-context.js';

export type SourceTool =
  | 'hadolint'
  | 'buildkit'
  | 'kube-linter'
  | 'kube-score'
  | 'polaris'
  | 'checkov'
  | 'trivy'
  | 'kubeconform'
  | 'dclint'
  | 'kics'
  | 'compose';

/** The equivalent check in another tool. */
export interface RuleSource {
  tool: SourceTool;
  id: string;
  url?: string;
}

/** A JSON Schema for a rule's options object. */
export type OptionsSchema = Record<string, unknown>;

export interface RuleMeta<MessageId extends string = string, Options extends object = object> {
  description: string;
  formats: readonly Format[];
  severity: Severity;
  /** In `plimsoll:recommended` (and the default when there is no config). */
  recommended: boolean;
  category: Category;
  sources: readonly RuleSource[];
  messages: Record<MessageId, string>;
  /** JSON Schema of the options object. */
  options?: OptionsSchema;
  defaults?: Options;
  fixable: false | 'safe' | 'unsafe';
  /**
   * Rules this one explains better: where both report the very same span, only this
   * rule's finding is kept (e.g. yaml-implicit-type over kubernetes-schema's type error).
   */
  supersedes?: readonly string[];
}

export interface ReportDescriptor<MessageId extends string> {
  messageId: MessageId;
  data?: Record<string, string | number | boolean | undefined>;
  /** What the finding is about. */
  node?: Locatable;
  /** A path below `node` (YAML); the nearest existing ancestor is used when it is missing. */
  path?: readonly (string | number)[];
  /** An explicit span, when no node fits. */
  span?: Span;
  object?: ObjectRef;
  /**
   * Graph rules only: the most severe this finding may be, below the configured severity
   * (a reference to an object that may well be created elsewhere is at most an info).
   */
  severity?: Severity;
  related?: { file?: string; node?: Locatable; span?: Span; message: string }[];
  fix?: Omit<Fix, 'safe'> & { safe?: boolean };
}

export interface RuleContext<MessageId extends string = string> {
  readonly ruleId: string;
  /** The file being linted and its derived data (parsed shell, containers, …). */
  readonly file: FileContext;
  report(descriptor: ReportDescriptor<MessageId>): void;
}

export interface RuleDefinition<MessageId extends string = string, Options extends object = object> {
  id: string;
  meta: RuleMeta<MessageId, Options>;
  create(context: RuleContext<MessageId>, options: Options): Listeners;
}

/** Identity function that gives a rule its types: `messageId` is checked against `messages`. */
export function defineRule<MessageId extends string, Options extends object = Record<string, never>>(
  rule: RuleDefinition<MessageId, Options>,
): RuleDefinition<MessageId, Options> {
  return rule;
}

/** A rule whose message ids and options are erased, as the registry holds them. */
export type AnyRule = RuleDefinition<string, object>;

/** The rules of one folder under rules/. */
export interface RuleGroup {
  folder: string;
  rules: readonly AnyRule[];
}
