// One measured task of the bench, run as a fresh process (with bench/usage.cjs preloaded,
// which reports CPU time and peak RSS): a floor, Plimsoll's parsers, Plimsoll's lint, or an
// alternative tool, on the files listed in a file. Prints one JSON line: wall time of the
// work itself, and what it found (so runs can be checked against each other).
//   node bench/task.mjs <task> <list-file> [--jobs n]
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';

// As bin/plimsoll.js does for every run (WASM's baseline tier only; see there).
setFlagsFromString('--liftoff-only');

const [task, listFile, ...rest] = process.argv.slice(2);
const jobs = rest.includes('--jobs') ? Number(rest[rest.indexOf('--jobs') + 1]) : 1;
const paths = readFileSync(listFile, 'utf8').split('\n').filter(Boolean);
const require = createRequire(import.meta.url);
const read = () => paths.map((p) => readFileSync(p, 'utf8'));
const start = performance.now();
let found = 0;

const tasks = {
  /** js-yaml, the fastest YAML parser for JavaScript (no positions, no comments). */
  'js-yaml': async () => {
    const yaml = require('js-yaml');
    for (const text of read()) {
      try {
        found += yaml.loadAll(text).length;
      } catch {
        // Invalid YAML costs the attempt in every parser alike.
      }
    }
  },
  /** A plain Dockerfile tokenizer: lines, continuations, comments, the instruction keyword. */
  tokenize: async () => {
    for (const text of read()) {
      let logical = '';
      for (const line of text.split('\n')) {
        const trimmed = line.trim();
        if (!trimmed || trimmed.startsWith('#')) continue;
        if (trimmed.endsWith('\\')) {
          logical += trimmed.slice(0, -1);
          continue;
        }
        logical += trimmed;
        if (logical.split(/\s/, 1)[0]) found++;
        logical = '';
      }
    }
  },
  'parse-yaml-1.1': async () => {
    const { parseYaml } = await import('../build/src/parse/yaml/parse.js');
    for (const text of read()) found += parseYaml(text, { version: '1.1' }).documents.length;
  },
  'parse-yaml-1.2': async () => {
    const { parseYaml } = await import('../build/src/parse/yaml/parse.js');
    for (const text of read()) found += parseYaml(text, { version: '1.2' }).documents.length;
  },
  'parse-dockerfile': async () => {
    const { parseDockerfile } = await import('../build/src/parse/dockerfile/parser.js');
    for (const text of read()) found += parseDockerfile(text).instructions.length;
  },
  /** Plimsoll's Dockerfile parser and its shell parser (tree-sitter-bash) for every RUN. */
  'parse-dockerfile-shell': async () => {
    const { parseDockerfile } = await import('../build/src/parse/dockerfile/parser.js');
    const { initShellParser } = await import('../build/src/parse/dockerfile/shell.js');
    const { shellOfInstruction } = await import('../build/src/model/dockerfile-shell.js');
    await initShellParser();
    for (const text of read()) {
      const df = parseDockerfile(text);
      for (const ins of df.instructions) if (ins.keyword === 'RUN') found += shellOfInstruction(ins, text, df)?.commands.length ?? 0;
    }
  },
  /** Plimsoll's full lint: recommended rules (schema and graph rules included), one process. */
  lint: async () => lint(),
  /** Plimsoll's Kubernetes schema validation alone (the kubernetes-schema rule). */
  'lint-schema': async () => {
    const { resolveInlineConfig } = await import('../build/src/core/config.js');
    await lint(resolveInlineConfig({ extends: [], rules: { 'kubernetes-schema': 'error' } }, process.cwd()));
  },
  dclint: async () => {
    const { DCLinter } = await import('dclint');
    const linter = new DCLinter({ rules: {}, quiet: true, debug: false, exclude: [] });
    for (const r of await linter.lintFiles(paths, false)) found += r.messages?.length ?? 0;
  },
  dockerfilelint: async () => {
    const dockerfilelint = require('dockerfilelint');
    const noConfig = mkdtempSync(join(tmpdir(), 'bench-'));
    for (const text of read()) {
      try {
        found += dockerfilelint.run(noConfig, text).length;
      } catch {
        // It throws on some inputs; the time spent counts all the same.
      }
    }
    rmSync(noConfig, { recursive: true, force: true });
  },
  'dockerfile-utils': async () => {
    const { validate } = require('dockerfile-utils');
    for (const text of read()) found += validate(text).length;
  },
  /** kubernetes-models' validators (schema check only) on every document with a known apiVersion and kind. */
  'kubernetes-models': async () => {
    const yaml = require('js-yaml');
    const models = new Map();
    const modelFor = (apiVersion, kind) => {
      const key = `${apiVersion}/${kind}`;
      if (!models.has(key)) {
        const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : [undefined, apiVersion];
        let model;
        try {
          model = require(group ? `kubernetes-models/${group}/${version}/${kind}` : `kubernetes-models/${version}/${kind}`)[kind];
        } catch {
          model = undefined;
        }
        models.set(key, model);
      }
      return models.get(key);
    };
    for (const text of read()) {
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
          found++;
        }
      }
    }
  },
};

let digest;
async function lint(config) {
  const { lintFiles } = await import('../build/src/core/lint-files.js');
  const cwd = process.cwd();
  const files = paths.map((p) => ({ absolute: resolve(p), display: resolve(p).slice(cwd.length + 1), explicit: true }));
  const result = await lintFiles([], { cwd, files, jobs, ...(config ? { config } : { noConfig: true }) });
  found = result.findings.length;
  digest = createHash('sha256')
    .update(JSON.stringify(result.findings.map((f) => [f.ruleId, f.file, f.span.start, f.span.end, f.message])))
    .digest('hex')
    .slice(0, 16);
}

if (!tasks[task]) {
  console.error(`unknown task ${task}; one of ${Object.keys(tasks).join(', ')}`);
  process.exit(2);
}
await tasks[task]();
console.log(JSON.stringify({ ms: performance.now() - start, found, ...(digest ? { digest } : {}) }));
