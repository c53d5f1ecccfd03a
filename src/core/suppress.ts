/**
 * Inline suppressions, applied after the rules (rules never see them):
 *   # plimsoll-ignore-file [rule, …] [-- reason]
 *   # plimsoll-ignore-next-line [rule, …] [-- reason]
 *   <code>  # plimsoll-ignore [rule, …] [-- reason]      (this line)
 * and other tools' comments, mapped to our rules through each rule's `sources`:
 *   # hadolint ignore=DL3006,DL3008        (next instruction)
 *   # hadolint global ignore=DL3006        (whole file)
 *   # check=skip=JSONArgsRecommended,…     (BuildKit's parser directive: whole file; skip=all)
 */
import type { ParsedFile, ScopedSuppression } from './parsed-file.js';
import type { Span } from './types.js';

export interface Suppression {
  rules: ReadonlySet<string> | 'all';
  /** Undefined: the whole file. */
  span?: Span;
}

/** Maps `tool:id` (e.g. `hadolint:DL3006`) to the rule ids that cite it in `sources`. */
export type SourceIndex = ReadonlyMap<string, readonly string[]>;

const PLIMSOLL = /^plimsoll-ignore(-file|-next-line)?(?:\s+(.*))?$/;
/** hadolint's pragma grammar: codes separated by commas, with optional spaces around them. */
const HADOLINT = /^hadolint[ \t]+(global[ \t]+)?ignore[ \t]*=[ \t]*([A-Z0-9]+(?:[ \t]*,[ \t]*[A-Z0-9]+)*)/;

function ruleList(text: string | undefined): Set<string> | 'all' {
  const beforeReason = (text ?? '').split(/\s--\s|^--\s|\s--$/)[0] ?? '';
  const ids = beforeReason.split(/[\s,]+/).filter(Boolean);
  return ids.length === 0 ? 'all' : new Set(ids);
}

/** What suppressions are read from: a linted file, or a related file findings may land in. */
export type SuppressionSource = Pick<ParsedFile, 'source' | 'comments' | 'nextLineTarget'> &
  Partial<Pick<ParsedFile, 'dockerfile' | 'suppressions'>>;

export function collectSuppressions(file: SuppressionSource, sources: SourceIndex): Suppression[] {
  const result: Suppression[] = [];
  const lineOf = (span: Span): Span => {
    const line = file.source.positionAt(span.start).line;
    return { start: file.source.lineStart(line), end: file.source.lineEnd(line) };
  };
  for (const comment of file.comments) {
    const m = PLIMSOLL.exec(comment.text);
    if (m) {
      const rules = ruleList(m[2]);
      if (m[1] === '-file') result.push({ rules });
      else if (m[1] === undefined && comment.trailing) result.push({ rules, span: lineOf(comment.span) });
      else {
        const target = file.nextLineTarget(comment.span);
        if (target) result.push({ rules, span: target });
      }
      continue;
    }
    const h = HADOLINT.exec(comment.text);
    if (h) {
      const rules = new Set(h[2]!.split(/\s*,\s*/).flatMap((id) => sources.get(`hadolint:${id.trim()}`) ?? []));
      if (rules.size === 0) continue;
      if (h[1]) result.push({ rules });
      else {
        const target = file.nextLineTarget(comment.span);
        if (target) result.push({ rules, span: target });
      }
    }
  }
  const check = buildkitCheckSkips(file, sources);
  if (check) result.push(check);
  for (const s of file.suppressions ?? []) result.push(fromScoped(s, sources));
  return result;
}

/** BuildKit's `# check=skip=A,B;error=true` directive: the rules citing those checks, for the whole file. */
function buildkitCheckSkips(file: SuppressionSource, sources: SourceIndex): Suppression | undefined {
  const directive = file.dockerfile?.directives.find((d) => d.name === 'check');
  if (!directive) return undefined;
  const skip = directive.value
    .split(';')
    .map((part) => /^\s*skip\s*=\s*(.*)$/.exec(part)?.[1])
    .find((v) => v !== undefined);
  if (!skip) return undefined;
  const names = skip.split(',').map((n) => n.trim()).filter(Boolean);
  const rules = new Set<string>();
  for (const [key, ids] of sources) {
    if (!key.startsWith('buildkit:')) continue;
    if (names.includes('all') || names.includes(key.slice('buildkit:'.length))) for (const id of ids) rules.add(id);
  }
  return rules.size > 0 ? { rules } : undefined;
}

function fromScoped(s: ScopedSuppression, sources: SourceIndex): Suppression {
  if (!s.sources || s.sources.length === 0 || s.rules === 'all') return { rules: s.rules, span: s.span };
  const rules = new Set(s.rules);
  for (const key of s.sources) {
    if (key.endsWith(':*')) {
      const tool = key.slice(0, -1);
      for (const [k, ids] of sources) if (k.startsWith(tool)) for (const id of ids) rules.add(id);
    } else for (const id of sources.get(key) ?? []) rules.add(id);
  }
  return { rules, span: s.span };
}

export function isSuppressed(ruleId: string, span: Span, suppressions: readonly Suppression[]): boolean {
  for (const s of suppressions) {
    if (s.rules !== 'all' && !s.rules.has(ruleId)) continue;
    if (!s.span || (span.start >= s.span.start && span.start <= s.span.end)) return true;
  }
  return false;
}
