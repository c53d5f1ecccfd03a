/** Line continuations, comments and blank lines inside them, and the escape character. */
import { describe, expect, it } from 'vitest';
import { parse } from './helpers.js';

describe('line continuations', () => {
  it('joins continued lines the way BuildKit does and keeps every word at its source position', () => {
    const source = 'FROM alpine\nRUN apk add \\\n      curl \\\n      git\nUSER app\n';
    const p = parse(source);
    const run = p.ins(1, 'RUN');
    expect(run.argsText).toBe('apk add       curl       git');
    expect(p.text(run.span)).toBe('RUN apk add \\\n      curl \\\n      git');
    expect(p.text(run.argsSpan)).toBe('apk add \\\n      curl \\\n      git');
    expect(run.words.map((w) => [w.value, p.text(w.span)])).toEqual([
      ['apk', 'apk'],
      ['add', 'add'],
      ['curl', 'curl'],
      ['git', 'git'],
    ]);
    expect(run.words[3]!.span.start).toBe(source.indexOf('git'));
    expect(p.ins(2, 'USER').user?.value).toBe('app');
  });

  it('drops comment lines and blank lines inside a continued instruction, recording both', () => {
    const source = 'FROM a\nRUN one \\\n  # first comment\n\n    # second\n  two\nCMD x\n';
    const p = parse(source);
    const run = p.ins(1, 'RUN');
    expect(run.words.map((w) => w.value)).toEqual(['one', 'two']);
    expect(p.text(run.span)).toBe('RUN one \\\n  # first comment\n\n    # second\n  two');
    expect(p.df.comments.map((c) => [c.text, p.text(c.span), c.insideInstruction])).toEqual([
      ['first comment', '# first comment', true],
      ['second', '# second', true],
    ]);
    expect(p.df.emptyContinuationLines?.map((s) => s.start)).toEqual([source.indexOf('\n\n') + 1]);
    expect(p.ins(2, 'CMD').argsText).toBe('x');
  });

  it('treats "#" after an instruction as part of its arguments, not a comment', () => {
    const p = parse('FROM a\nRUN echo # not a comment\n');
    expect(p.ins(1, 'RUN').argsText).toBe('echo # not a comment');
    expect(p.df.comments).toEqual([]);
  });

  it('accepts whitespace after the escape character and a line that is only the escape character', () => {
    const p = parse('FROM a\nRUN a \\  \t\n\\\nb\n');
    expect(p.ins(1, 'RUN').words.map((w) => w.value)).toEqual(['a', 'b']);
  });

  it('does not continue a line that ends in an escaped escape character', () => {
    const p = parse('FROM a\nCOPY a C:\\\\dir\\\\\nUSER x\n');
    expect(p.ins(1, 'COPY').destination?.raw).toBe('C:\\\\dir\\\\');
    expect(p.ins(2, 'USER').user?.value).toBe('x');
  });

  it('ends the instruction at the end of the file when the last line continues', () => {
    const p = parse('FROM a\nRUN echo \\');
    expect(p.ins(1, 'RUN').words.map((w) => w.value)).toEqual(['echo']);
    expect(p.errors()).toEqual([]);
  });

  it('handles CRLF line endings: nothing of the CR leaks into values or spans', () => {
    const source = 'FROM a AS b\r\nRUN x \\\r\n  # c\r\n\r\n  y\r\nENV K=v\r\n';
    const p = parse(source);
    expect(p.ins(0, 'FROM').stageName?.value).toBe('b');
    const run = p.ins(1, 'RUN');
    expect(run.words.map((w) => w.value)).toEqual(['x', 'y']);
    expect(p.text(run.span)).toBe('RUN x \\\r\n  # c\r\n\r\n  y');
    expect(p.df.comments.map((c) => p.text(c.span))).toEqual(['# c']);
    const env = p.ins(2, 'ENV');
    expect(env.pairs.map((kv) => [kv.key.value, kv.value?.value, p.text(kv.value?.span)])).toEqual([['K', 'v', 'v']]);
  });

  it('keeps tabs as whitespace between words', () => {
    const p = parse('FROM a\n\tRUN\techo\ta \\\n\t\tb\n');
    const run = p.ins(1, 'RUN');
    expect(p.text(run.keywordSpan)).toBe('RUN');
    expect(run.words.map((w) => p.text(w.span))).toEqual(['echo', 'a', 'b']);
  });
});

describe('escape character', () => {
  it('uses the backtick for continuations and escapes after "# escape=`", and backslash is then literal', () => {
    const source = '# escape=`\nFROM mcr.microsoft.com/windows/servercore\nRUN dir C:\\ `\n    && echo done\nCOPY a C:\\app\\\nWORKDIR C:\\app\n';
    const p = parse(source);
    expect(p.df.escapeChar).toBe('`');
    const run = p.ins(1, 'RUN');
    expect(run.words.map((w) => w.value)).toEqual(['dir', 'C:\\', '&&', 'echo', 'done']);
    expect(p.text(run.span)).toBe('RUN dir C:\\ `\n    && echo done');
    // A trailing backslash does not continue the line when the escape character is a backtick.
    expect(p.ins(2, 'COPY').destination?.value).toBe('C:\\app\\');
    expect(p.ins(3, 'WORKDIR').path?.value).toBe('C:\\app');
  });

  it('escapes quotes and spaces with the escape character', () => {
    const backslash = parse('FROM a\nLABEL k=a\\ b q=\\"x\\"\n').ins(1, 'LABEL');
    expect(backslash.pairs.map((kv) => kv.value?.value)).toEqual(['a b', '"x"']);
    const backtick = parse('# escape=`\nFROM a\nLABEL k=a` b q=`"x`" p=C:\\x\n').ins(1, 'LABEL');
    expect(backtick.pairs.map((kv) => kv.value?.value)).toEqual(['a b', '"x"', 'C:\\x']);
  });

  it('protects "$" from expansion with the escape character', () => {
    const p = parse('FROM a\nARG V=1\nENV A=\\$V B=$V\n');
    expect(p.ins(2, 'ENV').pairs.map((kv) => kv.value?.value)).toEqual(['$V', '1']);
    const t = parse('# escape=`\nFROM a\nARG V=1\nENV A=`$V B=$V\n');
    expect(t.ins(2, 'ENV').pairs.map((kv) => kv.value?.value)).toEqual(['$V', '1']);
  });
});
