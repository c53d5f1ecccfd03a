/** The CI output formats, from the same findings: SARIF (schema-validated), GitHub, JUnit, Checkstyle, Code Climate, Markdown. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv4Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LintResult } from '../src/core/lint.js';
import { SourceText } from '../src/core/source.js';
import type { Finding } from '../src/core/types.js';
import { formatCheckstyle } from '../src/report/checkstyle.js';
import { escapeData, escapeProperty } from '../src/report/github.js';
import { formatJunit } from '../src/report/junit.js';
import { formatMarkdown, MARKDOWN_MAX_ROWS } from '../src/report/markdown.js';
import { FINGERPRINT_KEY } from '../src/report/sarif.js';
import { onlyRules, runCli, tempProject as anyProject } from './helpers/run-cli.js';

const SCHEMA_PATH = join(import.meta.dirname, 'assets', 'sarif-schema-2.1.0.json');
/** Recorded by scripts/fetch-sarif-schema.mjs; the asset must not be edited by hand. */
const SCHEMA_SHA256 = '2d99159ae54a3eea97f81781cff48780548657c35949f4b7f25e99a2ba4de4f8';

/** Projects configured with the rules these tests expect, whatever else becomes recommended. */
const CONFIG = onlyRules('run-as-root', 'maintainer-deprecated', 'secrets-in-arg-or-env', 'apt-get-missing-yes', 'yaml-duplicate-key', 'dockerfile-syntax', 'yaml-syntax');
const tempProject = (files: Record<string, string>) => anyProject({ 'plimsoll.config.yaml': CONFIG, ...files });

const PROJECT = {
  Dockerfile: 'FROM debian:12\nMAINTAINER Jane <j@x.io>\nARG DB_PASSWORD=hunter2\nRUN apt-get install curl\n',
  'clean.Dockerfile': 'FROM debian:12.5\nUSER app\nCMD ["app"]\n',
  'deploy/web.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n  name: web2\ndata: {}\n',
};

let cwd: string;
let json: { findings: { ruleId: string; file: string; severity: string; message: string; fingerprint: string; range: { start: { line: number; column: number }; end: { line: number; column: number } } }[] };
const output = async (format: string, dir = cwd, env: NodeJS.ProcessEnv = {}) => (await runCli(['-f', format, '.'], { cwd: dir, env })).stdout;

beforeAll(async () => {
  cwd = tempProject(PROJECT);
  json = JSON.parse(await output('json'));
  expect(json.findings.map((f) => f.ruleId)).toEqual([
    'run-as-root',
    'maintainer-deprecated',
    'secrets-in-arg-or-env',
    'apt-get-missing-yes',
    'yaml-duplicate-key',
  ]);
});

