// One measurement of the project graph, in a fresh process: lint a folder with every rule
// (graph rules included) and report the phases, the graph's size and the peak RSS.
//   node bench/child-graph.mjs <dir>
import { setFlagsFromString } from 'node:v8';
setFlagsFromString('--liftoff-only');
const dir = process.argv[2];
const { readProject } = await import('../build/src/core/lint-files.js');
const { lintProject } = await import('../build/src/core/lint-project.js');
const started = performance.now();
const { inputs, env } = await readProject([dir], { cwd: dir });
const read = performance.now() - started;
const run = lintProject(inputs, env);
const k = run.graph.kubernetes;
const findings = run.results.reduce((n, r) => n + r.findings.length, 0);
console.log(
  JSON.stringify({
    files: inputs.length,
    objects: k.objects.length,
    workloads: k.workloads.length,
    pods: k.workloads.reduce((n, w) => n + w.replicas, 0),
    findings,
    ms: { read, ...run.timings, total: performance.now() - started },
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
