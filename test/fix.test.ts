/** src/core/fix.ts: choosing and applying edits, and the lint–fix loop, for Dockerfile and YAML alike. */
import { describe, expect, it } from 'vitest';
import type { ConfiguredRule } from '../src/core/engine.js';
import { applyFixes, fixSource, MAX_FIX_PASSES } from '../src/core/fix.js';
import { lintSource, prepareFormats } from '../src/core/lint.js';
import { findRule } from '../src/core/registry.js';
import { defineRule } from '../src/core/rule.js';
import type { Finding, TextEdit } from '../src/core/types.js';
import type { KubernetesObject } from '../src/model/kubernetes/object.js';

await prepareFormats(['dockerfile']);

/** A finding carrying just a fix, for applyFixes. */
function fixOf(edits: [number, number, string][], safe = true, ruleId = 'r'): Finding {
  const e: TextEdit[] = edits.map(([start, end, text]) => ({ span: { start, end }, text }));
  return {
    ruleId,
    severity: 'warning',
    message: '',
    file: 'f',
    format: 'dockerfile',
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    span: { start: 0, end: 0 },
    fix: { safe, edits: e },
    fingerprint: '',
  };
}

describe('applyFixes', () => {
  it('applies non-overlapping safe fixes and leaves unsafe ones', () => {
    const { text, applied } = applyFixes('abcdef', [fixOf([[4, 5, 'E']]), fixOf([[0, 1, 'A']]), fixOf([[2, 3, 'C']], false)]);
    expect(text).toBe('AbcdEf');
    expect(applied).toHaveLength(2);
  });

  it('defers a fix that overlaps or touches one already chosen', () => {
    expect(applyFixes('abcdef', [fixOf([[0, 3, 'X']]), fixOf([[2, 4, 'Y']])]).text).toBe('Xdef');
    expect(applyFixes('abcdef', [fixOf([[0, 3, 'X']]), fixOf([[3, 4, 'Y']])]).text).toBe('Xdef'); // touching
    expect(applyFixes('abc', [fixOf([[1, 1, 'X']]), fixOf([[1, 1, 'Y']])]).text).toBe('aXbc'); // same insertion point
  });

  it('applies a multi-edit fix as a unit or not at all', () => {
    const first = fixOf([[0, 1, 'A']]);
    const pair = fixOf([
      [5, 6, 'F'],
      [0, 2, 'XX'],
    ]);
    const { text, applied } = applyFixes('abcdef', [first, pair]);
    expect(text).toBe('Abcdef');
    expect(applied).toEqual([first]);
    expect(applyFixes('abcdef', [pair]).text).toBe('XXcdeF');
  });

  it('skips fixes with edits outside the text or backwards', () => {
    expect(applyFixes('abc', [fixOf([[2, 9, 'x']]), fixOf([[2, 1, 'y']]), fixOf([[-1, 0, 'z']])]).applied).toEqual([]);
  });

  it('writes line breaks in inserted text the way the file does', () => {
    expect(applyFixes('a\r\nb\r\n', [fixOf([[3, 3, 'x\ny\n']])]).text).toBe('a\r\nx\r\ny\r\nb\r\n');
    expect(applyFixes('a\nb\n', [fixOf([[2, 2, 'x\ny\n']])]).text).toBe('a\nx\ny\nb\n');
  });
});

const configured = (...ids: string[]): ConfiguredRule[] =>
  ids.map((id) => ({ rule: findRule(id)!.rule, severity: 'warning' as const, options: findRule(id)!.rule.meta.defaults ?? {} }));

const fixDockerfile = (text: string, rules: ConfiguredRule[]) => fixSource(lintSource, 'Dockerfile', text, 'dockerfile', rules);

