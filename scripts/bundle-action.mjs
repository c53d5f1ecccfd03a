// Bundles the GitHub Action (src/action/index.ts) with esbuild into dist/action/: one ES
// module, the two WASM files the shell parser loads from beside it, the compiled Kubernetes
// validators, and the licences of what was bundled. dist/ is committed, because GitHub runs an action from its repository
// as it is, without installing anything.
//
//   node scripts/bundle-action.mjs              write dist/action (npm run bundle)
//   node scripts/bundle-action.mjs --unless-ci  the same, except under CI=true, where the
//                                               committed dist/ is what the tests verify
//
// Needs the generated rule indexes (npm run build first). The output is deterministic:
// test/action.test.ts bundles again into a temporary folder and compares byte by byte.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DIST = join(ROOT, 'dist', 'action');
const require = createRequire(import.meta.url);

/** Files loaded at run time from beside the bundle (see src/parse/dockerfile/shell.ts). */
const ASSETS = ['web-tree-sitter/web-tree-sitter.wasm', 'tree-sitter-bash/tree-sitter-bash.wasm'];
/**
 * Build output loaded at run time, copied beside the bundle: the Kubernetes validators
 * `npm run build` compiles (self-contained CommonJS, loaded per apiVersion; see
 * src/model/kubernetes/schema/builtin.ts). Files under schemas/ are read from the
 * repository itself, where they are committed.
 */
const BUILD_DIRS = [
  { from: 'build/kubernetes-validators', to: 'kubernetes-validators', include: /\.cjs$/ },
  { from: 'build/generated', to: 'generated', include: /^compose-spec-validator\.cjs$/ },
];

/**
 * The core loads CommonJS lazily with `createRequire(import.meta.url)('x')` or through a
 * `const r = createRequire(import.meta.url)` alias. esbuild cannot see through either, so
 * calls with a literal module name become `require('x')`, which esbuild bundles. Calls with
 * a computed path (files on disk, like the Kubernetes validators) stay run-time requires.
 */
export function rewriteLazyRequires(text) {
  let out = text.replace(/createRequire\(import\.meta\.url\)\((['"][^'"]+['"])\)/g, 'require($1)');
  const aliases = [...out.matchAll(/\b(?:const|let|var)\s+(\w+)\s*=\s*createRequire\(import\.meta\.url\)/g)].map((m) => m[1]);
  for (const alias of new Set(aliases)) {
    const runtime = `__runtimeRequire_${alias}`;
    out = out
      .replace(new RegExp(`\\b${alias}\\((['"][^'"]+['"])\\)`, 'g'), '__bundledRequire($1)')
      .replace(new RegExp(`(?<![.\\w$'"])${alias}\\b(?!['"])`, 'g'), runtime)
      .replace(/__bundledRequire\(/g, 'require(');
  }
  return out;
}

const bundleLazyRequires = {
  name: 'bundle-lazy-requires',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => ({ contents: rewriteLazyRequires(readFileSync(args.path, 'utf8')), loader: 'ts' }));
  },
};

export async function bundleAction(outdir = DIST) {
  if (!existsSync(join(ROOT, 'rules', 'index.ts'))) throw new Error('rules/index.ts is missing: run "npm run build" first.');
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { index: 'src/action/index.ts' },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // cosmiconfig would load TypeScript only for a .ts config file; the Action does not bundle it.
    external: ['typescript'],
    // CommonJS dependencies require Node's built-ins; give the ES module a real `require`.
    banner: { js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
    legalComments: 'none',
    charset: 'utf8',
    metafile: true,
    logLevel: 'warning',
    plugins: [bundleLazyRequires],
  });
  const code = readFileSync(join(outdir, 'index.mjs'), 'utf8');
  if (/createRequire\(import\.meta\.url\)\(["']/.test(code)) throw new Error('the bundle still loads a module at run time that it does not contain');
  for (const asset of ASSETS) copyFileSync(require.resolve(asset), join(outdir, asset.split('/').pop()));
  for (const { from, to, include } of BUILD_DIRS) await copyBuildOutput(join(ROOT, from), join(outdir, to), include);
  writeFileSync(join(outdir, 'licenses.txt'), licences(result.metafile));
  return readdirSync(outdir).sort();
}

/**
 * Copies compiled CommonJS modules; one that requires a package (Ajv's runtime helpers) is
 * bundled with it instead, since the Action has no node_modules.
 */
async function copyBuildOutput(source, target, include) {
  if (!existsSync(source)) throw new Error(`${relative(ROOT, source)} is missing: run "npm run build" first.`);
  for (const name of (readdirSync(source, { recursive: true })).sort()) {
    const from = join(source, name);
    if (statSync(from).isDirectory() || !include.test(basename(name))) continue;
    const to = join(target, name);
    mkdirSync(dirname(to), { recursive: true });
    if (!/\brequire\(/.test(readFileSync(from, 'utf8'))) copyFileSync(from, to);
    else await build({ absWorkingDir: ROOT, entryPoints: [from], outfile: to, bundle: true, platform: 'node', format: 'cjs', target: 'node20', minifyWhitespace: true, legalComments: 'none', logLevel: 'warning' });
  }
}

/** The licence of every package in the bundle (MIT and similar ask for their notice to be kept). */
function licences(metafile) {
  const packages = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    const m = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (m) packages.set(m[1], join(ROOT, input.slice(0, m.index + m[0].length)));
  }
  for (const asset of ASSETS) packages.set(asset.split('/')[0], dirname(require.resolve(asset)));
  const sections = [...packages].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, dir]) => {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
    const text = file ? readFileSync(join(dir, file), 'utf8').trim() : `License: ${pkg.license ?? 'unknown'}`;
    return `${name}@${pkg.version} (${pkg.license ?? 'unknown'}) — ${relative(ROOT, dir)}\n\n${text}\n`;
  });
  return `Third-party software bundled in dist/action/ by scripts/bundle-action.mjs.\n\n${sections.join('\n----------------------------------------\n\n')}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--unless-ci') && process.env.CI) {
    console.log('bundle-action: CI is set, so dist/ is verified as committed, not rebuilt.');
  } else {
    const files = await bundleAction();
    console.log(`bundle-action: wrote ${relative(ROOT, DIST)}/ (${files.join(', ')})`);
  }
}
