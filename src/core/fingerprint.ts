/**
 * Stable fingerprints: rule id + file + object identity + context (YAML path or stage
 * and instruction) + the reported text with whitespace normalised. No line numbers,
 * so findings keep their fingerprint when unrelated lines move. Identical findings
 * in one file are told apart by their order.
 */
import { createHash } from 'node:crypto';
import type { ObjectRef } from './types.js';

export interface FingerprintInput {
  ruleId: string;
  file: string;
  object?: ObjectRef;
  context?: string;
  snippet: string;
}

export function fingerprintAll(inputs: FingerprintInput[]): string[] {
  const seen = new Map<string, number>();
  return inputs.map((input) => {
    const key = [
      input.ruleId,
      input.file,
      input.object ? `${input.object.kind}/${input.object.namespace ?? ''}/${input.object.name}` : '',
      input.context ?? '',
      input.snippet.replace(/\s+/g, ' ').trim().slice(0, 300),
    ].join('\u0000');
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return createHash('sha256').update(`${key}\u0000${n}`).digest('hex').slice(0, 32);
  });
}