function validator() {
  const text = readFileSync(SCHEMA_PATH, 'utf8');
  expect(createHash('sha256').update(text).digest('hex')).toBe(SCHEMA_SHA256);
  // The schema's language pattern ("…]?$") is not valid with the u flag: use plain RegExp, as draft-04 validators did.
  const ajv = new Ajv4Module.default({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormatsModule.default(ajv);
  return ajv.compile(JSON.parse(text) as object);
}

describe('sarif', () => {
  it('is valid SARIF 2.1.0 with one run, the fired rules and exact regions', async () => {
    const sarif = JSON.parse(await output('sarif'));
    const validate = validator();
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs).toHaveLength(1);
    const run = sarif.runs[0];
    expect(run.columnKind).toBe('utf16CodeUnits');
    const rules = run.tool.driver.rules as { id: string; helpUri: string; shortDescription: { text: string }; fullDescription: { text: string }; properties: Record<string, unknown> }[];
    expect(rules.map((r) => r.id)).toEqual([...new Set(json.findings.map((f) => f.ruleId))].sort());
    for (const rule of rules) {
      expect(rule.shortDescription.text.length).toBeGreaterThan(0);
      expect(rule.fullDescription.text.length).toBeGreaterThan(0);
      expect(rule.helpUri).toMatch(new RegExp(`/rules/[a-z]+/${rule.id}\\.md$`));
    }
    const secrets = rules.find((r) => r.id === 'secrets-in-arg-or-env')!;
    expect(secrets.properties.tags).toContain('security');
    expect(secrets.properties['security-severity']).toBe('5.5'); // a warning → medium
    expect(rules.find((r) => r.id === 'maintainer-deprecated')!.properties['security-severity']).toBeUndefined();

    expect(run.results).toHaveLength(json.findings.length);
    run.results.forEach((r: Record<string, any>, i: number) => {
      const f = json.findings[i]!;
      expect(r.ruleId).toBe(f.ruleId);
      expect(rules[r.ruleIndex]!.id).toBe(f.ruleId);
      expect(r.level).toBe(f.severity === 'info' ? 'note' : f.severity);
      expect(r.message.text).toBe(f.message);
      expect(r.partialFingerprints[FINGERPRINT_KEY]).toBe(f.fingerprint);
      const { artifactLocation, region } = r.locations[0].physicalLocation;
      expect(artifactLocation.uri).toBe(f.file);
      expect(region).toEqual({ startLine: f.range.start.line, startColumn: f.range.start.column, endLine: f.range.end.line, endColumn: f.range.end.column });
    });
    // The region's end column is exclusive: "MAINTAINER" spans columns 1–10.
    const maintainer = run.results.find((r: { ruleId: string }) => r.ruleId === 'maintainer-deprecated');
    expect(maintainer.locations[0].physicalLocation.region).toMatchObject({ startLine: 2, startColumn: 1, endLine: 2, endColumn: 11 });
    expect(maintainer.fixes[0].artifactChanges[0].replacements[0].insertedContent.text).toContain('org.opencontainers.image.authors');
  });

  it("is valid SARIF 2.1.0 for a run over all of the project's fixtures, every rule on", { timeout: 60_000 }, async () => {
    const root = join(import.meta.dirname, '..');
    const all = anyProject({ 'all.json': JSON.stringify({ extends: 'plimsoll:all' }) });
    const run = await runCli(['-f', 'sarif', '--config', join(all, 'all.json'), 'fixtures'], { cwd: root });
    expect(run.stderr).toBe('');
    const sarif = JSON.parse(run.stdout);
    const validate = validator();
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    const results = sarif.runs[0].results as { ruleId: string }[];
    expect(results.length).toBeGreaterThan(1000);
    const rules = (sarif.runs[0].tool.driver.rules as { id: string }[]).map((r) => r.id);
    expect(rules).toEqual([...new Set(results.map((r) => r.ruleId))].sort());
  });

  it('is checked by a validator that rejects what SARIF forbids', async () => {
    const validate = validator();
    const sarif = JSON.parse(await output('sarif'));
    sarif.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(validate(sarif)).toBe(false);
    delete sarif.runs[0].results[0].locations[0].physicalLocation.region.startLine;
    delete sarif.runs[0].results[0].message;
    expect(validate(sarif)).toBe(false);
  });

  it('has results: [] and no rules when clean, and is still valid', async () => {
    const dir = tempProject({ Dockerfile: PROJECT['clean.Dockerfile'] });
    const sarif = JSON.parse(await output('sarif', dir));
    expect(validator()(sarif)).toBe(true);
    expect(sarif.runs[0].results).toEqual([]);
    expect(sarif.runs[0].tool.driver.rules).toEqual([]);
  });

  it('rates security rules by the severity they were reported with', async () => {
    const sarif = JSON.parse((await runCli(['-f', 'sarif', '--rule', 'secrets-in-arg-or-env=error', '.'], { cwd })).stdout);
    const rule = sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'secrets-in-arg-or-env');
    expect(rule.properties['security-severity']).toBe('8.0');
  });

  it('writes URIs relative to $GITHUB_WORKSPACE and escapes odd characters', async () => {
    const root = tempProject({ 'sub dir/Dockerfile': PROJECT.Dockerfile });
    const sarif = JSON.parse(await output('sarif', join(root, 'sub dir'), { GITHUB_WORKSPACE: root }));
    expect(validator()(sarif)).toBe(true);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('sub%20dir/Dockerfile');
  });
});

