/** The one-pass engine: exact ranges, stable fingerprints, config severities and options, crashing rules. */
import { describe, expect, it } from 'vitest';
import { MAX_FINDINGS_PER_RULE, type ConfiguredRule } from '../../src/core/engine.js';
import { lintSource } from '../../src/core/lint.js';
import { defineRule, type AnyRule } from '../../src/core/rule.js';
import { findRule } from '../../src/core/registry.js';
import { lintText } from '../../src/index.js';

const lint = (text: string, config?: Parameters<typeof lintText>[1]['config']) =>
  lintText(text, { filename: 'Dockerfile', ...(config ? { config } : {}) }).findings;

describe('ranges', () => {
  it('reports 1-based, end-exclusive ranges with 0-based offsets that cover the reported text', () => {
    const text = 'FROM alpine:3.19\nUSER app\nADD  files/ /srv/\n';
    const [finding] = lint(text);
    expect(finding?.ruleId).toBe('add-instead-of-copy');
    expect(finding?.range).toEqual({ start: { line: 3, column: 1 }, end: { line: 3, column: 4 } });
    expect(text.slice(finding!.offsets.start, finding!.offsets.end)).toBe('ADD');
  });

  it('sorts findings by line, column and rule id', () => {
    const findings = lint('FROM alpine AS Build\nADD a /a\nMAINTAINER me\n');
    const keys = findings.map((f) => [f.range.start.line, f.range.start.column, f.ruleId] as const);
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0));
    expect(keys).toEqual(sorted);
    expect(keys.length).toBeGreaterThan(3);
  });
});

describe('fingerprints', () => {
  const text = 'FROM alpine:3.19\nUSER app\nADD a.txt /srv/\nADD b.txt /srv/\n';
  const prints = (t: string) => lint(t).map((f) => `${f.ruleId}:${f.fingerprint}`);

  it('are unchanged when unrelated lines are added above or between', () => {
    const before = prints(text);
    expect(before).toHaveLength(2);
    expect(new Set(before).size).toBe(2);
    expect(prints(`# a comment\n\n${text}`)).toEqual(before);
    expect(prints(text.replace('USER app\n', 'USER app\nENV A=1\nWORKDIR /srv\n'))).toEqual(before);
  });

  it('change when the finding\'s instruction changes, and only for that finding', () => {
    const before = prints(text);
    const after = prints(text.replace('ADD a.txt', 'ADD c.txt'));
    expect(after[0]).not.toBe(before[0]);
    expect(after[1]).toBe(before[1]);
  });

  it('differ between files and between rules', () => {
    const a = lintText(text, { filename: 'a/Dockerfile' }).findings[0]!.fingerprint;
    const b = lintText(text, { filename: 'b/Dockerfile' }).findings[0]!.fingerprint;
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
  });

  it('tell identical findings apart, stably', () => {
    const same = 'FROM alpine:3.19\nUSER app\nADD a /a\nADD a /a\n';
    const [one, two] = prints(same);
    expect(one).not.toBe(two);
    expect(prints(same)).toEqual([one, two]);
  });
});

describe('severities and options from config', () => {
  const text = 'FROM alpine\nADD a /a\n';

  it('applies severity overrides, turns rules off, and turns opt-in rules on', () => {
    const findings = lint(text, { rules: { 'untagged-image': 'error', 'add-instead-of-copy': 'off', 'missing-healthcheck': 'info' } });
    expect(findings.map((f) => `${f.ruleId}:${f.severity}`).sort()).toEqual(['missing-healthcheck:info', 'run-as-root:warning', 'untagged-image:error']);
  });

  it('accepts [severity, options] and { severity, options }, merged over the defaults', () => {
    const nonRoot = 'FROM gcr.io/distroless/static:nonroot-amd64\n';
    expect(lint(nonRoot).map((f) => f.ruleId)).toEqual([]);
    // Replacing the option's default list makes the same image root again.
    expect(lint(nonRoot, { rules: { 'run-as-root': ['warning', { nonRootImages: ['my/*'] }] } }).map((f) => f.ruleId)).toEqual(['run-as-root']);
    expect(lint('FROM my/app:1\n', { rules: { 'run-as-root': { options: { nonRootImages: ['my/*'] } } } }).map((f) => f.ruleId)).toEqual([]);
  });

  it('extends presets: strict and all enable more rules than recommended', () => {
    const rich = 'FROM alpine:3\nLABEL Bad_Key=1\nUSER app\n';
    expect(lint(rich).map((f) => f.ruleId)).not.toContain('label-key-invalid');
    expect(lint(rich, { extends: 'plimsoll:all' }).map((f) => f.ruleId)).toContain('label-key-invalid');
  });
});

