/**
 * Baselines: `--write-baseline <file>` records the current findings by fingerprint;
 * `--baseline <file>` then reports only findings that are not in it. Matching is by
 * (file, rule id, fingerprint) and counts: a baseline entry absorbs one finding.
 * Fingerprints leave line numbers out, so the baseline survives unrelated edits.
 * Paths are relative to the working directory, so run from the same folder each time.
 */
import { readFile } from 'node:fs/promises';
import { summarise, type LintResult } from '../core/lint.js';
import type { Finding } from '../core/types.js';
import { CliError } from './errors.js';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  ruleId: string;
  file: string;
  fingerprint: string;
  /** For people reading the file; not used for matching. */
  message: string;
}

export interface BaselineFile {
  version: number;
  tool: 'plimsoll';
  findings: BaselineEntry[];
}

const key = (e: { file: string; ruleId: string; fingerprint: string }): string => `${e.file}\u0000${e.ruleId}\u0000${e.fingerprint}`;
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The baseline text for these findings: sorted, so it is stable under re-runs and diffs well. */
export function baselineText(findings: readonly Finding[]): string {
  const entries: BaselineEntry[] = findings
    .map((f) => ({ ruleId: f.ruleId, file: f.file, fingerprint: f.fingerprint, message: f.message }))
    .sort((a, b) => cmp(a.file, b.file) || cmp(a.ruleId, b.ruleId) || cmp(a.fingerprint, b.fingerprint) || cmp(a.message, b.message));
  const file: BaselineFile = { version: BASELINE_VERSION, tool: 'plimsoll', findings: entries };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export async function readBaseline(path: string, shownAs: string): Promise<BaselineEntry[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`cannot read the baseline ${shownAs}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CliError(`the baseline ${shownAs} is not valid JSON: ${(error as Error).message}`);
  }
  const problem = baselineProblem(data);
  if (problem) throw new CliError(`the baseline ${shownAs} is not a Plimsoll baseline: ${problem}`);
  return (data as BaselineFile).findings;
}

function baselineProblem(data: unknown): string | undefined {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return 'expected an object with "version" and "findings"';
  const { version, findings } = data as Partial<BaselineFile>;
  if (version !== BASELINE_VERSION) return `unsupported version ${JSON.stringify(version)} (expected ${BASELINE_VERSION})`;
  if (!Array.isArray(findings)) return '"findings" must be an array';
  const bad = findings.findIndex(
    (e: unknown) =>
      !e ||
      typeof e !== 'object' ||
      typeof (e as BaselineEntry).ruleId !== 'string' ||
      typeof (e as BaselineEntry).file !== 'string' ||
      typeof (e as BaselineEntry).fingerprint !== 'string',
  );
  return bad >= 0 ? `findings[${bad}] needs string "ruleId", "file" and "fingerprint"` : undefined;
}

/** The result without the findings the baseline absorbs (each entry absorbs one). */
export function applyBaseline(result: LintResult, baseline: readonly BaselineEntry[]): LintResult {
  const remaining = new Map<string, number>();
  for (const e of baseline) remaining.set(key(e), (remaining.get(key(e)) ?? 0) + 1);
  const absorbed = new Set<Finding>();
  for (const f of result.findings) {
    const n = remaining.get(key(f)) ?? 0;
    if (n > 0) {
      remaining.set(key(f), n - 1);
      absorbed.add(f);
    }
  }
  const keep = (f: Finding) => !absorbed.has(f);
  const files = result.files.map((file) => ({ ...file, findings: file.findings.filter(keep) }));
  const findings = result.findings.filter(keep);
  return { files, findings, summary: summarise(files, findings) };
}