describe('fixSource on Dockerfiles', () => {
  const rules = configured('maintainer-deprecated', 'apt-get-missing-yes', 'json-args-recommended', 'copy-destination-trailing-slash', 'run-as-root');
  const text = 'FROM debian:12\nMAINTAINER Jane\nRUN apt-get install curl\nCOPY a b /app\nCMD node server.js\n';

  it('applies the safe fixes and reports what is left', () => {
    const outcome = fixDockerfile(text, rules);
    expect(outcome.output).toBe(
      'FROM debian:12\nLABEL org.opencontainers.image.authors="Jane"\nRUN apt-get install -y curl\nCOPY a b /app/\nCMD ["node", "server.js"]\n',
    );
    expect(outcome.fixed).toBe(4);
    expect(outcome.result.findings.map((f) => f.ruleId)).toEqual(['run-as-root']);
    expect(fixDockerfile(outcome.output, rules).output).toBe(outcome.output); // a second run changes nothing
  });

  it('keeps CRLF line ends and the BOM', () => {
    const crlf = `\uFEFF${text.replace(/\n/g, '\r\n')}`;
    const outcome = fixDockerfile(crlf, rules);
    expect(outcome.output.startsWith('\uFEFFFROM debian:12\r\nLABEL org.opencontainers.image.authors="Jane"\r\n')).toBe(true);
    expect(outcome.output.replace(/\r\n/g, '')).not.toContain('\n');
    expect(outcome.output).toBe(`\uFEFF${fixDockerfile(text, rules).output.replace(/\n/g, '\r\n')}`);
  });

  it('leaves files alone that do not parse, or were not read cleanly', () => {
    const broken = 'FROM debian:12\nMAINTAINER Jane\nWORKDIR\n';
    expect(fixDockerfile(broken, rules).output).toBe(broken);
    const lossy = fixSource(lintSource, 'Dockerfile', text, 'dockerfile', rules, { kind: 'invalidUtf8', offset: 3 });
    expect(lossy.output).toBe(text);
  });
});

// Rules made for the tests: the loop, conflicts and parse checks, independent of real rules.
const upperKeyword = defineRule({
  id: 'test-upper-keyword',
  meta: { description: 't', formats: ['dockerfile'], severity: 'warning', recommended: false, category: 'style', sources: [], messages: { m: 'm' }, fixable: 'safe' },
  create: (ctx) => ({
    DockerfileInstruction(ins) {
      if (ins.keywordText !== ins.keyword) ctx.report({ messageId: 'm', span: ins.keywordSpan, fix: { edits: [{ span: ins.keywordSpan, text: ins.keyword }] } });
    },
  }),
});
/** Rewrites a whole `FROM … latest` (overlapping the keyword fix), spelling the keyword as written. */
const pinLatest = defineRule({
  id: 'test-pin-latest',
  meta: { description: 't', formats: ['dockerfile'], severity: 'warning', recommended: false, category: 'style', sources: [], messages: { m: 'm' }, fixable: 'safe' },
  create: (ctx) => ({
    'DockerfileInstruction:FROM'(ins) {
      if (ins.argsText.endsWith(':latest')) {
        const span = { start: ins.keywordSpan.start, end: ins.argsSpan.end };
        ctx.report({ messageId: 'm', span, fix: { edits: [{ span, text: `${ins.keywordText} ${ins.argsText.replace(/:latest$/, ':1')}` }] } });
      }
    },
  }),
});
/** A fix that makes WORKDIR invalid: a flag it does not take (a path with spaces is valid, as in BuildKit). */
const breakWorkdir = defineRule({
  id: 'test-break-workdir',
  meta: { description: 't', formats: ['dockerfile'], severity: 'warning', recommended: false, category: 'style', sources: [], messages: { m: 'm' }, fixable: 'safe' },
  create: (ctx) => ({
    'DockerfileInstruction:WORKDIR'(ins) {
      ctx.report({ messageId: 'm', span: ins.argsSpan, fix: { edits: [{ span: ins.argsSpan, text: '--bogus /a' }] } });
    },
  }),
});
/** A fix that is never done: it always appends another character. */
const endless = defineRule({
  id: 'test-endless',
  meta: { description: 't', formats: ['dockerfile'], severity: 'warning', recommended: false, category: 'style', sources: [], messages: { m: 'm' }, fixable: 'safe' },
  create: (ctx) => ({
    'DockerfileInstruction:LABEL'(ins) {
      ctx.report({ messageId: 'm', span: ins.argsSpan, fix: { edits: [{ span: { start: ins.argsSpan.end, end: ins.argsSpan.end }, text: 'x' }] } });
    },
  }),
});
const custom = (...rules: ReturnType<typeof defineRule>[]): ConfiguredRule[] =>
  rules.map((rule) => ({ rule: rule as ConfiguredRule['rule'], severity: 'warning' as const, options: {} }));