describe('a rule that throws', () => {
  const thrower = (where: 'create' | 'listener'): ConfiguredRule => ({
    rule: defineRule({
      id: 'test-thrower',
      meta: {
        description: 'test',
        formats: ['dockerfile'],
        severity: 'warning',
        recommended: false,
        category: 'style',
        sources: [],
        messages: { m: 'm' },
        fixable: false,
      },
      create() {
        if (where === 'create') throw new Error('boom in create');
        return {
          'DockerfileInstruction:RUN'() {
            throw new TypeError('boom in listener');
          },
        };
      },
    }) as AnyRule,
    severity: 'warning',
    options: {},
  });

  it('becomes an internal-error finding, and the other rules still run', () => {
    const syntax = findRule('dockerfile-syntax')!;
    const rules = [thrower('listener'), { rule: syntax.rule, severity: 'error' as const, options: {} }];
    const result = lintSource('Dockerfile', '# plimsoll-ignore-file\nFROM a\nRUN x\nRUNN\n', 'dockerfile', rules);
    expect(result.findings.map((f) => [f.ruleId, f.severity, f.message])).toEqual([
      ['internal-error', 'error', 'Rule "test-thrower" failed on this file: boom in listener. This is a bug in Plimsoll; please report it.'],
    ]);
    // Not even plimsoll-ignore-file hides a crash; the syntax error was suppressed as asked.
    const plain = lintSource('Dockerfile', 'FROM a\nRUN x\nRUNN\n', 'dockerfile', rules);
    expect(plain.findings.map((f) => f.ruleId)).toEqual(['internal-error', 'dockerfile-syntax']);
  });

  it('becomes an internal-error finding when create() throws', () => {
    const result = lintSource('Dockerfile', 'FROM a\n', 'dockerfile', [thrower('create')]);
    expect(result.findings.map((f) => [f.ruleId, f.message])).toEqual([
      ['internal-error', 'Rule "test-thrower" failed on this file: boom in create. This is a bug in Plimsoll; please report it.'],
    ]);
  });
});

describe('findings per rule and file', () => {
  it(`keeps the first ${MAX_FINDINGS_PER_RULE} of one rule in a file and sums up the rest in one finding`, () => {
    const extra = 7;
    const text = `FROM alpine:3.19\n${'MAINTAINER me\n'.repeat(MAX_FINDINGS_PER_RULE + extra)}ADD a /a\n`;
    const config = { extends: [], rules: { 'maintainer-deprecated': 'warning' as const, 'add-instead-of-copy': 'warning' as const } };
    const findings = lintText(text, { filename: 'Dockerfile', config }).findings;
    const maintainer = findings.filter((f) => f.ruleId === 'maintainer-deprecated');
    expect(maintainer).toHaveLength(MAX_FINDINGS_PER_RULE + 1);
    const summary = maintainer.find((f) => f.message.includes('more'))!;
    expect(summary.message).toContain(`${extra} more maintainer-deprecated findings`);
    // The summary sits where the first omitted finding would have been; other rules are not affected.
    expect(summary.range.start.line).toBe(MAX_FINDINGS_PER_RULE + 2);
    expect(findings.filter((f) => f.ruleId === 'add-instead-of-copy')).toHaveLength(1);
  });
});
