/** ARG/ENV scoping across stages and BuildKit's `${VAR…}` expansion forms, with reference spans. */
import { describe, expect, it } from 'vitest';
import { parse } from './helpers.js';

/** The values of the ENV instruction at `index`, after expansion. */
const envValues = (source: string, index: number) =>
  Object.fromEntries(parse(source).ins(index, 'ENV').pairs.map((kv) => [kv.key.value, kv.value?.value]));

describe('expansion forms', () => {
  const prelude = 'FROM a\nARG SET=v\nARG EMPTY=\nARG UNSET\n';

  it('expands $X and ${X}', () => {
    expect(envValues(`${prelude}ENV A=$SET B=\${SET} C=x\${SET}y D=$SET.$SET\n`, 4)).toEqual({ A: 'v', B: 'v', C: 'xvy', D: 'v.v' });
  });

  it('${X:-d} and ${X-d}: the default when unset (and, with the colon, when empty)', () => {
    expect(envValues(`${prelude}ENV A=\${SET:-d} B=\${EMPTY:-d} C=\${UNSET:-d} D=\${SET-d} E=\${EMPTY-d} F=\${UNSET-d}\n`, 4)).toEqual({
      A: 'v',
      B: 'd',
      C: 'd',
      D: 'v',
      E: '',
      F: 'd',
    });
  });

  it('${X:+a} and ${X+a}: the alternative when set (and, with the colon, not empty)', () => {
    expect(envValues(`${prelude}ENV A=\${SET:+a} B=\${EMPTY:+a} C=\${UNSET:+a} D=\${SET+a} E=\${EMPTY+a} F=\${UNSET+a}\n`, 4)).toEqual({
      A: 'a',
      B: '',
      C: '',
      D: 'a',
      E: 'a',
      F: '',
    });
  });

  it('${X:?m} and ${X?m}: the value when set; kept as written when BuildKit would fail', () => {
    expect(envValues(`${prelude}ENV A=\${SET:?m} B=\${UNSET?m} C=\${SET?m}\n`, 4)).toEqual({ A: 'v', B: '${UNSET?m}', C: 'v' });
  });

  it('expands defaults that are themselves variables', () => {
    expect(envValues(`${prelude}ENV A=\${UNSET:-\${SET}} B=\${UNSET:-$SET-x}\n`, 4)).toEqual({ A: 'v', B: 'v-x' });
  });

  it('does not expand in single quotes or after the escape character; does in double quotes', () => {
    expect(envValues(`${prelude}ENV A='$SET' B="$SET" C=\\$SET D="a \${SET} b"\n`, 4)).toEqual({ A: '$SET', B: 'v', C: '$SET', D: 'a v b' });
  });

  it('keeps unknown variables and unsupported operators as written', () => {
    expect(envValues(`${prelude}ENV A=$NOPE B=\${NOPE} C=\${SET#v} D=$\n`, 4)).toEqual({ A: '$NOPE', B: '${NOPE}', C: '${SET#v}', D: '$' });
  });

  it('inserts values literally: backslashes and quotes in a value are not unescaped again', () => {
    expect(envValues('FROM a\nENV GOPATH=C:\\\\go Q=\'say "hi"\'\nENV P=$GOPATH R=$Q\n', 2)).toEqual({ P: 'C:\\go', R: 'say "hi"' });
  });

  it('records every reference with its span, fallback and whether it was declared', () => {
    const p = parse(`${prelude}WORKDIR /w/$SET/\${NOPE:-n}/\${UNSET}\n`);
    const workdir = p.ins(4, 'WORKDIR');
    expect(workdir.pathExpanded).toBe('/w/v/n/${UNSET}');
    expect(workdir.variables.map((v) => [v.name, p.text(v.span), v.hasFallback, v.defined])).toEqual([
      ['SET', '$SET', false, true],
      ['NOPE', '${NOPE:-n}', true, false],
      ['UNSET', '${UNSET}', false, true],
    ]);
  });

  it('gives references inside a continued instruction their real position', () => {
    const source = 'FROM a\nARG V=1\nLABEL a=1 \\\n      b=$V\n';
    const p = parse(source);
    const ref = p.ins(2, 'LABEL').variables[0]!;
    expect([p.text(ref.span), ref.span.start]).toEqual(['$V', source.lastIndexOf('$V')]);
  });
});

