/** Entry point of the GitHub Action (bundled into dist/action/index.mjs by scripts/bundle-action.mjs). */
import { setFlagsFromString } from 'node:v8';
import { runAction } from './run.js';

// As in bin/plimsoll.js: the WASM baseline tier alone is faster for a one-shot run.
setFlagsFromString('--liftoff-only');

process.exitCode = await runAction(process.env, {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
});
