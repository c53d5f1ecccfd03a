// Lints a list of files (or a folder) in this process and prints one JSON line with the
// wall time and the peak RSS: the bench runs it as a child so memory is measured per run.
//   node bench/child-lint.mjs --list <file-with-paths> | --dir <folder>  [--jobs N]
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
const jobs = get('--jobs') ? Number(get('--jobs')) : undefined;

const start = performance.now();
const result = await lintFiles(dir ? [dir] : [], { cwd, noConfig: true, ...(files ? { files } : {}), ...(jobs ? { jobs } : {}) });
const elapsed = performance.now() - start;
console.log(
  JSON.stringify({
    ms: elapsed,
    maxRss: process.resourceUsage().maxRSS * 1024,
    files: result.files.length,
    findings: result.findings.length,
    internalErrors: result.findings.filter((f) => f.ruleId === 'internal-error').length,
  }),
);
