/** How graph findings name the objects they relate: kind, namespace, name and file. */
import type { Severity } from '../../../core/types.js';
import type { KubeObject } from './types.js';

/** `Service "shop/web" (svc/web.yaml)`. */
export function describeObject(o: KubeObject): string {
  return `${o.kind} "${o.namespace ? `${o.namespace}/` : ''}${o.name}" (${o.file.path})`;
}

/** A related location pointing at an object. */
export function relatedObject(o: KubeObject, role: string): { node: KubeObject['at']; message: string } {
  return { node: o.at, message: `${role}: ${describeObject(o)}.` };
}

/** The option of reference rules for objects the files do not declare (they may be created elsewhere). */
export interface AbsentOption {
  absent: 'off' | 'info' | 'warning';
}

export const ABSENT_OPTION_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    absent: {
      enum: ['off', 'info', 'warning'],
      description: 'How to report a referenced object the linted files do not declare (it may be created by another tool): off, info (default) or warning.',
    },
  },
} as const;

export function absentSeverity(option: AbsentOption['absent']): Severity | undefined {
  return option === 'off' ? undefined : option;
}
