// `node bench/graph.mjs`: the project graph at scale — the real corpus as one project, and
// generated projects the size of its Kubernetes part and ten times that. Prints a table.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateScaleSet } from './generate-scale-set.mjs';

const root = resolve(import.meta.dirname, '..');
const corpus = resolve(root, '..', 'shared', 'corpus', 'real');
const measure = (dir) => JSON.parse(execFileSync(process.execPath, [join(root, 'bench', 'child-graph.mjs'), dir], { encoding: 'utf8', maxBuffer: 1 << 26 }));
const rows = [];
if (existsSync(join(corpus, 'INDEX.tsv'))) rows.push(['real corpus', measure(corpus)]);
else console.log(`bench: the corpus is not at ${corpus}; generated projects only.`);
const k8sDocuments = existsSync(join(corpus, 'INDEX.tsv'))
  ? readFileSync(join(corpus, 'INDEX.tsv'), 'utf8').trim().split('\n').slice(1).map((r) => r.split('\t')).filter((r) => r[1] === 'k8s').reduce((n, r) => n + Number(r[2] || 0), 0)
  : 8000;
const work = mkdtempSync(join(tmpdir(), 'plimsoll-graph-'));
for (const factor of [1, 10]) {
  const dir = join(work, `scale-${factor}`);
  generateScaleSet(dir, k8sDocuments * factor);
  rows.push([`generated ${factor}×`, measure(dir)]);
}
rmSync(work, { recursive: true, force: true });
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
console.log('| project | files | objects | workloads (pods) | lint, all files | graph build | graph rules | peak RSS |');
console.log('|---|---|---|---|---|---|---|---|');
for (const [name, r] of rows) {
  console.log(`| ${name} | ${r.files} | ${r.objects} | ${r.workloads} (${r.pods}) | ${s(r.ms.files)} | ${s(r.ms.graph)} | ${s(r.ms.graphRules)} | ${r.maxRssMb} MB |`);
}
