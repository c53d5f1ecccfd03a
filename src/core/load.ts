/** Reading files: bytes to text, with binary, invalid UTF-8 and I/O failures turned into findings. */
import { readFileSync } from 'node:fs';
import { lstat } from 'node:fs/promises';

export type ReadProblem =
  | { kind: 'binary' }
  | { kind: 'io'; message: string }
  | { kind: 'invalidUtf8'; offset: number };

export interface ReadResult {
  text?: string;
  problem?: ReadProblem;
}

// ignoreBOM keeps a BOM in the text (SourceText removes and remembers it, so fixes can write it back).
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });

export function decode(bytes: Uint8Array): ReadResult {
  const head = bytes.subarray(0, 8000);
  if (head.includes(0)) return { problem: { kind: 'binary' } };
  try {
    return { text: strictUtf8.decode(bytes) };
  } catch {
    // Lint what can be read; report where the first bad byte sits.
    const text = lenientUtf8.decode(bytes);
    return { text, problem: { kind: 'invalidUtf8', offset: Math.max(0, text.indexOf('\uFFFD')) } };
  }
}

/**
 * Reads one file. Synchronously under the promise: for the many small files of a run that is
 * several times cheaper than the promise API's open, stat, read and close round trips.
 */
export async function readSource(path: string): Promise<ReadResult> {
  try {
    return decode(readFileSync(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    let message = code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : code === 'ENOENT' ? 'no such file' : (error as Error).message;
    if (code === 'ENOENT' && (await lstat(path).then((l) => l.isSymbolicLink(), () => false))) message = 'a symbolic link to a file that does not exist';
    return { problem: { kind: 'io', message } };
  }
}