describe('where BuildKit expands', () => {
  it('expands in ADD, COPY, ENV, EXPOSE, FROM, LABEL, STOPSIGNAL, USER, VOLUME, WORKDIR and ARG', () => {
    const p = parse(
      'ARG TAG=3\nFROM alpine:$TAG\nARG P=80 U=app D=/d S=SIGTERM\nARG Q=$P\nEXPOSE $P\nUSER $U\nWORKDIR $D\nCOPY $D/x $D/\nADD $D/y /\nVOLUME $D\nSTOPSIGNAL $S\nLABEL l=$U\n',
    );
    // All but the two ARGs that only set literals reference a variable.
    const referencing = p.df.instructions.filter((_, i) => i !== 0 && i !== 2);
    for (const ins of referencing) expect(ins.variables.length, ins.keyword).toBeGreaterThan(0);
    expect(p.ins(1, 'FROM').imageExpanded).toBe('alpine:3');
    expect(p.ins(3, 'ARG').pairs[0]!.value?.value).toBe('80');
    expect(p.ins(4, 'EXPOSE').ports[0]!.port).toBe(80);
    expect(p.ins(5, 'USER').userExpanded).toBe('app');
    expect(p.ins(6, 'WORKDIR').pathExpanded).toBe('/d');
    expect(p.ins(7, 'COPY').sources[0]!.value).toBe('/d/x');
  });

  it('does not expand in RUN, CMD, ENTRYPOINT, SHELL, HEALTHCHECK or ONBUILD', () => {
    const p = parse('FROM a\nARG X=1\nRUN echo $X\nCMD echo $X\nENTRYPOINT ["$X"]\nHEALTHCHECK CMD echo $X\nONBUILD RUN echo $X\n');
    for (const ins of p.df.instructions.slice(2)) expect(ins.variables, ins.keyword).toEqual([]);
  });
});

describe('scoping across stages', () => {
  it('uses only global ARGs (and the platform ARGs) in FROM', () => {
    const p = parse('ARG BASE=alpine\nFROM $BASE AS one\nARG BASE=debian\nFROM $BASE\n');
    expect(p.df.stages.map((s) => s.from.imageExpanded)).toEqual(['alpine', 'alpine']);
  });

  it('keeps the platform ARGs as written: every build sets them, to values the parser cannot know', () => {
    const source = 'ARG TARGETARCH\nFROM img:${TARGETARCH:-amd64}\nARG TARGETOS\nARG BUILDARCH\nENV A=${TARGETOS:-linux} B=$BUILDARCH C=${TARGETVARIANT:-v}\n';
    const p = parse(source);
    expect(p.ins(1, 'FROM').imageExpanded).toBe('img:${TARGETARCH:-amd64}');
    expect(p.ins(1, 'FROM').variables.map((v) => [v.name, v.defined])).toEqual([['TARGETARCH', true]]);
    // TARGETVARIANT is not declared in the stage, so BuildKit does not set it there.
    expect(envValues(source, 4)).toEqual({ A: '${TARGETOS:-linux}', B: '$BUILDARCH', C: 'v' });
  });

  it('sees a global ARG inside a stage only once redeclared, inheriting its default', () => {
    const source = 'ARG V=1\nFROM a\nENV BEFORE=$V\nARG V\nENV AFTER=$V\nFROM b\nARG V=2\nENV OWN=$V\n';
    expect(envValues(source, 2)).toEqual({ BEFORE: '$V' });
    expect(envValues(source, 4)).toEqual({ AFTER: '1' });
    expect(envValues(source, 7)).toEqual({ OWN: '2' });
  });

  it('lets ENV win over a later ARG of the same name', () => {
    expect(envValues('FROM a\nENV V=env\nARG V=arg\nENV R=$V\n', 3)).toEqual({ R: 'env' });
  });

  it('expands all pairs of one ENV with the scope before it, and later ENVs see earlier ones', () => {
    expect(envValues('FROM a\nENV A=1\nENV A=2 B=$A\n', 2)).toEqual({ A: '2', B: '1' });
  });

  it('inherits ENV (not ARG) through FROM <stage>, and nothing from an unrelated stage', () => {
    const source = 'FROM a AS base\nENV E=1\nARG R=2\nFROM base\nENV X=$E Y=$R\nFROM a\nENV Z=$E\n';
    expect(envValues(source, 4)).toEqual({ X: '1', Y: '$R' });
    expect(envValues(source, 6)).toEqual({ Z: '$E' });
  });
});
