// `npm run bench`: Plimsoll against the floor (reading + the fastest parsers) and against
// the tools users would pick instead, on ../shared/corpus/real, plus cold start, peak
// memory and growth on a generated project. Prints a table; writes bench/results.json.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import yaml from 'js-yaml';
import { generateScaleSet } from './generate-scale-set.mjs';
import { childJson, corpusFiles, mb, ms, processTime, ratio, table, time } from './lib.mjs';

const root = resolve(import.meta.dirname, '..');
const corpus = resolve(root, '..', 'shared', 'corpus', 'real');
if (!existsSync(join(corpus, 'INDEX.tsv'))) {
  console.log(`bench: skipped — the corpus is not at ${corpus} (clone ../shared beside the project).`);
  process.exit(0);
}
const REPS = Number(process.env.BENCH_REPS ?? 5);
const require = createRequire(import.meta.url);
const { parseYaml } = await import('../build/src/parse/yaml/parse.js');
const { parseDockerfile } = await import('../build/src/parse/dockerfile/parser.js');
const { initShellParser } = await import('../build/src/parse/dockerfile/shell.js');
const { shellOfInstruction } = await import('../build/src/model/dockerfile-shell.js');
const { lintFiles } = await import('../build/src/core/lint-files.js');
const { findRule } = await import('../build/src/core/registry.js');
const { resolveInlineConfig } = await import('../build/src/core/config.js');
await initShellParser();

const files = corpusFiles(corpus);
const read = (list) => list.map((p) => readFileSync(p, 'utf8'));
const asExplicit = (list) => list.map((p) => ({ absolute: p, display: p, explicit: true }));
const results = { machine: { cpus: availableParallelism(), model: cpus()[0]?.model, node: process.version }, counts: {}, times: {} };
for (const [k, v] of Object.entries(files)) results.counts[k] = v.length;
const t = results.times;

// ---- floors ------------------------------------------------------------------------
const jsYamlAll = (list) => {
  for (const text of read(list)) {
    try {
      yaml.loadAll(text);
    } catch {
      // Invalid YAML costs the same attempt in every parser.
    }
  }
};
/** A plain Dockerfile tokenizer: lines, continuations, the instruction keyword. */
const tokenizeDockerfiles = (list) => {
  let n = 0;
  for (const text of read(list)) {
    let logical = '';
    for (const line of text.split('\n')) {
      const trimmed = line.trim();
      if (!trimmed || trimmed.startsWith('#')) continue;
      if (trimmed.endsWith('\\')) {
        logical += trimmed.slice(0, -1);
        continue;
      }
      logical += trimmed;
      n += logical.split(/\s/, 1)[0].length;
      logical = '';
    }
  }
  return n;
};
t.floorK8s = await time(() => jsYamlAll(files.k8s), REPS);
t.floorCompose = await time(() => jsYamlAll(files.compose), REPS);
t.floorDockerfile = await time(() => tokenizeDockerfiles(files.dockerfile), REPS);

// ---- Plimsoll's own parsers ----------------------------------------------------------
t.parseK8s = await time(() => read(files.k8s).forEach((text) => parseYaml(text, { version: '1.1' })), REPS);
t.parseCompose = await time(() => read(files.compose).forEach((text) => parseYaml(text, { version: '1.2' })), REPS);
t.parseDockerfile = await time(() => {
  for (const text of read(files.dockerfile)) {
    const df = parseDockerfile(text);
    for (const ins of df.instructions) if (ins.keyword === 'RUN') shellOfInstruction(ins, text, df);
  }
}, REPS);

// ---- full lint, one process, single-threaded ------------------------------------------
const lint = (list, config) => lintFiles([], { cwd: root, files: asExplicit(list), noConfig: true, ...(config ? { config } : {}) });
const fullReps = Math.max(3, Math.floor(REPS / 2));
t.lintK8s = await time(() => lint(files.k8s), fullReps);
t.lintCompose = await time(() => lint(files.compose), fullReps);
t.lintDockerfile = await time(() => lint(files.dockerfile), fullReps);
if (findRule('kubernetes-schema')) {
  const schemaOnly = resolveInlineConfig({ extends: [], rules: { 'kubernetes-schema': 'error' } }, root);
  t.schemaK8s = await time(() => lint(files.k8s, schemaOnly), fullReps);
}

// ---- the alternatives, same files, same process ---------------------------------------
const { DCLinter } = await import('dclint');
const dclint = new DCLinter({ rules: {}, quiet: true, debug: false, exclude: [] });
t.dclint = await time(() => dclint.lintFiles(files.compose, false), fullReps);

const dockerfilelint = require('dockerfilelint');
const noConfigDir = mkdtempSync(join(tmpdir(), 'bench-'));
t.dockerfilelint = await time(() => {
  for (const text of read(files.dockerfile)) {
    try {
      dockerfilelint.run(noConfigDir, text);
    } catch {
      // It throws on some inputs; the time spent still counts.
    }
  }
}, fullReps);
const { validate: dockerfileUtilsValidate } = require('dockerfile-utils');
t.dockerfileUtils = await time(() => read(files.dockerfile).forEach((text) => dockerfileUtilsValidate(text)), fullReps);

