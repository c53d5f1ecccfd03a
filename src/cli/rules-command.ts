/** `plimsoll rules` (the catalog) and `plimsoll explain <rule>` (its documentation). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../core/discover.js';
import { packageRoot } from '../core/package-info.js';
import { findRule, registeredRules, ruleIds, type RegisteredRule } from '../core/registry.js';
import { closest } from '../core/suggest.js';

export interface CatalogEntry {
  id: string;
  description: string;
  formats: string[];
  severity: string;
  recommended: boolean;
  category: string;
  fixable: false | 'safe' | 'unsafe';
  sources: { tool: string; id: string; url?: string }[];
  docs: string;
  options?: Record<string, unknown>;
}

export function catalogEntry({ rule, docs }: RegisteredRule): CatalogEntry {
  const entry: CatalogEntry = {
    id: rule.id,
    description: rule.meta.description,
    formats: [...rule.meta.formats],
    severity: rule.meta.severity,
    recommended: rule.meta.recommended,
    category: rule.meta.category,
    fixable: rule.meta.fixable,
    sources: rule.meta.sources.map((s) => ({ ...s })),
    docs,
  };
  if (rule.meta.options) entry.options = rule.meta.options;
  return entry;
}

export function listRules(format: 'table' | 'json'): string {
  const entries = registeredRules().map(catalogEntry);
  if (format === 'json') return `${JSON.stringify(entries, null, 2)}\n`;
  const rows = entries.map((e) => [
    e.id,
    e.severity,
    e.recommended ? 'yes' : '',
    e.formats.join(','),
    e.fixable || '',
    e.sources.map((s) => `${s.tool}:${s.id}`).join(' '),
  ]);
  const header = ['RULE', 'SEVERITY', 'RECOMMENDED', 'FORMATS', 'FIX', 'SOURCES'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n\n${entries.length} rules.\n`;
}

export function explainRule(id: string): string {
  const registered = findRule(id);
  if (!registered) {
    const hint = closest(id, ruleIds(), Math.max(2, Math.floor(id.length / 3)));
    throw new UsageError(`Unknown rule "${id}"${hint ? ` (did you mean "${hint}"?)` : ''}. "plimsoll rules" lists them all.`);
  }
  const { rule } = registered;
  const sources = rule.meta.sources.map((s) => `${s.tool} ${s.id}`).join(', ') || 'none';
  const header = [
    `${rule.id} — ${rule.meta.description}`,
    `severity: ${rule.meta.severity} · category: ${rule.meta.category} · formats: ${rule.meta.formats.join(', ')} · ` +
      `recommended: ${rule.meta.recommended ? 'yes' : 'no'} · fixable: ${rule.meta.fixable || 'no'}`,
    `equivalent checks: ${sources}`,
  ].join('\n');
  let doc = '';
  try {
    doc = readFileSync(join(packageRoot(), registered.docs), 'utf8');
  } catch {
    doc = '(This rule has no documentation file.)\n';
  }
  return `${header}\n\n${doc}`;
}
