/** What a RUN leaves in its layer: shipped stages, mounts, removals, environment. */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDockerfile } from '../src/parse/dockerfile/parser.js';
import { initShellParser, parseShell } from '../src/parse/dockerfile/shell.js';
import type { RunInstruction } from '../src/parse/dockerfile/ast.js';
import { shellOfInstruction } from '../src/model/dockerfile-shell.js';
import { envValueFor, isTruthy, layerIsShipped, mountCovers, removalOf, shippedStages } from '../src/model/run-cleanup.js';

beforeAll(() => initShellParser());

describe('shippedStages', () => {
  it('is the last stage and its bases, plus stages whose root it copies', () => {
    const df = parseDockerfile(
      ['FROM a AS base', 'FROM base AS final-base', 'FROM b AS build', 'FROM c AS rootfs', 'FROM final-base', 'COPY --from=build /out /out', 'COPY --from=rootfs / /'].join('\n'),
    );
    expect([...shippedStages(df)].sort()).toEqual([0, 1, 3, 4]);
    const run = parseDockerfile('FROM a AS build\nRUN x\nFROM b\nONBUILD RUN y\n');
    expect(layerIsShipped(run.stages[0]!.instructions[0]!, run)).toBe(false);
    expect(layerIsShipped(run.stages[1]!.instructions[0]!, run)).toBe(true);
  });
});

describe('mountCovers', () => {
  const run = (flags: string) => parseDockerfile(`FROM a\nRUN ${flags} true\n`).stages[0]!.instructions[0] as RunInstruction;
  it('accepts cache and tmpfs mounts at the path or above it', () => {
    expect(mountCovers(run('--mount=type=cache,target=/var/lib/apt/lists/'), '/var/lib/apt/lists')).toBe(true);
    expect(mountCovers(run('--mount=type=cache,dst=/var/lib/apt'), '/var/lib/apt/lists')).toBe(true);
    expect(mountCovers(run('--mount=type=tmpfs,destination=/var/cache/apk'), '/var/cache/apk')).toBe(true);
    expect(mountCovers(run('--mount=type=cache,target=/var/lib/apt/lists/partial'), '/var/lib/apt/lists')).toBe(false);
    expect(mountCovers(run('--mount=type=bind,target=/var/lib/apt/lists'), '/var/lib/apt/lists')).toBe(false);
    expect(mountCovers(run('--mount=type=cache,target=/var/lib/aptitude'), '/var/lib/apt')).toBe(false);
  });
});

describe('removalOf', () => {
  const removes = (text: string, path: string, after = -1) => removalOf(parseShell(text), [path], after) !== undefined;
  it('finds rm of the path, of its contents or of a parent, and find -delete', () => {
    expect(removes('rm -rf /var/lib/apt/lists/*', '/var/lib/apt/lists')).toBe(true);
    expect(removes('rm -rf /var/lib/apt/lists/', '/var/lib/apt/lists')).toBe(true);
    expect(removes('rm -r /var/lib/apt', '/var/lib/apt/lists')).toBe(true);
    expect(removes('find /var/lib/apt/lists -type f -delete', '/var/lib/apt/lists')).toBe(true);
    expect(removes('rm -rf /var/lib/apt/lists/partial', '/var/lib/apt/lists')).toBe(false);
    expect(removes('rm -rf "$LISTS"', '/var/lib/apt/lists')).toBe(false);
    expect(removes('find /var/lib/apt/lists -type f', '/var/lib/apt/lists')).toBe(false);
  });
  it('only after the given offset', () => {
    const text = 'rm -rf /var/cache/apk/* && apk add x';
    expect(removes(text, '/var/cache/apk', text.indexOf('apk add'))).toBe(false);
  });
});

describe('envValueFor', () => {
  const text = 'FROM a AS base\nENV PIP_NO_CACHE_DIR=1\nARG EMPTY\nFROM base\nRUN X=2; export Y=3; Z=4 pip install x\n';
  it('reads the command line, the script before it, and ENV/ARG of the lineage', () => {
    const df = parseDockerfile(text);
    const run = df.stages[1]!.instructions[0] as RunInstruction;
    const script = shellOfInstruction(run, text, df);
    const pip = script.commands.find((c) => c.name?.value === 'pip')!;
    expect(envValueFor('Z', pip, script, run, df)).toBe('4');
    expect(envValueFor('Y', pip, script, run, df)).toBe('3');
    expect(envValueFor('X', pip, script, run, df)).toBe('2');
    expect(envValueFor('PIP_NO_CACHE_DIR', pip, script, run, df)).toBe('1');
    expect(envValueFor('EMPTY', pip, script, run, df)).toBeUndefined();
    expect(envValueFor('NOPE', pip, script, run, df)).toBeUndefined();
  });
  it('knows truthy values', () => {
    expect(['1', 'true', 'YES', 'on'].map(isTruthy)).toEqual([true, true, true, true]);
    expect(['0', 'false', '', undefined].map(isTruthy)).toEqual([false, false, false, false]);
  });
});
