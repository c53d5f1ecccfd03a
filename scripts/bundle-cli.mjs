// Bundles the command line (src/cli/main.ts) with esbuild into build/cli/, for start-up time:
// Node loads one file instead of ~370 modules (0.38 s → about 0.2 s for one small file, see
// the README's performance section). What a run may not need (the yaml package's reader,
// Ajv, cosmiconfig, the diff library, tree-sitter) stays behind dynamic imports, in chunks
// loaded on demand. bin/plimsoll.js uses the bundle when it is there, the modules otherwise.
// The library (build/src/index.js) and the `--jobs` worker are not bundled.
//
//   node scripts/bundle-cli.mjs        (part of `npm run build`)
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'build', 'cli');
const require = createRequire(import.meta.url);

// esbuild is a devDependency: without it (an install without dev dependencies) there is no
// bundle, and bin/plimsoll.js runs the separate modules.
let build;
let rewriteLazyRequires;
try {
  ({ build } = await import('esbuild'));
  ({ rewriteLazyRequires } = await import('./bundle-action.mjs'));
} catch {
  console.log('bundle-cli: esbuild is not installed; the command line runs unbundled.');
  process.exit(0);
}

if (!existsSync(join(ROOT, 'rules', 'index.ts'))) throw new Error('rules/index.ts is missing: run the rule index generation first.');
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
await build({
  absWorkingDir: ROOT,
  entryPoints: { main: 'src/cli/main.ts' },
  outdir: OUT,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Dependencies are installed beside the package: only our own code is bundled with the
  // small, always-needed ones; the rest stay packages, loaded when a run needs them.
  packages: 'external',
  banner: { js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
  legalComments: 'none',
  charset: 'utf8',
  // Less to parse at start-up; identifiers keep their names (stack traces, rule ids are strings anyway).
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'bundle-lazy-requires',
      setup(b) {
        b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => ({ contents: rewriteLazyRequires(readFileSync(args.path, 'utf8')), loader: 'ts' }));
      },
    },
  ],
});
// The shell grammar is looked for beside the module that loads it (src/parse/dockerfile/shell.ts).
copyFileSync(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm'), join(OUT, 'tree-sitter-bash.wasm'));
console.log('bundle-cli: wrote build/cli/');
