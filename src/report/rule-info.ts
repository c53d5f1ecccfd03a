/**
 * What the CI formats say about a rule: descriptions, category, where its documentation
 * lives. Findings from the core itself (internal-error) have no registered rule and get
 * a plain descriptor.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../core/package-info.js';
import { findRule } from '../core/registry.js';
import type { Category, Severity } from '../core/types.js';

/** Where the project's sources (and so the rule documentation) are published. */
export const REPOSITORY_URL = 'https://github.com/plimsoll-dev/plimsoll';

export interface RuleInfo {
  id: string;
  description: string;
  /** The first paragraph of the rule's documentation, or the description. */
  fullDescription: string;
  /** The whole documentation page (Markdown), when it could be read. */
  docMarkdown?: string;
  /** Documentation path relative to the package root, e.g. rules/dockerfile/x.md. */
  docs?: string;
  helpUri: string;
  category?: Category;
  formats: readonly string[];
  severity: Severity;
}

const cache = new Map<string, RuleInfo>();

export function ruleInfo(id: string): RuleInfo {
  const cached = cache.get(id);
  if (cached) return cached;
  const registered = findRule(id);
  let info: RuleInfo;
  if (!registered) {
    info = {
      id,
      description: id === 'internal-error' ? 'Plimsoll failed while checking this file' : id,
      fullDescription: id === 'internal-error' ? 'A rule crashed on this file. This is a bug in Plimsoll; please report it.' : id,
      helpUri: `${REPOSITORY_URL}/issues`,
      formats: [],
      severity: 'error',
    };
  } else {
    const { rule, docs } = registered;
    const markdown = readDoc(docs);
    info = {
      id,
      description: rule.meta.description,
      fullDescription: (markdown && firstParagraph(markdown)) || rule.meta.description,
      docs,
      helpUri: `${REPOSITORY_URL}/blob/main/${docs}`,
      category: rule.meta.category,
      formats: rule.meta.formats,
      severity: rule.meta.severity,
    };
    if (markdown) info.docMarkdown = markdown;
  }
  cache.set(id, info);
  return info;
}

function readDoc(docs: string): string | undefined {
  try {
    return readFileSync(join(packageRoot(), docs), 'utf8');
  } catch {
    return undefined;
  }
}

/** The paragraph after the `# id` title, joined into one line. */
export function firstParagraph(markdown: string): string | undefined {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length && (lines[i]!.trim() === '' || lines[i]!.startsWith('# '))) i++;
  const paragraph: string[] = [];
  for (; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('```')) break;
    paragraph.push(line);
  }
  return paragraph.length > 0 ? paragraph.join(' ') : undefined;
}
