// Regenerates schemas/kubernetes/<version>/{kinds,definitions}.json from npm packages only:
// `kubernetes-types` releases installed side by side under npm aliases (one per Kubernetes
// version; the structure, required fields, Quantity and int-or-string), plus the enums of
// `kubernetes-models` (which kubernetes-types drops). Deterministic: same packages, same bytes.
//   node scripts/build-kubernetes-schemas.mjs
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { convertKubernetesTypes, readModelEnums } from './kubernetes-schemas/convert.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Every devDependency aliased `kubernetes-types-1-NN` is one bundled Kubernetes version. */
const sources = Object.keys(pkg.devDependencies)
  .map((name) => /^kubernetes-types-(\d+)-(\d+)$/.exec(name))
  .filter(Boolean)
  .map((m) => ({ alias: m[0], version: `${m[1]}.${m[2]}` }))
  .sort((a, b) => Number(a.version.split('.')[1]) - Number(b.version.split('.')[1]));

const packageDir = (name) => dirname(require.resolve(`${name}/package.json`));
const packageVersion = (name) => JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')).version;

const enums = readModelEnums(packageDir('kubernetes-models'));
const out = join(root, 'schemas', 'kubernetes');
rmSync(out, { recursive: true, force: true });
const used = new Set();
for (const { alias, version } of sources) {
  const { definitions, kinds, enumHits } = convertKubernetesTypes(packageDir(alias), enums);
  for (const hit of enumHits) used.add(hit);
  const dir = join(out, version);
  mkdirSync(dir, { recursive: true });
  const source = `kubernetes-types@${packageVersion(alias)}, enums from kubernetes-models@${packageVersion('kubernetes-models')}`;
  writeFileSync(join(dir, 'kinds.json'), `${JSON.stringify({ kubernetesVersion: version, source, apiVersions: kinds }, null, 1)}\n`);
  writeFileSync(join(dir, 'definitions.json'), `${JSON.stringify({ definitions })}\n`);
  const count = Object.values(kinds).reduce((n, k) => n + Object.keys(k).length, 0);
  console.log(`schemas/kubernetes/${version}: ${count} kinds, ${Object.keys(definitions).length} definitions (${source})`);
}
writeFileSync(join(out, 'versions.json'), `${JSON.stringify({ versions: sources.map((s) => s.version) }, null, 2)}\n`);
const unused = [...enums.keys()].filter((k) => !used.has(k));
if (unused.length > 0) console.log(`${unused.length} enums of kubernetes-models match no bundled version (newer APIs): ${unused.slice(0, 5).join(', ')}…`);