describe('the fix loop', () => {
  it('applies overlapping fixes in later passes, after linting the new text', () => {
    const outcome = fixDockerfile('from nginx:latest\n', custom(upperKeyword, pinLatest));
    expect(outcome.output).toBe('FROM nginx:1\n');
    expect(outcome.passes).toBe(2);
    expect(outcome.result.findings).toEqual([]);
  });

  it('throws away a pass whose result does not parse, even with the parse-error rule off', () => {
    const outcome = fixDockerfile('from a\nWORKDIR /app\n', custom(upperKeyword, breakWorkdir));
    expect(outcome.output).toBe('from a\nWORKDIR /app\n');
    expect(outcome.problem).toMatch(/test-break-workdir.*unparseable/);
    expect(outcome.result.findings.map((f) => f.ruleId).sort()).toEqual(['test-break-workdir', 'test-upper-keyword']);
  });

  it(`stops after ${MAX_FIX_PASSES} passes`, () => {
    const outcome = fixDockerfile('FROM a\nLABEL a=b\n', custom(endless));
    expect(outcome.passes).toBe(MAX_FIX_PASSES);
    expect(outcome.output).toBe(`FROM a\nLABEL a=b${'x'.repeat(MAX_FIX_PASSES)}\n`);
  });
});

describe('YAML fixes', () => {
  /** Renames the deprecated `serviceAccount` key of a pod spec, as a Kubernetes rule would: a span and a text. */
  const renameKey = defineRule({
    id: 'test-rename-service-account',
    meta: { description: 't', formats: ['kubernetes'], severity: 'warning', recommended: false, category: 'style', sources: [], messages: { m: 'm' }, fixable: 'safe' },
    create: (ctx) => ({
      KubernetesObject(object: KubernetesObject) {
        const spec = object.yaml.pairs.find((p) => p.keyText === 'spec')?.value;
        if (spec?.kind !== 'map') return;
        const pair = spec.pairs.find((p) => p.keyText === 'serviceAccount');
        if (pair) ctx.report({ messageId: 'm', node: pair.key, fix: { edits: [{ span: pair.key.span, text: 'serviceAccountName' }] } });
      },
    }),
  });
  const yaml = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a  # keep me\nspec:\n  serviceAccount: web\n  containers: []\n';

  it('applies span edits to YAML, keeping comments and the rest of the text', () => {
    const outcome = fixSource(lintSource, 'pod.yaml', yaml, 'kubernetes', custom(renameKey));
    expect(outcome.output).toBe(yaml.replace('serviceAccount:', 'serviceAccountName:'));
    expect(outcome.result.findings).toEqual([]);
    const crlf = fixSource(lintSource, 'pod.yaml', yaml.replace(/\n/g, '\r\n'), 'kubernetes', custom(renameKey));
    expect(crlf.output).toBe(outcome.output.replace(/\n/g, '\r\n'));
  });

  it('refuses a YAML fix that breaks the document', () => {
    const breaking = defineRule({
      id: 'test-break-yaml',
      meta: { description: 't', formats: ['kubernetes'], severity: 'warning', recommended: false, category: 'style', sources: [], messages: { m: 'm' }, fixable: 'safe' },
      create: (ctx) => ({
        KubernetesObject(object: KubernetesObject) {
          ctx.report({ messageId: 'm', node: object, fix: { edits: [{ span: { start: 0, end: 0 }, text: 'key: [unclosed\n' }] } });
        },
      }),
    });
    const outcome = fixSource(lintSource, 'pod.yaml', yaml, 'kubernetes', custom(breaking));
    expect(outcome.output).toBe(yaml);
    expect(outcome.problem).toContain('test-break-yaml');
  });
});
