/**
 * Positions from parser to output: 1-based lines and UTF-16 columns, end exclusive, with CRLF,
 * a BOM, tabs and multi-line instructions, checked against the text each range covers.
 */
import { describe, expect, it } from 'vitest';
import type { ConfiguredRule } from '../../src/core/engine.js';
import { lintSource } from '../../src/core/lint.js';
import { defineRule, type AnyRule } from '../../src/core/rule.js';
import { SourceText } from '../../src/core/source.js';
import type { Span } from '../../src/core/types.js';
import { lintText } from '../../src/index.js';
import { toJsonRange } from '../../src/report/json.js';
import { parse } from './helpers.js';

/** A rule that reports every shell word equal to `word` in RUN instructions. */
function wordRule(word: string): ConfiguredRule {
  const rule = defineRule({
    id: 'test-word',
    meta: {
      description: 'test',
      formats: ['dockerfile'],
      severity: 'warning',
      recommended: false,
      category: 'style',
      sources: [],
      messages: { found: 'found {{word}}' },
      fixable: false,
    },
    create(ctx) {
      return {
        'DockerfileInstruction:RUN'(run) {
          for (const command of ctx.file.shell(run).commands) {
            for (const w of [command.name, ...command.args]) if (w?.value === word) ctx.report({ messageId: 'found', span: w.span, data: { word } });
          }
        },
      };
    },
  });
  return { rule: rule as AnyRule, severity: 'warning', options: {} };
}

/** Lints `text` with the word rule; returns each finding's 1-based range and the text it covers. */
function locate(text: string, word: string) {
  const result = lintSource('Dockerfile', text, 'dockerfile', [wordRule(word)]);
  const source = new SourceText('Dockerfile', text);
  return result.findings.map((f) => ({ range: toJsonRange(f.range), text: source.slice(f.span) }));
}

describe('positions', () => {
  it('gives a word inside a multi-line RUN its real line and column', () => {
    const text = 'FROM alpine\nRUN apk update && \\\n    apk add \\\n  # a comment\n        curl \\\n        git\n';
    expect(locate(text, 'curl')).toEqual([{ range: { start: { line: 5, column: 9 }, end: { line: 5, column: 13 } }, text: 'curl' }]);
    expect(locate(text, 'git')).toEqual([{ range: { start: { line: 6, column: 9 }, end: { line: 6, column: 12 } }, text: 'git' }]);
  });

  it('counts lines with CRLF endings and never includes the CR', () => {
    const text = 'FROM alpine\r\nRUN apk add \\\r\n    curl\r\n';
    expect(locate(text, 'curl')).toEqual([{ range: { start: { line: 3, column: 5 }, end: { line: 3, column: 9 } }, text: 'curl' }]);
  });

  it('counts columns after a BOM as the user sees them (the BOM is not a column)', () => {
    const text = '\uFEFFFROM alpine\nRUN echo curl\n';
    expect(locate(text, 'curl')).toEqual([{ range: { start: { line: 2, column: 10 }, end: { line: 2, column: 14 } }, text: 'curl' }]);
    // A word on the first line, right after the BOM.
    const first = lintText('\uFEFFFRM alpine\n', { filename: 'Dockerfile' }).findings.find((f) => f.ruleId === 'dockerfile-syntax');
    expect(first?.range).toEqual({ start: { line: 1, column: 1 }, end: { line: 1, column: 4 } });
  });

  it('counts a tab as one column', () => {
    const text = 'FROM alpine\nRUN\techo\t\tcurl\n';
    expect(locate(text, 'curl')).toEqual([{ range: { start: { line: 2, column: 11 }, end: { line: 2, column: 15 } }, text: 'curl' }]);
  });

  it('counts columns in UTF-16 code units (an emoji is two)', () => {
    const text = 'FROM alpine\nRUN echo "é😀" && curl x\n';
    expect(locate(text, 'curl')).toEqual([{ range: { start: { line: 2, column: 19 }, end: { line: 2, column: 23 } }, text: 'curl' }]);
  });

  it('finds words in heredoc bodies at their line', () => {
    const text = 'FROM alpine\nRUN <<EOF\nset -e\n  curl -f x\nEOF\n';
    expect(locate(text, 'curl')).toEqual([{ range: { start: { line: 4, column: 3 }, end: { line: 4, column: 7 } }, text: 'curl' }]);
  });

  it('gives parser spans that slice back to the written text in a CRLF file with tabs and a multi-line instruction', () => {
    const source = 'FROM\talpine:3.19 AS base\r\nENV A=1 \\\r\n\tB="two words"\r\nCOPY --chown=app \\\r\n   src/ /app/\r\n';
    const p = parse(source);
    const spans: [Span | undefined, string][] = [
      [p.ins(0, 'FROM').image?.span, 'alpine:3.19'],
      [p.ins(0, 'FROM').stageName?.span, 'base'],
      [p.ins(1, 'ENV').pairs[1]!.span, 'B="two words"'],
      [p.ins(1, 'ENV').pairs[1]!.value?.span, '"two words"'],
      [p.ins(2, 'COPY').chown?.span, '--chown=app'],
      [p.ins(2, 'COPY').sources[0]!.span, 'src/'],
      [p.ins(2, 'COPY').destination?.span, '/app/'],
      [p.ins(2, 'COPY').span, 'COPY --chown=app \\\r\n   src/ /app/'],
    ];
    for (const [span, expected] of spans) expect(p.text(span)).toBe(expected);
  });
});

describe('SourceText', () => {
  it('maps offsets to positions and back, with CRLF, lone CR and the end of the text', () => {
    const source = new SourceText('f', 'ab\r\ncd\ref\n');
    expect([0, 2, 4, 7, 10].map((o) => source.positionAt(o))).toEqual([
      { line: 0, character: 0 },
      { line: 0, character: 2 },
      { line: 1, character: 0 },
      { line: 2, character: 0 },
      { line: 3, character: 0 },
    ]);
    expect(source.lineText(0)).toBe('ab');
    expect(source.offsetAt({ line: 1, character: 1 })).toBe(5);
    expect(source.positionAt(999)).toEqual({ line: 3, character: 0 });
  });

  it('removes a BOM and remembers it', () => {
    const source = new SourceText('f', '\uFEFFFROM a');
    expect([source.hasBom, source.text]).toEqual([true, 'FROM a']);
  });
});
