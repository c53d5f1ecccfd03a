/** What to tell the author of an object whose API version is deprecated or removed. */
import type { ApiStatus } from './api-lifecycle.js';

export function migrationAdvice(status: ApiStatus): string {
  const { entry, replacement } = status;
  if (!replacement) return entry.note ?? 'there is no replacement API; remove the object';
  const use = `use ${replacement.apiVersion} (served since ${replacement.since})`;
  return entry.note ? `${use}; ${entry.note}` : use;
}
