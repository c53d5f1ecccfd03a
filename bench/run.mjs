// `npm run bench`: Plimsoll against the floor (reading + the fastest parsers) and against the
// tools users would pick instead, on ../shared/corpus/real, in one run; plus cold start, peak
// memory, and growth on a generated project. Each measurement is a fresh process (see
// measure()). Prints tables of medians (wall and CPU time; compare ratios, which hold on a
// busy machine better than times); writes bench/results.json.
//   BENCH_REPS=n   repetitions (default 5)      BENCH_SCALE=1,3,10   sizes of the generated project
//   BENCH_ONLY=floors,lint,alternatives,cold,whole,scale   run only these parts
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateScaleSet } from './generate-scale-set.mjs';
import { child, corpusFiles, mb, median, ms, processTime, ratio, ratios, table, wc } from './lib.mjs';

const root = resolve(import.meta.dirname, '..');
const corpus = resolve(root, '..', 'shared', 'corpus', 'real');
if (!existsSync(join(corpus, 'INDEX.tsv'))) {
  console.log(`bench: skipped — the corpus is not at ${corpus} (clone ../shared beside the project).`);
  process.exit(0);
}
const REPS = Number(process.env.BENCH_REPS ?? 5);
const SCALES = (process.env.BENCH_SCALE ?? '1,3,10').split(',').map(Number);
const CPUS = availableParallelism();
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : undefined;
const want = (part) => !ONLY || ONLY.has(part);

const files = corpusFiles(corpus);
const bytes = Object.fromEntries(Object.entries(files).map(([k, list]) => [k, list.reduce((s, p) => s + statSync(p).size, 0)]));
const results = {
  date: new Date().toISOString(),
  machine: { cpus: CPUS, model: cpus()[0]?.model, node: process.version },
  reps: REPS,
  counts: Object.fromEntries(Object.entries(files).map(([k, v]) => [k, v.length])),
  bytes,
  times: {},
};
const t = results.times;
const step = (name) => process.stderr.write(`bench: ${name}…\n`);
const work = mkdtempSync(join(tmpdir(), 'bench-'));
const lists = Object.fromEntries(
  Object.entries(files).map(([k, list]) => {
    const path = join(work, `${k}.txt`);
    writeFileSync(path, list.join('\n'));
    return [k, path];
  }),
);
const TASK = join(root, 'bench', 'task.mjs');

/**
 * Every measurement is a fresh process running one task (bench/task.mjs) on the same files:
 * start-up, module loading and JIT warm-up count for Plimsoll and the others alike, and no
 * cache outlives a run. Medians of `reps` runs, after one that warms the file cache.
 */
function measure(task, format, reps = REPS, extra = []) {
  const run = () => {
    const r = child([TASK, task, lists[format], ...extra], { cwd: corpus });
    if (r.status !== 0) throw new Error(`${task} failed: ${r.stderr.slice(0, 800)}`);
    return { ...JSON.parse(r.stdout.trim().split('\n').at(-1)), wall: r.wall, cpu: r.cpu, maxRss: r.maxRss };
  };
  run();
  const runs = Array.from({ length: reps }, run);
  return { wall: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)), maxRss: median(runs.map((r) => r.maxRss)), found: runs[0].found, digest: runs[0].digest };
}

// ---- floors: reading + the fastest parsers, and reading + Plimsoll's own parsers ------------
if (want('floors')) {
  step('floors');
  t.floorK8s = measure('js-yaml', 'k8s');
  t.floorCompose = measure('js-yaml', 'compose');
  t.floorDockerfile = measure('tokenize', 'dockerfile');
  t.parseK8s = measure('parse-yaml-1.1', 'k8s');
  t.parseCompose = measure('parse-yaml-1.2', 'compose');
  t.parseDockerfile = measure('parse-dockerfile', 'dockerfile');
  t.parseDockerfileShell = measure('parse-dockerfile-shell', 'dockerfile');
}

// ---- Plimsoll: the full lint of each format (schema + recommended rules + graph), one process ----
if (want('lint')) {
  step('Plimsoll full lint');
  for (const [key, format] of [['K8s', 'k8s'], ['Compose', 'compose'], ['Dockerfile', 'dockerfile']]) {
    t[`lint${key}`] = measure('lint', format);
    t[`lint${key}Jobs`] = measure('lint', format, Math.max(3, REPS >> 1), ['--jobs', String(CPUS)]);
    t[`lint${key}Jobs`].sameResult = t[`lint${key}Jobs`].digest === t[`lint${key}`].digest;
  }
  t.schemaK8s = measure('lint-schema', 'k8s');
}

