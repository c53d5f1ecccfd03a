/**
 * Work per instruction must not grow with the size of the stage. Rules that ask "was X set
 * before this instruction?" once rescanned the stage for every instruction, so a few thousand
 * instructions took minutes. Timing is too noisy on a shared machine to show it; counting is
 * not: the stage's instruction lists are wrapped to count element reads while every rule runs.
 */
import { describe, expect, it } from 'vitest';
import { resolveInlineConfig, settingsForFile } from '../../src/core/config.js';
import { runRules } from '../../src/core/engine.js';
import { sourceIndex } from '../../src/core/registry.js';
import { SourceText } from '../../src/core/source.js';
import { parseDockerfileFile } from '../../src/formats/dockerfile.js';
import type { Instruction } from '../../src/parse/dockerfile/ast.js';
import { initShellParser } from '../../src/parse/dockerfile/shell.js';

/** Each block asks every "before this instruction" question once, among cheap instructions. */
const BLOCK = [
  'RUN apt-get install -y x',
  'RUN pip install a && yarn add b && go install c@latest',
  'COPY . .',
  'COPY a b',
  'WORKDIR rel',
  'ENV X=$UNDEFINED_THING',
  'CMD run $X',
  ...Array.from({ length: 10 }, (_, i) => `LABEL l${i}=v`),
  '',
].join('\n');

function counted(list: Instruction[], counter: { reads: number }): Instruction[] {
  return new Proxy(list, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) counter.reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

/** Element reads of the instruction lists while every rule lints `blocks` blocks. */
async function reads(blocks: number): Promise<number> {
  await initShellParser();
  const text = `FROM debian:12 AS base\nENV A=1\nFROM base\n${BLOCK.repeat(blocks)}`;
  const parsed = parseDockerfileFile(new SourceText('Dockerfile', text));
  const counter = { reads: 0 };
  const dockerfile = parsed.dockerfile!;
  dockerfile.instructions = counted(dockerfile.instructions, counter);
  for (const stage of dockerfile.stages) stage.instructions = counted(stage.instructions, counter);
  const { rules } = settingsForFile(resolveInlineConfig({ extends: 'plimsoll:all' }, process.cwd()), 'Dockerfile');
  const findings = runRules(parsed, rules, sourceIndex());
  expect(findings.filter((f) => f.ruleId === 'internal-error')).toEqual([]);
  return counter.reads;
}

describe('scale', () => {
  it('reads the instructions a constant number of times per instruction, whatever the stage size', async () => {
    const small = await reads(50);
    const large = await reads(200);
    // Linear work: 4 times the reads for 4 times the instructions. One rescan per instruction: 16.
    expect(large / small, `${small} reads, then ${large}`).toBeLessThan(5);
  });
});
