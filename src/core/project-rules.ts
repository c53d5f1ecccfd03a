/**
 * Phase 2: the graph rules (rules/graph/), run once over the project graph after every file
 * was parsed and linted. A finding lands in the file of the node it reports; that file's
 * configuration decides whether the rule is on there, its severity and options, and that
 * file's suppressions (comments, annotations) apply. A rule configured with different
 * options in different files runs once per set of options.
 */
import type { ProjectGraph, SourceLocation } from '../model/graph/types.js';
import type { ConfiguredRule } from './engine.js';
import { INTERNAL_ERROR_RULE, MAX_FINDINGS_PER_RULE } from './engine.js';
import { FileContext } from './file-context.js';
import { fingerprintAll } from './fingerprint.js';
import { formatPath } from '../parse/yaml/parse.js';
import { formatMessage } from './message.js';
import { findRule } from './registry.js';
import type { AnyRule, ReportDescriptor, RuleContext } from './rule.js';
import { SourceText } from './source.js';
import { isSuppressed, type Suppression } from './suppress.js';
import { SEVERITY_RANK, type FileFormat, type Finding, type ObjectRef, type RelatedLocation, type Severity, type Span } from './types.js';

/** What phase 2 keeps of a linted file. */
export interface ProjectFileState {
  source: SourceText;
  format: FileFormat;
  rules: readonly ConfiguredRule[];
  /** Suppressions of the file, collected in phase 1 while its tree was alive. */
  suppressions: readonly Suppression[];
}

/** Rules of rules/graph/ run in phase 2; every other rule runs per file. */
export function isProjectRule(rule: AnyRule): boolean {
  return findRule(rule.id)?.folder === 'graph';
}

interface Variant {
  options: object;
  /** Files where the rule is on with these options, and its severity there. */
  severityByFile: Map<string, Severity>;
}

interface Draft {
  ruleId: string;
  home: string;
  severity: Severity;
  message: string;
  span: Span;
  descriptor: ReportDescriptor<string>;
}

const PROJECT_FILE = new FileContext(new SourceText('', ''), 'unknown', undefined, []);

export function runProjectRules(graph: ProjectGraph, files: ReadonlyMap<string, ProjectFileState>): Finding[] {
  const variants = variantsByRule(files);
  const drafts: Draft[] = [];
  const crashes: Finding[] = [];
  for (const { rule, variants: list } of variants.values()) {
    for (const variant of list) {
      const report = (d: ReportDescriptor<string>) => {
        const home = d.node?.file?.path;
        const severity = home === undefined ? undefined : variant.severityByFile.get(home);
        if (home === undefined || severity === undefined) return;
        const capped = d.severity && SEVERITY_RANK[d.severity] < SEVERITY_RANK[severity] ? d.severity : severity;
        const template = rule.meta.messages[d.messageId] ?? d.messageId;
        const span = d.span ?? d.node!.span;
        drafts.push({ ruleId: rule.id, home, severity: capped, message: formatMessage(template, d.data), span, descriptor: d });
      };
      const context: RuleContext = { ruleId: rule.id, file: PROJECT_FILE, report };
      try {
        const listeners = rule.create(context, { ...(rule.meta.defaults ?? {}), ...variant.options });
        listeners.Project?.(graph);
      } catch (error) {
        const first = [...variant.severityByFile.keys()][0];
        const state = first === undefined ? undefined : files.get(first);
        if (state) crashes.push(crashFinding(rule.id, error, state));
      }
    }
  }
  return [...finish(drafts, files), ...crashes];
}

function variantsByRule(files: ReadonlyMap<string, ProjectFileState>): Map<string, { rule: AnyRule; variants: Variant[] }> {
  const out = new Map<string, { rule: AnyRule; variants: Variant[]; byKey: Map<string, Variant> }>();
  for (const [path, state] of files) {
    for (const configured of state.rules) {
      if (!isProjectRule(configured.rule)) continue;
      const { rule } = configured;
      if (!rule.meta.formats.includes(state.format as never)) continue;
      let entry = out.get(rule.id);
      if (!entry) out.set(rule.id, (entry = { rule, variants: [], byKey: new Map() }));
      const key = JSON.stringify(configured.options);
      let variant = entry.byKey.get(key);
      if (!variant) {
        variant = { options: configured.options, severityByFile: new Map() };
        entry.byKey.set(key, variant);
        entry.variants.push(variant);
      }
      variant.severityByFile.set(path, configured.severity);
    }
  }
  return out;
}