// ---- the alternatives, same files --------------------------------------------------------
if (want('alternatives')) {
  step('alternatives');
  t.kubernetesModels = measure('kubernetes-models', 'k8s');
  // dclint takes over half a minute on the corpus: one run.
  t.dclint = measure('dclint', 'compose', 1);
  t.dockerfilelint = measure('dockerfilelint', 'dockerfile');
  t.dockerfileUtils = measure('dockerfile-utils', 'dockerfile');
}

// ---- cold start: one small file per format, each a fresh process ----------------------------
if (want('cold')) {
  step('cold start');
  const samples = join(root, 'bench', 'samples');
  const cli = join(root, 'bin', 'plimsoll.js');
  // A project of its own, outside this repository, as a user's would be (no config file).
  const coldDir = mkdtempSync(join(tmpdir(), 'bench-cold-'));
  for (const sample of ['Dockerfile', 'deployment.yaml', 'compose.yaml']) writeFileSync(join(coldDir, sample), readFileSync(join(samples, sample)));
  t.nodeBaseline = processTime(['-e', '0'], 21, { cwd: coldDir });
  for (const [key, sample] of [['coldDockerfile', 'Dockerfile'], ['coldK8s', 'deployment.yaml'], ['coldCompose', 'compose.yaml']]) {
    // As a user runs it: config files looked for (there are none), the default output.
    t[key] = processTime([cli, sample], 21, { cwd: coldDir });
  }
  rmSync(coldDir, { recursive: true, force: true });
}

// ---- the whole corpus in one process: time and peak memory; growth with size ---------------
if (want('whole')) step('whole corpus');
const listFile = join(work, 'all.txt');
writeFileSync(listFile, [...files.k8s, ...files.compose, ...files.dockerfile].join('\n'));
const whole = (jobs) => {
  const r = child([join(root, 'bench', 'child-lint.mjs'), '--list', listFile, '--jobs', String(jobs)], { cwd: corpus });
  if (r.status !== 0) throw new Error(`child-lint failed: ${r.stderr.slice(0, 500)}`);
  return { ...JSON.parse(r.stdout.trim().split('\n').at(-1)), wall: r.wall, cpu: r.cpu, maxRss: r.maxRss };
};
if (want('whole')) {
  results.wholeCorpus = whole(1);
  results.wholeCorpusJobs = whole(CPUS);
  results.wholeCorpusJobs.sameResult = results.wholeCorpusJobs.digest === results.wholeCorpus.digest;
}