const models = new Map();
function modelFor(apiVersion, kind) {
  const key = `${apiVersion}/${kind}`;
  if (!models.has(key)) {
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : [undefined, apiVersion];
    const path = group ? `kubernetes-models/${group}/${version}/${kind}` : `kubernetes-models/${version}/${kind}`;
    let model;
    try {
      model = require(path)[kind];
    } catch {
      model = undefined;
    }
    models.set(key, model);
  }
  return models.get(key);
}
t.kubernetesModels = await time(() => {
  for (const text of read(files.k8s)) {
    let docs = [];
    try {
      docs = yaml.loadAll(text);
    } catch {
      continue;
    }
    for (const doc of docs) {
      if (!doc || typeof doc !== 'object' || typeof doc.apiVersion !== 'string' || typeof doc.kind !== 'string') continue;
      const Model = modelFor(doc.apiVersion, doc.kind);
      if (!Model) continue;
      try {
        new Model(doc).validate();
      } catch {
        // Invalid documents are part of the work.
      }
    }
  }
}, fullReps);
rmSync(noConfigDir, { recursive: true, force: true });

// ---- cold start -------------------------------------------------------------------------
const samples = join(root, 'bench', 'samples');
const cli = join(root, 'bin', 'plimsoll.js');
t.nodeBaseline = processTime(process.execPath, ['-e', '0']);
t.coldDockerfile = processTime(process.execPath, [cli, '--no-config', join(samples, 'Dockerfile')]);
t.coldK8s = processTime(process.execPath, [cli, '--no-config', join(samples, 'deployment.yaml')]);
t.coldCompose = processTime(process.execPath, [cli, '--no-config', join(samples, 'compose.yaml')]);

// ---- peak memory of the whole corpus, and growth with size ------------------------------
const work = mkdtempSync(join(tmpdir(), 'bench-'));
const listFile = join(work, 'all.txt');
writeFileSync(listFile, [...files.k8s, ...files.compose, ...files.dockerfile].join('\n'));
results.wholeCorpus = childJson(join(root, 'bench', 'child-lint.mjs'), ['--list', listFile], { cwd: root });
const k8sDocuments = readFileSync(join(corpus, 'INDEX.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((r) => r.split('\t'))
  .filter((r) => r[1] === 'k8s')
  .reduce((sum, r) => sum + Number(r[2] || 0), 0);
results.scale = [];
for (const factor of [1, 3, 10]) {
  const dir = join(work, `scale-${factor}`);
  const generated = generateScaleSet(dir, k8sDocuments * factor);
  const run = childJson(join(root, 'bench', 'child-lint.mjs'), ['--dir', dir], { cwd: root });
  results.scale.push({ factor, ...generated, ms: run.ms, maxRss: run.maxRss });
}
rmSync(work, { recursive: true, force: true });

// ---- report -----------------------------------------------------------------------------
const n = results.counts;
console.log(`\nPlimsoll bench — ${results.machine.cpus} CPUs (${results.machine.model}), Node ${results.machine.node}, medians of ${REPS} runs\n`);
console.log(
  table(
    ['format', 'files', 'floor (js-yaml / tokenizer)', 'Plimsoll parsers', 'Plimsoll full lint', 'lint / floor', 'alternative', 'alt time', 'Plimsoll / alt'],
    [
      ['Kubernetes', n.k8s, ms(t.floorK8s), ms(t.parseK8s), ms(t.lintK8s), ratio(t.lintK8s, t.floorK8s), 'kubernetes-models (schema only)', ms(t.kubernetesModels), `${ratio(t.schemaK8s, t.kubernetesModels)} (schema only)`],
      ['Compose', n.compose, ms(t.floorCompose), ms(t.parseCompose), ms(t.lintCompose), ratio(t.lintCompose, t.floorCompose), 'dclint', ms(t.dclint), ratio(t.lintCompose, t.dclint)],
      ['Dockerfile', n.dockerfile, ms(t.floorDockerfile), ms(t.parseDockerfile), ms(t.lintDockerfile), ratio(t.lintDockerfile, t.floorDockerfile), 'dockerfilelint', ms(t.dockerfilelint), ratio(t.lintDockerfile, t.dockerfilelint)],
      ['', '', '', '', '', '', 'dockerfile-utils', ms(t.dockerfileUtils), ratio(t.lintDockerfile, t.dockerfileUtils)],
    ],
  ),
);
console.log(`\nCold start (one small file, fresh process): node -e 0 ${ms(t.nodeBaseline)}`);
console.log(
  table(
    ['file', 'time', '/ node -e 0'],
    [
      ['Dockerfile', ms(t.coldDockerfile), ratio(t.coldDockerfile, t.nodeBaseline)],
      ['Kubernetes manifest', ms(t.coldK8s), ratio(t.coldK8s, t.nodeBaseline)],
      ['compose.yaml', ms(t.coldCompose), ratio(t.coldCompose, t.nodeBaseline)],
    ],
  ),
);
const w = results.wholeCorpus;
console.log(`\nWhole corpus in one process: ${w.files} files, ${ms(w.ms)}, peak RSS ${mb(w.maxRss)}, ${w.internalErrors} internal errors.`);
console.log('\nGenerated project (Kubernetes), growth with size:');
const base = results.scale[0];
console.log(
  table(
    ['size', 'files', 'documents', 'time', 'time / 1×', 'peak RSS'],
    results.scale.map((s) => [`${s.factor}×`, s.files, s.documents, ms(s.ms), ratio(s.ms, base.ms), mb(s.maxRss)]),
  ),
);
writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('\nResults written to bench/results.json.');