describe('github', () => {
  it('escapes messages and properties as the workflow-command protocol requires', () => {
    expect(escapeData('100% done\r\nnext: a,b')).toBe('100%25 done%0D%0Anext: a,b');
    expect(escapeProperty('dir:a,b/100%\n')).toBe('dir%3Aa%2Cb/100%25%0A');
  });

  it('prints one annotation per finding with 1-based positions', async () => {
    const lines = (await output('github')).trimEnd().split('\n');
    expect(lines).toHaveLength(json.findings.length);
    lines.forEach((line, i) => {
      const f = json.findings[i]!;
      const command = f.severity === 'info' ? 'notice' : f.severity;
      expect(line).toBe(
        `::${command} file=${f.file},line=${f.range.start.line},col=${f.range.start.column},endLine=${f.range.end.line},` +
          `endColumn=${f.range.end.column},title=${f.ruleId}::${escapeData(f.message)}`,
      );
    });
    expect(lines[4]).toMatch(/^::error file=deploy\/web\.yaml,line=5,col=3,/);
  });

  it('prints nothing when clean, and paths relative to $GITHUB_WORKSPACE', async () => {
    expect(await output('github', tempProject({ Dockerfile: PROJECT['clean.Dockerfile'] }))).toBe('');
    const root = tempProject({ 'svc/Dockerfile': PROJECT.Dockerfile });
    const text = await output('github', join(root, 'svc'), { GITHUB_WORKSPACE: root });
    expect(text.split('\n')[0]).toMatch(/^::warning file=svc\/Dockerfile,line=1,/);
  });
});

/** A result with one hand-made finding, for escaping cases no rule produces. */
function syntheticResult(message: string, file = 'a&b/Dockerfile'): LintResult {
  const source = new SourceText(file, 'FROM x\n');
  const finding: Finding = {
    ruleId: 'maintainer-deprecated',
    severity: 'error',
    message,
    file,
    format: 'dockerfile',
    range: source.rangeOf({ start: 0, end: 4 }),
    span: { start: 0, end: 4 },
    fingerprint: 'f'.repeat(32),
  };
  return {
    files: [{ path: file, format: 'dockerfile', documents: 1, findings: [finding], source }],
    findings: [finding],
    summary: { files: 1, errors: 1, warnings: 0, infos: 0, fixable: 0 },
  };
}

