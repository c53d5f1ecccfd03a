/**
 * Which files make up the project a compose file belongs to, as `docker compose` would
 * combine them:
 * - `compose.yaml` (or compose.yml, docker-compose.yml, docker-compose.yaml: the first that
 *   exists in the folder) together with `compose.override.yaml` (or .yml, docker-compose.override.*)
 *   beside it: what `docker compose` loads with no `-f`;
 * - `X.override.yaml` on top of `X.yaml` (`docker compose -f X.yaml -f X.override.yaml`);
 * - a variant (`compose.<name>.yaml`, `docker-compose.<name>.yml`, `<name>.compose.yaml`) on
 *   top of the folder's base file, when on its own it is incomplete (see compose.ts).
 * Every other file is a project of its own.
 */
import { basename, dirname, join } from 'node:path';
import type { FileHost } from '../core/environment.js';

export const DEFAULT_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];
export const OVERRIDE_FILES = ['compose.override.yml', 'compose.override.yaml', 'docker-compose.override.yml', 'docker-compose.override.yaml'];
const OVERRIDE_OF = /^(.+)\.override\.(ya?ml)$/;
const VARIANT = /^(?:(?:docker-)?compose\.[^/]+|[^/]+\.compose)\.ya?ml$/;

export interface LayerPlan {
  /** Absolute paths, base first. */
  layers: string[];
  /** The linted file is an override whose base is linted too: the base reports the merged project. */
  secondary: boolean;
  /** A variant file that may be an override of `base`, to be decided after loading it alone. */
  variantOf?: string;
}

export function planLayers(absolute: string, host: FileHost, linted: ReadonlySet<string>): LayerPlan {
  const dir = dirname(absolute);
  const name = basename(absolute);
  const firstExisting = (names: readonly string[]) => names.map((n) => join(dir, n)).find((p) => p === absolute || host.exists(p));
  const folderBase = firstExisting(DEFAULT_FILES);
  if (DEFAULT_FILES.includes(name)) {
    if (folderBase !== absolute) return { layers: [absolute], secondary: false };
    const override = firstExisting(OVERRIDE_FILES);
    return { layers: override ? [absolute, override] : [absolute], secondary: false };
  }
  if (OVERRIDE_FILES.includes(name)) {
    if (!folderBase || firstExisting(OVERRIDE_FILES) !== absolute) return { layers: [absolute], secondary: false };
    return { layers: [folderBase, absolute], secondary: linted.has(folderBase) };
  }
  const override = OVERRIDE_OF.exec(name);
  if (override) {
    const base = firstExisting([`${override[1]}.yaml`, `${override[1]}.yml`]);
    if (base) return { layers: [base, absolute], secondary: linted.has(base) };
  }
  if (VARIANT.test(name) && folderBase && folderBase !== absolute) return { layers: [absolute], secondary: false, variantOf: folderBase };
  return { layers: [absolute], secondary: false };
}
