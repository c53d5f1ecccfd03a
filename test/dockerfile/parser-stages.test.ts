/** Multi-stage builds (names, indexes, FROM <stage>), global ARGs, ONBUILD, and instruction keywords. */
import { describe, expect, it } from 'vitest';
import type { RunInstruction } from '../../src/parse/dockerfile/ast.js';
import { parse } from './helpers.js';

describe('stages', () => {
  it('numbers stages, names them case-insensitively and links FROM <stage> to its base', () => {
    const source = 'ARG GO=1.22\nFROM golang:${GO} AS Build\nRUN go build\nFROM build AS test\nRUN go test\nFROM alpine:3.19\nCOPY --from=build /app /app\n';
    const p = parse(source);
    expect(p.df.stages.map((s) => [s.index, s.name, s.baseStage, p.text(s.from.span)])).toEqual([
      [0, 'build', undefined, 'FROM golang:${GO} AS Build'],
      [1, 'test', 0, 'FROM build AS test'],
      [2, undefined, undefined, 'FROM alpine:3.19'],
    ]);
    expect(p.df.stages.map((s) => s.instructions.map((i) => i.keyword))).toEqual([['RUN'], ['RUN'], ['COPY']]);
    expect(p.text(p.df.stages[0]!.span)).toBe('FROM golang:${GO} AS Build\nRUN go build');
    expect(p.df.instructions.map((i) => i.stageIndex)).toEqual([-1, 0, 0, 1, 1, 2, 2]);
    const from = p.ins(1, 'FROM');
    expect([from.imageExpanded, p.text(from.image?.span), p.text(from.asKeyword?.span), from.stageName?.value]).toEqual([
      'golang:1.22',
      'golang:${GO}',
      'AS',
      'Build',
    ]);
    expect(p.df.globalArgs.map((a) => a.pairs[0]!.key.value)).toEqual(['GO']);
  });

  it('keeps instructions before the first FROM outside any stage', () => {
    const p = parse('ARG A\nRUN echo early\nFROM alpine\n');
    expect(p.df.instructions.map((i) => [i.keyword, i.stageIndex])).toEqual([
      ['ARG', -1],
      ['RUN', -1],
      ['FROM', 0],
    ]);
    expect(p.df.stages[0]!.instructions).toEqual([]);
    expect(p.df.globalArgs).toHaveLength(1);
  });

  it('reports FROM with a wrong AS keyword or extra words', () => {
    expect(parse('FROM a IS b\nFROM a b\n').errors()).toEqual([
      { message: 'Expected "AS" before the stage name, found "IS".', text: 'IS' },
      { message: 'FROM takes an image and, optionally, "AS <name>".', text: 'a b' },
    ]);
  });

  it('accepts keywords in any case and keeps how they were written', () => {
    const p = parse('from alpine as base\nrun echo\nCoPy a b\n');
    expect(p.df.instructions.map((i) => [i.keyword, i.keywordText, p.text(i.keywordSpan)])).toEqual([
      ['FROM', 'from', 'from'],
      ['RUN', 'run', 'run'],
      ['COPY', 'CoPy', 'CoPy'],
    ]);
    expect(p.df.stages[0]!.name).toBe('base');
  });
});

describe('ONBUILD', () => {
  it('parses its trigger as an instruction with its own spans', () => {
    const p = parse('FROM a\nONBUILD COPY --chown=1 . /app\nONBUILD RUN ["make"]\n');
    const onbuild = p.ins(1, 'ONBUILD');
    const trigger = onbuild.trigger!;
    expect([trigger.keyword, trigger.parentOnbuild, p.text(trigger.keywordSpan), p.text(trigger.span)]).toEqual([
      'COPY',
      true,
      'COPY',
      'COPY --chown=1 . /app',
    ]);
    expect(trigger.flags.map((f) => p.text(f.span))).toEqual(['--chown=1']);
    expect(p.text(onbuild.span)).toBe('ONBUILD COPY --chown=1 . /app');
    const run = p.ins(2, 'ONBUILD').trigger as RunInstruction | undefined;
    expect([run?.keyword, run?.form]).toEqual(['RUN', 'json']);
  });

  it('refuses ONBUILD, FROM and MAINTAINER as triggers', () => {
    expect(parse('FROM a\nONBUILD ONBUILD RUN x\nONBUILD FROM b\nONBUILD MAINTAINER me\n').errors()).toEqual([
      { message: 'ONBUILD is not allowed as an ONBUILD trigger.', text: 'ONBUILD' },
      { message: 'FROM is not allowed as an ONBUILD trigger.', text: 'FROM' },
      { message: 'MAINTAINER is not allowed as an ONBUILD trigger.', text: 'MAINTAINER' },
    ]);
  });

  it('does not expand variables in its trigger (they are expanded in the child build)', () => {
    const p = parse('FROM a\nARG X=1\nONBUILD COPY $X /\n');
    expect(p.ins(2, 'ONBUILD').trigger?.variables).toEqual([]);
  });
});

describe('unknown and incomplete instructions', () => {
  it('reports an unknown instruction with a suggestion, and goes on', () => {
    const p = parse('FROM a\nRUNN echo\nFOO bar\nUSER x\n');
    expect(p.errors()).toEqual([
      { message: 'Unknown instruction "RUNN" (did you mean RUN?).', text: 'RUNN' },
      { message: 'Unknown instruction "FOO".', text: 'FOO' },
    ]);
    expect(p.df.instructions.map((i) => i.keyword)).toEqual(['FROM', 'RUNN', 'FOO', 'USER']);
    expect((p.df.instructions[1] as { unknown?: boolean }).unknown).toBe(true);
  });

  it('reports instructions without arguments, and COPY without a destination', () => {
    expect(parse('FROM a\nRUN\nCOPY onlyone\nWORKDIR\n').errors()).toEqual([
      { message: 'RUN requires at least one argument.', text: 'RUN' },
      { message: 'COPY requires at least one source and a destination.', text: 'onlyone' },
      { message: 'WORKDIR requires at least one argument.', text: 'WORKDIR' },
    ]);
  });

  it('reports a file with no instructions at its start, as BuildKit refuses it', () => {
    for (const source of ['', '\n\n', '# only a comment\n', '# syntax=docker/dockerfile:1\n']) {
      const p = parse(source);
      expect(p.df.errors.map((e) => [e.message, e.span]), JSON.stringify(source)).toEqual([
        ['The Dockerfile has no instructions; start it with FROM <image>.', { start: 0, end: 0 }],
      ]);
    }
  });
});