const NASTY = 'Use "a" & <b> | c\'s\nsecond line \u0001 end';
const context = { color: false, cwd: '/' };
const xml = new XMLParser({ htmlEntities: true, ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase', 'file', 'error'].includes(name) });

describe('junit', () => {
  it('is well-formed XML with a suite per file and a failing case per finding', async () => {
    const text = await output('junit');
    expect(XMLValidator.validate(text)).toBe(true);
    const doc = xml.parse(text);
    expect(doc.testsuites.tests).toBe('6'); // 5 findings + the clean file's passing case
    expect(doc.testsuites.failures).toBe('5');
    const suites = doc.testsuites.testsuite as { name: string; failures: string; testcase: { name: string; failure?: { type: string; message: string } }[] }[];
    expect(suites.map((s) => [s.name, s.failures])).toEqual([
      ['Dockerfile', '4'],
      ['clean.Dockerfile', '0'],
      ['deploy/web.yaml', '1'],
    ]);
    expect(suites[0]!.testcase[1]!.name).toBe('maintainer-deprecated at 2:1');
    expect(suites[0]!.testcase[1]!.failure!.message).toBe(json.findings[1]!.message);
    expect(suites[1]!.testcase[0]!.failure).toBeUndefined();
  });

  it('escapes markup, quotes and characters XML cannot hold', () => {
    const text = formatJunit(syntheticResult(NASTY), context);
    expect(XMLValidator.validate(text)).toBe(true);
    const failure = xml.parse(text).testsuites.testsuite[0].testcase[0].failure;
    expect(failure.message).toBe(NASTY.replace('\u0001', '\uFFFD'));
    expect(xml.parse(text).testsuites.testsuite[0].name).toBe('a&b/Dockerfile');
  });
});

describe('checkstyle', () => {
  it('lists every file with its findings', async () => {
    const text = await output('checkstyle');
    expect(XMLValidator.validate(text)).toBe(true);
    const files = xml.parse(text).checkstyle.file as { name: string; error?: { line: string; column: string; severity: string; source: string; message: string }[] }[];
    expect(files.map((f) => f.name)).toEqual(['Dockerfile', 'clean.Dockerfile', 'deploy/web.yaml']);
    const errors = files.flatMap((f) => f.error ?? []);
    expect(errors.map((e) => [e.line, e.column, e.severity, e.source])).toEqual(
      json.findings.map((f) => [String(f.range.start.line), String(f.range.start.column), f.severity, `plimsoll.${f.ruleId}`]),
    );
  });

  it('escapes messages', () => {
    const text = formatCheckstyle(syntheticResult(NASTY), context);
    expect(XMLValidator.validate(text)).toBe(true);
    expect(xml.parse(text).checkstyle.file[0].error[0].message).toBe(NASTY.replace('\u0001', '\uFFFD'));
  });
});

describe('codeclimate', () => {
  it('gives GitLab what it needs: description, check_name, fingerprint, severity, location.lines.begin', async () => {
    const issues = JSON.parse(await output('codeclimate')) as Record<string, any>[];
    expect(issues).toHaveLength(json.findings.length);
    issues.forEach((issue, i) => {
      const f = json.findings[i]!;
      expect(issue).toMatchObject({
        type: 'issue',
        check_name: f.ruleId,
        description: f.message,
        fingerprint: f.fingerprint,
        severity: { error: 'major', warning: 'minor', info: 'info' }[f.severity],
        location: { path: f.file, lines: { begin: f.range.start.line } },
      });
    });
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
    expect(issues.find((i) => i.check_name === 'secrets-in-arg-or-env')!.categories).toEqual(['Security']);
  });

  it('is an empty list when clean', async () => {
    expect(JSON.parse(await output('codeclimate', tempProject({ Dockerfile: PROJECT['clean.Dockerfile'] })))).toEqual([]);
  });
});

describe('markdown', () => {
  it('summarises the totals, the rules and the findings', async () => {
    const text = await output('markdown');
    expect(text).toContain('**5 problems** (1 error, 4 warnings, 0 infos) in 3 files.');
    expect(text).toContain('| [`yaml-duplicate-key`](https://github.com/plimsoll-dev/plimsoll/blob/main/rules/general/yaml-duplicate-key.md) | 1 |');
    expect(text).toContain('| ❌ | `deploy/web.yaml:5:3` |');
    const rows = text.split('\n').filter((l) => /^\| (❌|⚠️|ℹ️) \|/.test(l));
    expect(rows).toHaveLength(json.findings.length);
  });

  it('says so when clean', async () => {
    expect(await output('markdown', tempProject({ Dockerfile: PROJECT['clean.Dockerfile'] }))).toBe('## Plimsoll\n\n✅ No problems in 1 file.\n');
  });

  it('keeps table cells intact and caps the rows', () => {
    const text = formatMarkdown(syntheticResult('a | b\nc <d>', 'x|y/Dockerfile'), context);
    expect(text).toContain('| ❌ | `x\\|y/Dockerfile:1:1` | a \\| b c &lt;d&gt; | `maintainer-deprecated` |');
    const many = syntheticResult('m');
    const findings = Array.from({ length: MARKDOWN_MAX_ROWS + 5 }, () => many.findings[0]!);
    const capped = formatMarkdown({ ...many, findings, summary: { ...many.summary, errors: findings.length } }, context);
    expect(capped.split('\n').filter((l) => l.startsWith('| ❌'))).toHaveLength(MARKDOWN_MAX_ROWS);
    expect(capped).toContain('…and 5 more problems');
  });
});

describe('several formats in one run', () => {
  it('pairs -f with -o in order', async () => {
    const run = await runCli(['-f', 'sarif', '-o', 'out.sarif', '-f', 'github', '-f', 'junit', '-o', 'junit.xml', '.'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(await output('github'));
    expect(JSON.parse(readFileSync(join(cwd, 'out.sarif'), 'utf8')).runs[0].results).toHaveLength(5);
    expect(readFileSync(join(cwd, 'junit.xml'), 'utf8')).toBe(await output('junit'));
  });

  it('rejects an unknown format, naming the valid ones', async () => {
    const run = await runCli(['-f', 'xml', '.'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unknown format "xml" (use stylish, json, sarif, github, junit, checkstyle, codeclimate, markdown)');
  });
});
