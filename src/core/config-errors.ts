/**
 * Turns Ajv's validation errors into short messages that say what to change. A rule
 * setting may be a severity, [severity, options] or { severity, options }: Ajv reports
 * why each of the three forms failed; only the form that was written is worth reporting.
 */
import { closest } from './suggest.js';

export interface SchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

const RULE_SETTING = /^((?:\/overrides\/\d+)?\/rules\/[^/]+)(\/.*)?$/;
const SEVERITIES = 'off, info, warning or error';

function valueAt(root: unknown, pointer: string): unknown {
  let value = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value;
}

/** Which anyOf branch of a rule setting an error belongs to: 0 severity, 1 array, 2 object. */
function branchOf(e: SchemaError): number | undefined {
  const m = /\/rules\/properties\/[^/]+\/anyOf\/(\d)\//.exec(e.schemaPath);
  return m ? Number(m[1]) : undefined;
}

function writtenBranch(value: unknown): number | undefined {
  if (typeof value === 'string') return 0;
  if (Array.isArray(value)) return 1;
  if (value !== null && typeof value === 'object') return 2;
  return undefined;
}

/** `rules.run-as-root` plus, inside the setting, `options.nonRootImages`. */
function describePath(pointer: string): string {
  const m = RULE_SETTING.exec(pointer);
  const dotted = (p: string) => p.slice(1).replace(/\//g, '.');
  if (!m) return pointer ? dotted(pointer) : 'configuration';
  const inner = (m[2] ?? '').replace(/^\/1(?=\/|$)/, '/options').replace(/^\/0$/, '/severity');
  return dotted(m[1]!) + (inner ? ` ${dotted(inner)}` : '');
}

function describe(e: SchemaError, config: unknown, ruleIds: readonly string[]): string {
  const where = describePath(e.instancePath);
  if (e.keyword === 'additionalProperties') {
    const name = String(e.params.additionalProperty);
    if (/(^|\/)rules$/.test(e.instancePath)) {
      const hint = closest(name, ruleIds, Math.max(2, Math.floor(name.length / 3)));
      return `unknown rule "${name}"${hint ? ` (did you mean "${hint}"?)` : ''}`;
    }
    if (RULE_SETTING.test(e.instancePath)) return `${where}: unknown option "${name}"`;
    return `unknown property "${name}" in ${where}`;
  }
  if (e.keyword === 'enum') {
    const value = valueAt(config, e.instancePath);
    if (RULE_SETTING.test(e.instancePath)) return `${where}: ${JSON.stringify(value)} is not a severity; use ${SEVERITIES}`;
    return `${where}: ${JSON.stringify(value)} must be one of ${(e.params.allowedValues as string[]).join(', ')}`;
  }
  if (e.keyword === 'anyOf' && RULE_SETTING.exec(e.instancePath)?.[2] === undefined) {
    return `${where}: expected a severity (${SEVERITIES}), [severity, options] or { severity, options }`;
  }
  return `${where}: ${e.message ?? 'is invalid'}`;
}

/** One message per problem, at most `limit`, joined with "; ". */
export function describeSchemaErrors(errors: readonly SchemaError[], config: unknown, ruleIds: readonly string[], limit = 5): string {
  const relevant = errors.filter((e) => {
    const m = RULE_SETTING.exec(e.instancePath);
    if (!m) return true;
    const written = writtenBranch(valueAt(config, m[1]!));
    const branch = branchOf(e);
    // The summary anyOf error stays only when no branch fits what was written (e.g. a number).
    if (e.keyword === 'anyOf' && m[2] === undefined) return written === undefined;
    return branch === undefined || branch === written;
  });
  const messages = [...new Set(relevant.map((e) => describe(e, config, ruleIds)))];
  return messages.slice(0, limit).join('; ');
}
