/** Parser: which variable references were declared where BuildKit expands them, and empty continuation lines. */
import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../src/parse/dockerfile/parser.js';

const refs = (source: string, index: number) =>
  parseDockerfile(source).instructions[index]!.variables.map((v) => `${v.name}:${v.defined ? 'defined' : 'undefined'}`);

describe('VariableRef.defined', () => {
  it('sees global ARGs and the platform ARGs in FROM', () => {
    expect(refs('ARG BASE=alpine\nFROM $BASE:${TAG}\n', 1)).toEqual(['BASE:defined', 'TAG:undefined']);
    expect(refs('FROM --platform=$BUILDPLATFORM golang:1.22\n', 0)).toEqual(['BUILDPLATFORM:defined']);
  });

  it('does not see global ARGs inside a stage until they are redeclared', () => {
    const source = 'ARG VERSION=1\nFROM alpine\nLABEL v=$VERSION\nARG VERSION\nLABEL v=$VERSION\n';
    expect(refs(source, 2)).toEqual(['VERSION:undefined']);
    expect(refs(source, 4)).toEqual(['VERSION:defined']);
  });

  it('sees ENV and ARG of the stage, predefined proxy ARGs, and the ENV of a base stage', () => {
    const source = [
      'FROM alpine AS base',
      'ENV APP=/app',
      'ARG MODE',
      'COPY x $APP/$MODE/$HTTP_PROXY',
      'FROM base',
      'WORKDIR $APP/$MODE',
    ].join('\n');
    expect(refs(source, 3)).toEqual(['APP:defined', 'MODE:defined', 'HTTP_PROXY:defined']);
    // ENV is inherited through FROM <stage>; ARG is not.
    expect(refs(source, 5)).toEqual(['APP:defined', 'MODE:undefined']);
  });

  it('expands all values of one ENV with the scope from before it', () => {
    expect(refs('FROM alpine\nENV A=1 B=$A\n', 1)).toEqual(['A:undefined']);
    expect(refs('FROM alpine\nARG A=1 B=$A\n', 1)).toEqual(['A:defined']);
  });

  it('does not record references where BuildKit does not expand', () => {
    expect(refs('FROM alpine\nRUN echo $HOME\n', 1)).toEqual([]);
    expect(refs('FROM alpine\nONBUILD COPY $X /\n', 1)).toEqual([]);
  });
});

describe('emptyContinuationLines', () => {
  it('records blank lines inside a continued instruction, not comment lines', () => {
    const source = 'FROM alpine\nRUN apk add \\\n\n    # a comment\n    curl\nRUN true\n\n';
    const df = parseDockerfile(source);
    expect(df.emptyContinuationLines).toEqual([{ start: 26, end: 26 }]);
    expect(df.instructions[1]!.argsText.replace(/\s+/g, ' ')).toBe('apk add curl');
  });

  it('records whitespace-only lines with their extent', () => {
    const source = 'FROM alpine\nRUN a \\\n   \n  b\n';
    expect(parseDockerfile(source).emptyContinuationLines).toEqual([{ start: 20, end: 23 }]);
  });
});

describe('line continuation', () => {
  it('does not continue a line that ends with an escaped escape character, as BuildKit', () => {
    const df = parseDockerfile('FROM a\nCOPY x C:\\\\dir\\\\\nENV A=1\nRUN b \\\n  c\n');
    expect(df.instructions.map((i) => i.keyword)).toEqual(['FROM', 'COPY', 'ENV', 'RUN']);
    expect(df.instructions[3]!.argsText.replace(/\s+/g, ' ')).toBe('b c');
  });
  it('continues a line made of the escape character alone, and honours the escape directive', () => {
    const df = parseDockerfile('FROM a\nRUN b \\\n\\\n  c\n');
    expect(df.instructions.map((i) => i.keyword)).toEqual(['FROM', 'RUN']);
    const windows = parseDockerfile('# escape=`\nFROM a\nCOPY x C:\\dir\\\nRUN b `\n  c\n');
    expect(windows.instructions.map((i) => i.keyword)).toEqual(['FROM', 'COPY', 'RUN']);
  });
});

describe('expansion of variable values', () => {
  const workdir = (source: string) => {
    const ins = parseDockerfile(source).instructions.find((i) => i.keyword === 'WORKDIR') as { pathExpanded?: string };
    return ins.pathExpanded;
  };
  it('inserts a value literally: its backslashes, quotes and spaces are not processed again', () => {
    expect(workdir('FROM a\nENV GOPATH C:\\\\go\nWORKDIR $GOPATH\n')).toBe('C:\\go');
    expect(workdir('FROM a\nENV D="/my  dir"\nWORKDIR $D/x\n')).toBe('/my  dir/x');
    expect(workdir('FROM a\nARG Q=it\\\'s\nWORKDIR "/$Q"\n')).toBe("/it's");
    expect(workdir('FROM a\nENV B=/x\\\\y\nWORKDIR "${B}/z"\n')).toBe('/x\\y/z');
  });
});
