/**
 * Image references as Docker reads them: `[registry/]path[:tag][@digest]`.
 * `docker.io/library/` is implied for single-component Docker Hub names.
 */

export interface ImageReference {
  raw: string;
  /** Registry host when given explicitly (has a `.` or `:`, or is `localhost`). */
  registry?: string;
  /** Repository path without registry, tag or digest. */
  repository: string;
  tag?: string;
  digest?: string;
  /** Contains a variable that could not be resolved (`${IMAGE}`), so tag checks do not apply. */
  dynamic: boolean;
  /** `scratch`: the empty image. */
  scratch: boolean;
}

const VARIABLE = /\$\{?[A-Za-z_]/;

export function parseImageReference(raw: string): ImageReference {
  const text = raw.trim();
  const ref: ImageReference = { raw, repository: text, dynamic: VARIABLE.test(text), scratch: text.toLowerCase() === 'scratch' };
  let rest = text;
  const at = rest.indexOf('@');
  if (at >= 0) {
    ref.digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  const slash = rest.indexOf('/');
  if (slash > 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      ref.registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  const colon = rest.lastIndexOf(':');
  if (colon > 0 && !rest.slice(colon).includes('/')) {
    ref.tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  ref.repository = rest;
  return ref;
}

/** The image is pinned to something other than `latest`: a version tag or a digest. */
export function isPinned(ref: ImageReference): boolean {
  return ref.digest !== undefined || (ref.tag !== undefined && ref.tag !== 'latest');
}
