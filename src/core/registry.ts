/** The rule registry: every rule, where its doc lives, and lookups derived from metadata. */
import { allRuleGroups } from '../../rules/index.js';
import type { AnyRule } from './rule.js';
import type { SourceIndex } from './suppress.js';

export interface RegisteredRule {
  rule: AnyRule;
  /** Folder under rules/ (dockerfile, container, kubernetes, compose, graph, general). */
  folder: string;
  /** Path of the rule's documentation, relative to the package root. */
  docs: string;
}

let cache: { list: RegisteredRule[]; byId: Map<string, RegisteredRule>; sources: SourceIndex } | undefined;

function load() {
  if (cache) return cache;
  const list: RegisteredRule[] = [];
  for (const group of allRuleGroups) {
    for (const rule of group.rules) list.push({ rule, folder: group.folder, docs: `rules/${group.folder}/${rule.id}.md` });
  }
  list.sort((a, b) => (a.rule.id < b.rule.id ? -1 : a.rule.id > b.rule.id ? 1 : 0));
  const byId = new Map(list.map((r) => [r.rule.id, r]));
  const sources = new Map<string, string[]>();
  for (const { rule } of list) {
    for (const s of rule.meta.sources) {
      const key = `${s.tool}:${s.id}`;
      sources.set(key, [...(sources.get(key) ?? []), rule.id]);
    }
  }
  cache = { list, byId, sources };
  return cache;
}

export function registeredRules(): readonly RegisteredRule[] {
  return load().list;
}

export function findRule(id: string): RegisteredRule | undefined {
  return load().byId.get(id);
}

export function ruleIds(): string[] {
  return load().list.map((r) => r.rule.id);
}

/** `tool:id` → rule ids citing it, for other tools' suppression comments. */
export function sourceIndex(): SourceIndex {
  return load().sources;
}
