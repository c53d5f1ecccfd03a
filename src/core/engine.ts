/**
 * The one-pass engine: every enabled rule's listeners are collected into one dispatch
 * table, the file is walked once, and each event reaches only the rules that listen.
 * A rule that throws becomes a finding; nothing escapes to the caller.
 */
import { FileContext } from './file-context.js';
import { fingerprintAll } from './fingerprint.js';
import type { ListenerKey, Listeners } from './listeners.js';
import { formatMessage } from './message.js';
import type { ParsedFile } from './parsed-file.js';
import type { AnyRule, ReportDescriptor, RuleContext } from './rule.js';
import type { SourceText } from './source.js';
import { collectSuppressions, isSuppressed, type SourceIndex, type Suppression } from './suppress.js';
import type { Finding, Format, Locatable, ObjectRef, Severity, Span } from './types.js';

/** A rule as configured for one file. */
export interface ConfiguredRule {
  rule: AnyRule;
  severity: Severity;
  options: object;
}

type Handler = (payload: unknown) => void;

interface Draft {
  ruleId: string;
  severity: Severity;
  message: string;
  span: Span;
  object?: ObjectRef;
  related?: Finding['related'];
  fix?: Finding['fix'];
  /** Set when the reported node lives in another file than the linted one. */
  source?: SourceText;
}

export const INTERNAL_ERROR_RULE = 'internal-error';

/**
 * Findings one rule may report in one file; the rest become one summary finding. Real files
 * stay far below this; a generated 50 MB manifest would otherwise cost gigabytes of findings.
 */
export const MAX_FINDINGS_PER_RULE = 1000;

interface RulePlan {
  rule: AnyRule;
  severity: Severity;
  /** Defaults and configured options, merged once. */
  options: object;
}

/** Per format, the configured rules that apply to it: computed once per rule set (files share rule sets). */
const plans = new WeakMap<readonly ConfiguredRule[], Map<string, { plan: RulePlan[]; superseding: ReadonlyMap<string, readonly string[]> }>>();

function planFor(rules: readonly ConfiguredRule[], format: string): { plan: RulePlan[]; superseding: ReadonlyMap<string, readonly string[]> } {
  let byFormat = plans.get(rules);
  if (!byFormat) plans.set(rules, (byFormat = new Map()));
  let entry = byFormat.get(format);
  if (!entry) {
    const plan = isFormat(format)
      ? rules.filter(({ rule }) => rule.meta.formats.includes(format)).map(({ rule, severity, options }) => ({ rule, severity, options: { ...(rule.meta.defaults ?? {}), ...options } }))
      : [];
    const superseding = new Map(rules.filter((r) => r.rule.meta.supersedes?.length).map((r) => [r.rule.id, r.rule.meta.supersedes!]));
    byFormat.set(format, (entry = { plan, superseding }));
  }
  return entry;
}

export function runRules(file: ParsedFile, rules: readonly ConfiguredRule[], sources: SourceIndex): Finding[] {
  const drafts: Draft[] = [];
  const context = new FileContext(file.source, file.format, file.dockerfile, file.containers, file.env);
  const dispatch = new Map<ListenerKey, Handler[]>();
  let currentObject: ObjectRef | undefined;
  const { plan, superseding } = planFor(rules, file.format);

  for (const { rule, severity, options } of plan) {
    const ruleContext: RuleContext = {
      ruleId: rule.id,
      file: context,
      report: (d) => drafts.push(draftOf(rule, severity, d, file, currentObject)),
    };
    let listeners: Listeners;
    try {
      // Each file gets its own copy of the options, as before: a rule may keep state in them.
      listeners = rule.create(ruleContext, { ...options });
    } catch (error) {
      drafts.push(crash(rule.id, error, file.source.text.length));
      continue;
    }
    for (const key in listeners) {
      const fn = (listeners as Record<string, unknown>)[key];
      if (typeof fn !== 'function') continue;
      const guarded: Handler = (payload) => {
        try {
          fn(payload);
        } catch (error) {
          drafts.push(crash(rule.id, error, 0));
        }
      };
      const list = dispatch.get(key as ListenerKey);
      if (list) list.push(guarded);
      else dispatch.set(key as ListenerKey, [guarded]);
    }
  }

  if (dispatch.size > 0) {
    file.walk((key, payload) => {
      const handlers = dispatch.get(key);
      if (!handlers) return;
      currentObject = objectOfPayload(payload);
      for (const handler of handlers) handler(payload);
      currentObject = undefined;
    });
  }
  return finish(drafts, file, sources, superseding);
}

