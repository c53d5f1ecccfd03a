/** The shared Dockerfile queries the instruction rules use. */
import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../src/parse/dockerfile/parser.js';
import {
  expandWithDefaults,
  instructionsBefore,
  isAbsolutePath,
  looksLikeJsonArray,
  resolveFrom,
  rootedInScratch,
  stageLineage,
} from '../src/model/dockerfile-query.js';

const df = parseDockerfile(
  ['ARG TAG', 'ARG V=3.20', 'ARG IMG=alpine:${V}', 'FROM scratch AS Base', 'WORKDIR /x', 'FROM base AS mid', 'ENV A=1', 'FROM mid', 'COPY a b', 'FROM debian:12 AS other'].join('\n'),
);

describe('stages', () => {
  it('follows FROM <stage> back to the root', () => {
    expect(stageLineage(df.stages[2]!, df).map((s) => s.index)).toEqual([0, 1, 2]);
    expect(rootedInScratch(df.stages[2]!, df)).toBe(true);
    expect(rootedInScratch(df.stages[3]!, df)).toBe(false);
    expect(instructionsBefore(df.stages[2]!, df, df.stages[2]!.instructions[0]).map((i) => i.keyword)).toEqual(['WORKDIR', 'ENV']);
  });

  it('resolves --from like BuildKit: names case-insensitively, indexes, images', () => {
    expect(resolveFrom('BASE', df)).toMatchObject({ kind: 'stage', stage: { index: 0 } });
    expect(resolveFrom('3', df)).toMatchObject({ kind: 'stage', stage: { index: 3 } });
    expect(resolveFrom('4', df).kind).toBe('unknown');
    expect(resolveFrom('biuld', df).kind).toBe('unknown');
    expect(resolveFrom('nginx:1.27', df).kind).toBe('image');
    expect(resolveFrom('ghcr.io/org/tool', df).kind).toBe('image');
    expect(resolveFrom('${X}', df).kind).toBe('dynamic');
  });
});

describe('expandWithDefaults', () => {
  it('uses ARG defaults, empty for ARGs without one, and earlier ARGs in defaults', () => {
    expect(expandWithDefaults('alpine:${TAG}', df)).toBe('alpine:');
    expect(expandWithDefaults('${IMG}', df)).toBe('alpine:3.20');
    expect(expandWithDefaults('${TAG:-3.19}', df)).toBe('3.19');
    expect(expandWithDefaults('golang:${GO}', df)).toBeUndefined();
  });
});

describe('small predicates', () => {
  it('tells JSON meant as exec form from the shell test command', () => {
    expect(looksLikeJsonArray("['a', 'b']")).toBe(true);
    expect(looksLikeJsonArray('[a, b]')).toBe(true);
    expect(looksLikeJsonArray('["a" "b"]')).toBe(true);
    expect(looksLikeJsonArray('[ -f x ]')).toBe(false);
    expect(looksLikeJsonArray('[ -f x ] && y')).toBe(false);
  });
  it('knows absolute paths on Linux and Windows', () => {
    for (const p of ['/app', 'C:\\app', 'c:/app', '\\app']) expect(isAbsolutePath(p), p).toBe(true);
    for (const p of ['app', './app', 'C:app', '$HOME']) expect(isAbsolutePath(p), p).toBe(false);
  });
});