function finish(drafts: Draft[], files: ReadonlyMap<string, ProjectFileState>): Finding[] {
  const byHome = new Map<string, Draft[]>();
  for (const d of drafts) {
    const state = files.get(d.home)!;
    if (isSuppressed(d.ruleId, d.span, state.suppressions)) continue;
    const list = byHome.get(d.home);
    if (list) list.push(d);
    else byHome.set(d.home, [d]);
  }
  const findings: Finding[] = [];
  for (const [home, list] of byHome) {
    const state = files.get(home)!;
    const unique = capPerRule(dedupe(list).sort((a, b) => a.span.start - b.span.start || cmp(a.ruleId, b.ruleId) || cmp(a.message, b.message)));
    const fingerprints = fingerprintAll(
      unique.map((d) => ({
        ruleId: d.ruleId,
        file: home,
        ...(objectOf(d) ? { object: objectOf(d)! } : {}),
        context: 'project',
        snippet: `${state.source.slice(d.span)}\u0000${d.message}`,
      })),
    );
    unique.forEach((d, i) => findings.push(toFinding(d, state, fingerprints[i]!)));
  }
  return findings;
}

/** At most MAX_FINDINGS_PER_RULE findings of one rule in one file, as in phase 1; one summary for the rest. */
function capPerRule(sorted: Draft[]): Draft[] {
  if (sorted.length <= MAX_FINDINGS_PER_RULE) return sorted;
  const counts = new Map<string, number>();
  const firstOmitted = new Map<string, Draft>();
  const out: Draft[] = [];
  for (const d of sorted) {
    const n = (counts.get(d.ruleId) ?? 0) + 1;
    counts.set(d.ruleId, n);
    if (n <= MAX_FINDINGS_PER_RULE) out.push(d);
    else if (n === MAX_FINDINGS_PER_RULE + 1) firstOmitted.set(d.ruleId, d);
  }
  for (const [ruleId, d] of firstOmitted) {
    const message = `${counts.get(ruleId)! - MAX_FINDINGS_PER_RULE} more ${ruleId} findings in this file, from here on, are not listed (at most ${MAX_FINDINGS_PER_RULE} per rule and file).`;
    out.push({ ruleId, home: d.home, severity: d.severity, message, span: { start: d.span.start, end: d.span.start }, descriptor: { messageId: 'omitted' } });
  }
  return out.sort((a, b) => a.span.start - b.span.start || cmp(a.ruleId, b.ruleId) || cmp(a.message, b.message));
}

/** A rule may reach the same subject twice (two paths through the graph); report it once. */
function dedupe(list: Draft[]): Draft[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.ruleId}\u0000${d.span.start}\u0000${d.span.end}\u0000${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function toFinding(d: Draft, state: ProjectFileState, fingerprint: string): Finding {
  const finding: Finding = {
    ruleId: d.ruleId,
    severity: d.severity,
    message: d.message,
    file: state.source.path,
    format: state.format,
    range: state.source.rangeOf(d.span),
    span: d.span,
    fingerprint,
  };
  const object = objectOf(d);
  if (object) finding.object = object;
  if (d.descriptor.related) finding.related = d.descriptor.related.map(relatedOf);
  return finding;
}

function objectOf(d: Draft): ObjectRef | undefined {
  if (d.descriptor.object) return d.descriptor.object;
  const at = d.descriptor.node as SourceLocation | undefined;
  if (!at?.object) return undefined;
  return at.path && at.path.length > 0 && at.object.path === undefined ? { ...at.object, path: formatPath(at.path) } : at.object;
}

function relatedOf(r: NonNullable<ReportDescriptor<string>['related']>[number]): RelatedLocation {
  const span = r.span ?? r.node?.span;
  const home = r.node?.file;
  const out: RelatedLocation = { file: home?.path ?? r.file ?? '', message: r.message };
  if (span) {
    out.span = span;
    if (home) out.range = home.rangeOf(span);
  }
  return out;
}

function crashFinding(ruleId: string, error: unknown, state: ProjectFileState): Finding {
  const message = error instanceof Error ? error.message : String(error);
  const [fingerprint] = fingerprintAll([{ ruleId: INTERNAL_ERROR_RULE, file: state.source.path, context: 'project', snippet: ruleId }]);
  return {
    ruleId: INTERNAL_ERROR_RULE,
    severity: 'error',
    message: `Rule "${ruleId}" failed on the project graph: ${message}. This is a bug in Plimsoll; please report it.`,
    file: state.source.path,
    format: state.format,
    range: state.source.rangeOf({ start: 0, end: 0 }),
    span: { start: 0, end: 0 },
    fingerprint: fingerprint!,
  };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
