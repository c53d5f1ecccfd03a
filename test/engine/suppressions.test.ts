/** Inline suppressions (ours, hadolint's, BuildKit's check directive), applied after the rules. */
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/index.js';

const ids = (text: string) => lintText(text, { filename: 'Dockerfile' }).findings.map((f) => `${f.range.start.line}:${f.ruleId}`);

// Two findings: untagged-image on line 1, add-instead-of-copy on line 2.
const BASE = 'FROM alpine\nADD app.txt /app/\nUSER app\n';

describe('suppressions', () => {
  it('finds what the other tests suppress', () => {
    expect(ids(BASE)).toEqual(['1:untagged-image', '2:add-instead-of-copy']);
  });

  it('# plimsoll-ignore-next-line with rule ids and a reason silences only those rules on the next instruction', () => {
    const text = '# plimsoll-ignore-next-line untagged-image, latest-tag -- pinned by digest in CI\nFROM alpine\nADD app.txt /app/\nUSER app\n';
    expect(ids(text)).toEqual(['3:add-instead-of-copy']);
  });

  it('# plimsoll-ignore-next-line without ids silences every rule on the next instruction only', () => {
    expect(ids('FROM alpine\n# plimsoll-ignore-next-line\nADD app.txt /app/\nUSER app\n')).toEqual(['1:untagged-image']);
  });

  it('skips blank lines and comments between the suppression and its instruction, and covers all its lines', () => {
    const text = 'FROM alpine:3\n# plimsoll-ignore-next-line apt-get-missing-yes\n\n# why: the mirror is slow\nRUN apt-get update && \\\n    apt-get install curl\nRUN apt-get install git\nUSER app\n';
    expect(ids(text).filter((f) => f.endsWith(':apt-get-missing-yes'))).toEqual(['7:apt-get-missing-yes']);
  });

  it('does not silence another rule named in the comment', () => {
    expect(ids('# plimsoll-ignore-next-line latest-tag\nFROM alpine\nUSER app\n')).toEqual(['2:untagged-image']);
  });

  it('# plimsoll-ignore-file silences a rule (or everything) in the whole file', () => {
    expect(ids('# plimsoll-ignore-file add-instead-of-copy -- legacy\nFROM alpine\nADD a /a\nADD b /b\nUSER app\n')).toEqual(['2:untagged-image']);
    expect(ids('FROM alpine\nADD a /a\n# plimsoll-ignore-file\nUSER app\n')).toEqual([]);
  });

  it('honours # hadolint ignore= through the rules\' hadolint sources, with or without spaces after commas', () => {
    expect(ids('# hadolint ignore=DL3006,DL3020\nFROM alpine\nADD a /a\nUSER app\n')).toEqual(['3:add-instead-of-copy']);
    expect(ids('# hadolint ignore=DL3020, DL3006\nFROM alpine\nUSER app\n')).toEqual([]);
    expect(ids('FROM alpine\n# hadolint ignore=DL3020\nADD a /a\nADD b /b\nUSER app\n')).toEqual(['1:untagged-image', '4:add-instead-of-copy']);
  });

  it('honours # hadolint global ignore= for the whole file, and ignores unknown codes', () => {
    expect(ids('FROM alpine\n# hadolint global ignore=DL3020\nADD a /a\nADD b /b\nUSER app\n')).toEqual(['1:untagged-image']);
    expect(ids('# hadolint ignore=DL9999\nFROM alpine\nUSER app\n')).toEqual(['2:untagged-image']);
  });

  it('honours BuildKit\'s # check=skip= directive through the rules\' buildkit sources', () => {
    const text = '# check=skip=MaintainerDeprecated\nFROM alpine:3\nMAINTAINER me\nUSER app\n';
    expect(ids(text)).toEqual([]);
    expect(ids(text.replace('# check=skip=MaintainerDeprecated\n', ''))).toEqual(['2:maintainer-deprecated']);
  });
});
