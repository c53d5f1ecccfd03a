// Compiles schemas/kubernetes/<version>/definitions.json into Ajv standalone validators,
// one CommonJS module per apiVersion exporting one function per kind, under
// build/kubernetes-validators/<version>/ (run by `npm run build`). A stamp of the input's hash
// skips versions that did not change, so a rebuild costs nothing when schemas are unchanged.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemas = join(root, 'schemas', 'kubernetes');
const out = join(root, 'build', 'kubernetes-validators');
const COMPILER = 'ajv-8 allErrors messages:false inlineRefs:false v1';

/** apiVersion → module file name (`apps/v1` → `apps_v1.cjs`, `v1` → `core_v1.cjs`). */
const moduleFileOf = (apiVersion) => `${apiVersion.includes('/') ? apiVersion.replace(/[^\w]/g, '_') : `core_${apiVersion}`}.cjs`;

const { versions } = JSON.parse(readFileSync(join(schemas, 'versions.json'), 'utf8'));
const started = performance.now();
let compiled = 0;
for (const version of versions) {
  const kindsText = readFileSync(join(schemas, version, 'kinds.json'), 'utf8');
  const definitionsText = readFileSync(join(schemas, version, 'definitions.json'), 'utf8');
  const hash = createHash('sha256').update(COMPILER).update(kindsText).update(definitionsText).digest('hex');
  const dir = join(out, version);
  const stamp = join(dir, '.stamp');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) continue;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const { apiVersions } = JSON.parse(kindsText);
  const { definitions } = JSON.parse(definitionsText);
  for (const [apiVersion, kinds] of Object.entries(apiVersions)) {
    // One Ajv instance per module: the module holds exactly the code its kinds need.
    const ajv = new Ajv({ allErrors: true, strict: false, messages: false, inlineRefs: false, code: { source: true, optimize: 1, lines: false } });
    ajv.addSchema({ $id: 'k8s', definitions });
    const refs = {};
    for (const [kind, id] of Object.entries(kinds)) refs[kind] = `k8s#/definitions/${id}`;
    writeFileSync(join(dir, moduleFileOf(apiVersion)), standaloneCode(ajv, refs));
  }
  writeFileSync(stamp, hash);
  compiled++;
}
const leftovers = existsSync(out) ? readdirSync(out).filter((v) => !versions.includes(v)) : [];
for (const v of leftovers) rmSync(join(out, v), { recursive: true, force: true });
if (compiled > 0) console.log(`kubernetes validators: ${compiled} version(s) compiled in ${Math.round(performance.now() - started)} ms`);
