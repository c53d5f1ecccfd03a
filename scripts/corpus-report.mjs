// Lints every repository of ../shared/corpus/real as its own project and prints, per format,
// how many findings each rule produces there, by the severity reported (the README tables come from this).
// Usage: node scripts/corpus-report.mjs [--config plimsoll:all|plimsoll:recommended] [--json out.json]
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(root, '..', 'shared', 'corpus', 'real');
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const preset = option('--config') ?? 'plimsoll:all';
if (!existsSync(corpus)) {
  console.log(`skipped: the corpus is not at ${corpus}`);
  process.exit(0);
}
const { lintFiles, rules } = await import(join(root, 'build/src/index.js'));
const catalog = new Map(rules().map((r) => [r.id, r]));

const perRule = new Map(); // `${format}\t${rule}` → { findings, files: Set }
const filesPerFormat = {};
let internalErrors = 0;
const started = Date.now();
for (const repo of readdirSync(corpus).sort()) {
  const dir = join(corpus, repo);
  if (!statSync(dir).isDirectory()) continue;
  const result = await lintFiles(['.'], { cwd: dir, config: { extends: preset } });
  const formatOf = new Map(result.files.map((f) => [f.path, f.format]));
  for (const f of result.files) filesPerFormat[f.format] = (filesPerFormat[f.format] ?? 0) + 1;
  for (const f of result.findings) {
    if (f.ruleId === 'internal-error') internalErrors++;
    const key = `${formatOf.get(f.file) ?? 'unknown'}\t${f.ruleId}\t${f.severity}`;
    const entry = perRule.get(key) ?? { findings: 0, files: new Set() };
    entry.findings++;
    entry.files.add(`${repo}/${f.file}`);
    perRule.set(key, entry);
  }
}
const seconds = (Date.now() - started) / 1000;

const formats = Object.keys(filesPerFormat).sort();
const report = { preset, seconds, internalErrors, files: filesPerFormat, rules: {} };
for (const format of formats) {
  const rows = [...perRule.entries()]
    .filter(([key]) => key.startsWith(`${format}\t`))
    .map(([key, v]) => {
      const [, rule, severity] = key.split('\t');
      return { rule, severity, findings: v.findings, files: v.files.size };
    })
    .sort((a, b) => b.findings - a.findings || a.rule.localeCompare(b.rule));
  // The format's rules that found nothing, so that the table lists every rule that ran.
  const fired = new Set(rows.map((r) => r.rule));
  for (const meta of [...catalog.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    if (meta.formats.includes(format) && !fired.has(meta.id) && (preset === 'plimsoll:all' || meta.recommended)) {
      rows.push({ rule: meta.id, severity: meta.severity, findings: 0, files: 0 });
    }
  }
  report.rules[format] = rows;
  console.log(`\n### ${format}: ${filesPerFormat[format]} files\n`);
  console.log('| rule | severity | recommended | findings | files |\n|---|---|---|---|---|');
  for (const row of rows) {
    const meta = catalog.get(row.rule);
    const recommended = meta ? (meta.recommended ? 'yes' : 'no') : '';
    console.log(`| \`${row.rule}\` | ${row.severity} | ${recommended} | ${row.findings} | ${row.files} |`);
  }
}
console.log(`\n${preset}: ${Object.values(filesPerFormat).reduce((a, b) => a + b, 0)} files, ${internalErrors} internal errors, ${seconds.toFixed(1)} s`);
const out = option('--json');
if (out) writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
