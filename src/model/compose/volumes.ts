/**
 * The short volume syntax as compose-go's ParseVolume reads it: `[SOURCE:]TARGET[:MODE]`,
 * Windows drive letters (`C:\data:/data`) kept whole. A source that starts with `.`, `/`,
 * `~`, `\\` or a drive letter is a bind mount (whose folder Docker creates when missing);
 * any other source is a named volume; no source is an anonymous volume.
 */
export interface ShortVolume {
  type: 'bind' | 'volume';
  source?: string;
  target: string;
  readOnly: boolean;
  options: string[];
}

export type VolumeParse = ShortVolume | { error: string };

export function parseShortVolumeSpec(spec: string): VolumeParse {
  if (spec.length === 0) return { error: 'an empty volume' };
  if (spec.length <= 2) return { type: 'volume', target: spec, readOnly: false, options: [] };
  const parts: string[] = [];
  let buffer = '';
  for (const char of spec) {
    if (char === ':' && buffer.length === 1 && /\p{L}/u.test(buffer) && parts.length < 2) {
      buffer += char; // a drive letter
    } else if (char === ':') {
      parts.push(buffer);
      buffer = '';
    } else buffer += char;
  }
  parts.push(buffer);
  if (parts.some((p) => p === '')) return { error: 'an empty section between colons' };
  if (parts.length > 3) return { error: 'too many colons' };
  const [first, second, third] = parts as [string, string | undefined, string | undefined];
  const options = third ? third.split(',') : [];
  if (second === undefined) return { type: 'volume', target: first, readOnly: false, options };
  const readOnly = options.includes('ro') && !options.includes('rw');
  return { type: isFilePath(first) ? 'bind' : 'volume', source: first, target: second, readOnly, options };
}

/** The target of a short spec, for uniqueness when merging. */
export function parseShortVolume(spec: string): ShortVolume | undefined {
  const parsed = parseShortVolumeSpec(spec);
  return 'error' in parsed ? undefined : parsed;
}

export function isFilePath(source: string): boolean {
  if (source === '') return false;
  if (source[0] === '.' || source[0] === '/' || source[0] === '~') return true;
  if (source.startsWith('\\\\')) return true;
  return /^\p{L}:/u.test(source);
}
