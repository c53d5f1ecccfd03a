#!/usr/bin/env node
// Thin launcher: the CLI lives in the built package (npm install builds it).
import { existsSync } from 'node:fs';

const entry = new URL('../build/src/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('plimsoll: the package is not built; run "npm install" (or "npm run build") first.\n');
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