function isFormat(format: string): format is Format {
  return format === 'dockerfile' || format === 'compose' || format === 'kubernetes';
}

/** Containers and objects carry their identity; findings reported while handling them inherit it. */
function objectOfPayload(payload: unknown): ObjectRef | undefined {
  if (payload && typeof payload === 'object') {
    const p = payload as { origin?: { object?: ObjectRef }; objectRef?: ObjectRef };
    return p.objectRef ?? p.origin?.object;
  }
  return undefined;
}

function draftOf(
  rule: AnyRule,
  severity: Severity,
  d: ReportDescriptor<string>,
  file: ParsedFile,
  currentObject: ObjectRef | undefined,
): Draft {
  const template = rule.meta.messages[d.messageId] ?? d.messageId;
  let span: Span;
  if (d.span) span = d.span;
  else if (d.node && d.path && d.path.length > 0 && file.locate) span = file.locate(d.node, d.path);
  else if (d.node) span = d.node.span;
  else span = { start: 0, end: 0 };
  const draft: Draft = { ruleId: rule.id, severity, message: formatMessage(template, d.data), span };
  const elsewhere = d.span ? undefined : foreignSource(d.node, file);
  if (elsewhere) draft.source = elsewhere;
  const object = d.object ?? currentObject ?? (elsewhere ? undefined : file.objectAt?.(span));
  if (object) {
    const path = object.path === undefined && !elsewhere ? file.objectPathAt?.(span) : undefined;
    draft.object = path ? { ...object, path } : object;
  }
  if (d.related) {
    draft.related = d.related.map((r) => {
      const rSpan = r.span ?? r.node?.span;
      const home = r.span ? undefined : foreignSource(r.node, file);
      const related: NonNullable<Finding['related']>[number] = { file: home?.path ?? r.file ?? file.source.path, message: r.message };
      if (rSpan) related.span = rSpan;
      if (rSpan && home) related.range = home.rangeOf(rSpan);
      return related;
    });
  }
  // Fixes apply to the files being linted; a finding in a related file carries none.
  if (d.fix && d.fix.edits.length > 0 && !elsewhere) draft.fix = { safe: d.fix.safe ?? rule.meta.fixable === 'safe', edits: d.fix.edits };
  return draft;
}

/** The file a node lives in when that is not the linted file. */
function foreignSource(node: Locatable | undefined, file: ParsedFile): SourceText | undefined {
  const home = node?.file;
  return home && home.path !== file.source.path ? home : undefined;
}

function crash(ruleId: string, error: unknown, at: number): Draft {
  const message = error instanceof Error ? error.message : String(error);
  return {
    ruleId: INTERNAL_ERROR_RULE,
    severity: 'error',
    message: `Rule "${ruleId}" failed on this file: ${message}. This is a bug in Plimsoll; please report it.`,
    span: { start: at, end: at },
  };
}

