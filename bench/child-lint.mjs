// Lints a list of files (or a folder) in this process and prints one JSON line with the
// wall time, the counts and the result's digest; the bench runs it as a child (with
// bench/usage.cjs preloaded for CPU time and peak RSS), so memory is measured per run.
//   node bench/child-lint.mjs --list <file-with-paths> | --dir <folder>  [--jobs N]
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const args = process.argv.slice(2);
const get = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const { lintFiles } = await import('../build/src/core/lint-files.js');
const { displayPath } = await import('../build/src/core/discover.js');

const list = get('--list');
const dir = get('--dir');
const cwd = process.cwd();
const files = list
  ? readFileSync(list, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((p) => ({ absolute: resolve(p), display: displayPath(cwd, resolve(p)), explicit: true }))
  : undefined;
const jobs = get('--jobs') ? Number(get('--jobs')) : 1;

const start = performance.now();
const result = await lintFiles(dir ? [dir] : [], { cwd, noConfig: true, jobs, ...(files ? { files } : {}) });
const elapsed = performance.now() - start;
const digest = createHash('sha256')
  .update(JSON.stringify(result.findings.map((f) => [f.ruleId, f.file, f.span.start, f.span.end, f.message])))
  .digest('hex')
  .slice(0, 16);
console.log(
  JSON.stringify({
    ms: elapsed,
    files: result.files.length,
    findings: result.findings.length,
    digest,
    internalErrors: result.findings.filter((f) => f.ruleId === 'internal-error').length,
  }),
);
