/**
 * Large Dockerfiles finish in time proportional to their size: rules that look back over the
 * stage (SHELL in effect, WORKDIR set before, declarations before, installs before a COPY)
 * once did so per instruction, which made a few thousand instructions take minutes.
 */
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/index.js';

const BLOCK = 'COPY a b\nWORKDIR rel\nENV X=$UNDEFINED_THING\nCOPY . .\nRUN apt-get install -y x\nCOPY x $NOPE/y\nRUN echo $X\n';

describe('scale', () => {
  it('lints a 21,000-instruction Dockerfile with every rule on, in bounded time', () => {
    const text = `FROM debian:12\nSHELL ["/bin/bash", "-c"]\n${BLOCK.repeat(3000)}`;
    const started = performance.now();
    const { findings } = lintText(text, { filename: 'Dockerfile', config: { extends: 'plimsoll:all' } });
    const ms = performance.now() - started;
    expect(findings.filter((f) => f.ruleId === 'internal-error')).toEqual([]);
    expect(findings.length).toBeGreaterThan(0);
    // About 1.5 s here; the quadratic version took well over a minute. Generous on purpose.
    expect(ms).toBeLessThan(25_000);
  });
});