function finish(drafts: Draft[], file: ParsedFile, sources: SourceIndex, superseding: ReadonlyMap<string, readonly string[]>): Finding[] {
  const suppressionsByFile = new Map<string, Suppression[]>();
  const suppressionsFor = (d: Draft): Suppression[] => {
    const path = d.source?.path ?? file.source.path;
    let list = suppressionsByFile.get(path);
    if (!list) {
      const related = d.source ? file.relatedSources?.get(path) : undefined;
      list = d.source ? (related ? collectSuppressions(related, sources) : []) : collectSuppressions(file, sources);
      suppressionsByFile.set(path, list);
    }
    return list;
  };
  const unsuppressed = drafts.filter((d) => d.ruleId === INTERNAL_ERROR_RULE || !isSuppressed(d.ruleId, d.span, suppressionsFor(d)));
  // A finding that a superseding rule (itself not suppressed) reports at the same span says the same thing twice.
  const superseded = supersededKeys(unsuppressed, superseding);
  let kept = superseded.size === 0 ? unsuppressed : unsuppressed.filter((d) => !superseded.has(spanKey(d.ruleId, d)));
  const pathOf = (d: Draft): string => d.source?.path ?? file.source.path;
  const byPosition = (a: Draft, b: Draft): number =>
    cmp(pathOf(a), pathOf(b)) || a.span.start - b.span.start || a.span.end - b.span.end || cmp(a.ruleId, b.ruleId) || cmp(a.message, b.message);
  kept.sort(byPosition);
  if (kept.length > MAX_FINDINGS_PER_RULE) {
    kept = capPerRule(kept, pathOf);
    kept.sort(byPosition);
  }
  const fingerprints = fingerprintAll(
    kept.map((d) => ({
      ruleId: d.ruleId,
      file: pathOf(d),
      ...(d.object ? { object: d.object } : {}),
      ...(file.contextOf && !d.source ? { context: file.contextOf(d.span) } : {}),
      snippet: (d.source ?? file.source).slice(d.span) || d.message,
    })),
  );
  return kept.map((d, i) => {
    const home = d.source ?? file.source;
    const finding: Finding = {
      ruleId: d.ruleId,
      severity: d.severity,
      message: d.message,
      file: home.path,
      format: file.format,
      range: home.rangeOf(d.span),
      span: d.span,
      fingerprint: fingerprints[i]!,
    };
    if (d.object) finding.object = d.object;
    if (d.related) {
      finding.related = d.related.map((r) => (r.span && !r.range && r.file === file.source.path ? { ...r, range: file.source.rangeOf(r.span) } : r));
    }
    if (d.fix) finding.fix = d.fix;
    return finding;
  });
}

/** Keeps the first MAX_FINDINGS_PER_RULE findings of each rule in each file (in position order) and one summary for the rest. */
function capPerRule(sorted: readonly Draft[], pathOf: (d: Draft) => string): Draft[] {
  const counts = new Map<string, number>();
  const firstOmitted = new Map<string, Draft>();
  const out: Draft[] = [];
  for (const d of sorted) {
    const key = `${d.ruleId}\u0000${pathOf(d)}`;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    if (n <= MAX_FINDINGS_PER_RULE || d.ruleId === INTERNAL_ERROR_RULE) out.push(d);
    else if (n === MAX_FINDINGS_PER_RULE + 1) firstOmitted.set(key, d);
  }
  for (const [key, d] of firstOmitted) {
    const omitted = counts.get(key)! - MAX_FINDINGS_PER_RULE;
    const summary: Draft = {
      ruleId: d.ruleId,
      severity: d.severity,
      message: `${omitted} more ${d.ruleId} findings in this file, from here on, are not listed (at most ${MAX_FINDINGS_PER_RULE} per rule and file).`,
      span: { start: d.span.start, end: d.span.start },
    };
    if (d.source) summary.source = d.source;
    out.push(summary);
  }
  return out;
}

/** `rule@file@start:end` of the drafts that a superseding rule reported at the same span. */
function supersededKeys(drafts: readonly Draft[], superseding: ReadonlyMap<string, readonly string[]>): Set<string> {
  const out = new Set<string>();
  if (superseding.size === 0) return out;
  for (const d of drafts) {
    for (const other of superseding.get(d.ruleId) ?? []) out.add(spanKey(other, d));
  }
  return out;
}

const spanKey = (ruleId: string, d: Draft): string => `${ruleId}@${d.source?.path ?? ''}@${d.span.start}:${d.span.end}`;

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
