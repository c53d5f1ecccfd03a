/** The `yaml` package, loaded on first use: the fast reader (scan.ts) handles nearly every file without it. */
import { createRequire } from 'node:module';

const requireModule = createRequire(import.meta.url);
let lib: typeof import('yaml') | undefined;

export const yamlLibrary = (): typeof import('yaml') => (lib ??= requireModule('yaml') as typeof import('yaml'));