if (want('scale')) step('generated project');
const k8sDocuments = readFileSync(join(corpus, 'INDEX.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((r) => r.split('\t'))
  .filter((r) => r[1] === 'k8s')
  .reduce((sum, r) => sum + Number(r[2] || 0), 0);
results.scale = [];
for (const factor of want('scale') ? SCALES : []) {
  const dir = join(work, `scale-${factor}`);
  const generated = generateScaleSet(dir, k8sDocuments * factor);
  const r = child([join(root, 'bench', 'child-lint.mjs'), '--dir', dir], { cwd: work });
  if (r.status !== 0) throw new Error(`child-lint failed: ${r.stderr.slice(0, 500)}`);
  results.scale.push({ factor, ...generated, ...JSON.parse(r.stdout.trim().split('\n').at(-1)), wall: r.wall, cpu: r.cpu, maxRss: r.maxRss });
}
rmSync(work, { recursive: true, force: true });

// ---- report ---------------------------------------------------------------------------------
const n = results.counts;
const kb = (k) => `${(bytes[k] / 1048576).toFixed(1)} MB`;
const out = [];
out.push(`Plimsoll bench — ${CPUS} CPUs (${results.machine.model}), Node ${results.machine.node}; each figure a fresh process, medians of ${REPS} runs, wall / CPU time; ratios of CPU time (wall in brackets)`);
out.push('');
if (t.lintK8s || t.floorK8s) out.push(
  table(
    ['format', 'files', 'floor (js-yaml / tokenizer)', 'Plimsoll parsers', 'full lint, 1 thread, peak RSS', `full lint, --jobs ${CPUS}`, 'lint / floor'],
    [
      ['Kubernetes', `${n.k8s} (${kb('k8s')})`, wc(t.floorK8s), wc(t.parseK8s), `${wc(t.lintK8s)}, ${mb(t.lintK8s?.maxRss)}`, wc(t.lintK8sJobs), ratios(t.lintK8s, t.floorK8s)],
      ['Compose', `${n.compose} (${kb('compose')})`, wc(t.floorCompose), wc(t.parseCompose), `${wc(t.lintCompose)}, ${mb(t.lintCompose?.maxRss)}`, wc(t.lintComposeJobs), ratios(t.lintCompose, t.floorCompose)],
      ['Dockerfile', `${n.dockerfile} (${kb('dockerfile')})`, wc(t.floorDockerfile), `${wc(t.parseDockerfile)} (with shell: ${wc(t.parseDockerfileShell)})`, `${wc(t.lintDockerfile)}, ${mb(t.lintDockerfile?.maxRss)}`, wc(t.lintDockerfileJobs), ratios(t.lintDockerfile, t.floorDockerfile)],
    ],
  ),
);
if (t.lintK8s) out.push(`(--jobs ${CPUS} gives the same findings as one thread: ${['K8s', 'Compose', 'Dockerfile'].every((k) => t[`lint${k}Jobs`].sameResult) ? 'yes' : 'NO'}.)`);
out.push('');
if (t.dclint) out.push(
  table(
    ['alternative', 'on', 'its time', 'Plimsoll', 'Plimsoll / alternative'],
    [
      ['kubernetes-models (schema only)', 'Kubernetes', wc(t.kubernetesModels), `${wc(t.schemaK8s)} (schema only)`, ratios(t.schemaK8s, t.kubernetesModels)],
      ['dclint', 'Compose', wc(t.dclint), wc(t.lintCompose), ratios(t.lintCompose, t.dclint)],
      ['dockerfilelint', 'Dockerfile', wc(t.dockerfilelint), wc(t.lintDockerfile), ratios(t.lintDockerfile, t.dockerfilelint)],
      ['dockerfile-utils (validate)', 'Dockerfile', wc(t.dockerfileUtils), wc(t.lintDockerfile), ratios(t.lintDockerfile, t.dockerfileUtils)],
    ],
  ),
);
out.push('');
if (t.nodeBaseline) out.push(`Cold start (one small file, a fresh process, medians of 21): node -e 0 takes ${wc(t.nodeBaseline)}`);
if (t.nodeBaseline) out.push(
  table(
    ['file', 'wall / CPU', '/ node -e 0', 'peak RSS'],
    [
      ['Dockerfile', wc(t.coldDockerfile), ratios(t.coldDockerfile, t.nodeBaseline), mb(t.coldDockerfile.maxRss)],
      ['Kubernetes manifest', wc(t.coldK8s), ratios(t.coldK8s, t.nodeBaseline), mb(t.coldK8s.maxRss)],
      ['compose.yaml', wc(t.coldCompose), ratios(t.coldCompose, t.nodeBaseline), mb(t.coldCompose.maxRss)],
    ],
  ),
);
out.push('');
const w = results.wholeCorpus;
const wj = results.wholeCorpusJobs;
if (w) out.push(`Whole corpus in one process: ${w.files} files, ${ms(w.wall)} wall / ${ms(w.cpu)} CPU, peak RSS ${mb(w.maxRss)}, ${w.internalErrors} internal errors.`);
if (wj) out.push(`  with --jobs ${CPUS}: ${ms(wj.wall)} wall / ${ms(wj.cpu)} CPU, peak RSS ${mb(wj.maxRss)}; same findings as one thread: ${wj.sameResult ? 'yes' : 'NO'}.`);
out.push('');
const base = results.scale[0];
if (base) out.push('Generated project (Kubernetes: Deployments, Services, Ingresses, NetworkPolicies, quotas in many namespaces), growth with size:');
if (base) out.push(
  table(
    ['size', 'files', 'documents', 'wall / CPU', 'CPU / 1×', 'peak RSS'],
    results.scale.map((s) => [`${s.factor}×`, s.files, s.documents, `${ms(s.wall)} / ${ms(s.cpu)}`, ratio(s.cpu, base.cpu), mb(s.maxRss)]),
  ),
);
console.log(out.join('\n'));
writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('\nResults written to bench/results.json.');
