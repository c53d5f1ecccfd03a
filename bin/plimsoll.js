#!/usr/bin/env node
// Thin launcher: the CLI lives in the built package (npm install builds it).
import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

// V8 recompiles hot WASM functions with its optimizing tier on background threads and
// joins them at exit: for the shell grammar that adds ~0.4 s of CPU to a one-file run.
// The baseline tier alone is faster overall, even on the whole corpus (3.7 s vs 4.1 s).
setFlagsFromString('--liftoff-only');

// The bundled command line starts in about half the time of the separate modules (see
// scripts/bundle-cli.mjs); both are built by `npm run build`.
const bundle = new URL('../build/cli/main.mjs', import.meta.url);
const entry = existsSync(bundle) ? bundle : new URL('../build/src/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('plimsoll: the package is not built; run "npm install" (or "npm run build") first.\n');
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
