/**
 * Large Dockerfiles finish in time proportional to their size: rules that look back over the
 * stage (SHELL in effect, WORKDIR set before, declarations before, installs before a COPY)
 * once did so per instruction, which made a few thousand instructions take minutes.
 */
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/index.js';

const BLOCK = [
  'COPY a b',
  'WORKDIR rel',
  'ENV X=$UNDEFINED_THING',
  'COPY . .',
  'RUN apt-get install -y x && apt install y',
  'COPY x $NOPE/y',
  'RUN echo $X | grep x && cd /tmp && sudo true',
  'RUN pip install a && npm install b && go install c@latest && gem install d && yarn add e',
  'RUN apk add f && yum install g && dnf install h && zypper install i && wget j && curl k',
  'RUN useradd u && ln -sf /bin/bash /bin/sh && apt-get update && apt-get upgrade',
  'CMD run $X',
  'LABEL a=b',
  'EXPOSE 80',
  'HEALTHCHECK CMD true',
  'USER root',
  '',
].join('\n');

/** Lints `blocks` copies of BLOCK with every rule on; returns the fastest of `runs` times, in ms. */
function lintTime(blocks: number, runs: number): number {
  const text = `FROM debian:12\nSHELL ["/bin/bash", "-c"]\n${BLOCK.repeat(blocks)}`;
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const { findings } = lintText(text, { filename: 'Dockerfile', config: { extends: 'plimsoll:all' } });
    best = Math.min(best, performance.now() - started);
    expect(findings.filter((f) => f.ruleId === 'internal-error')).toEqual([]);
    expect(findings.length).toBeGreaterThan(blocks);
  }
  return best;
}

describe('scale', () => {
  it('lints four times the instructions in about four times the time, not sixteen', () => {
    // Relative, so a loaded machine does not fail it: linear work gives a ratio near 4, work
    // per instruction that grows with the stage (the bug this guards against) gives ~16.
    const small = lintTime(100, 2);
    const large = lintTime(400, 1);
    console.log(`scale: ${Math.round(small)} ms, 4x: ${Math.round(large)} ms`);
    expect(large / small).toBeLessThan(9);
  });
});
