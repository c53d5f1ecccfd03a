/** BuildKit instruction flags: names, values, spans, `--mount` option sets, and the mistakes BuildKit refuses. */
import { describe, expect, it } from 'vitest';
import { parse } from './helpers.js';

describe('RUN flags', () => {
  it('reads --mount of every type with its options, and --network and --security', () => {
    const source = [
      'FROM a AS builder',
      'RUN --mount=type=cache,target=/root/.cache,sharing=locked,id=pip,uid=1000 \\',
      '    --mount=type=secret,id=token,dst=/run/secrets/t,required=true \\',
      '    --mount=type=ssh,id=default \\',
      '    --mount=type=tmpfs,target=/tmp,size=64m \\',
      '    --mount=target=/src,source=.,from=builder,rw \\',
      '    --mount=type=bind,src=/a,destination=/b,ro \\',
      '    --network=none --security=insecure \\',
      '    make',
    ].join('\n');
    const p = parse(source);
    const run = p.ins(1, 'RUN');
    expect(run.mounts.map((m) => [m.type, m.options])).toEqual([
      ['cache', { type: 'cache', target: '/root/.cache', sharing: 'locked', id: 'pip', uid: '1000' }],
      ['secret', { type: 'secret', id: 'token', target: '/run/secrets/t', required: 'true' }],
      ['ssh', { type: 'ssh', id: 'default' }],
      ['tmpfs', { type: 'tmpfs', target: '/tmp', size: '64m' }],
      ['bind', { target: '/src', source: '.', from: 'builder', readwrite: 'true' }],
      ['bind', { type: 'bind', source: '/a', target: '/b', readonly: 'true' }],
    ]);
    expect(run.mounts.map((m) => p.text(m.span))).toEqual([
      '--mount=type=cache,target=/root/.cache,sharing=locked,id=pip,uid=1000',
      '--mount=type=secret,id=token,dst=/run/secrets/t,required=true',
      '--mount=type=ssh,id=default',
      '--mount=type=tmpfs,target=/tmp,size=64m',
      '--mount=target=/src,source=.,from=builder,rw',
      '--mount=type=bind,src=/a,destination=/b,ro',
    ]);
    expect([run.network, run.security]).toEqual(['none', 'insecure']);
    expect(run.flags.map((f) => [f.name, p.text(f.nameSpan)])).toContainEqual(['network', 'network']);
    expect(run.words.map((w) => w.value)).toEqual(['make']);
    expect(p.errors()).toEqual([]);
  });

  it('reads mount types and keys case-insensitively, as BuildKit does', () => {
    const p = parse('FROM a\nRUN --mount=Type=Cache,Target=/c make\n');
    expect(p.ins(1, 'RUN').mounts.map((m) => [m.type, m.options])).toEqual([['cache', { type: 'cache', target: '/c' }]]);
    expect(p.errors()).toEqual([]);
  });

  it('reports an unknown mount type on its value', () => {
    expect(parse('FROM a\nRUN --mount=type=volume,target=/x make\n').errors()).toEqual([
      { message: 'Unknown mount type "volume": use bind, cache, tmpfs, secret or ssh.', text: 'type=volume,target=/x' },
    ]);
  });
});

describe('COPY, ADD and FROM flags', () => {
  it('reads every COPY flag with its value and span', () => {
    const p = parse('FROM a AS b\nCOPY --from=b --chown=1000:1000 --chmod=0755 --link --parents --exclude=*.md --exclude="a b" x y /c/\n');
    const copy = p.ins(1, 'COPY');
    expect(copy.flags.map((f) => [f.name, f.value?.value, p.text(f.span), p.text(f.value?.span)])).toEqual([
      ['from', 'b', '--from=b', 'b'],
      ['chown', '1000:1000', '--chown=1000:1000', '1000:1000'],
      ['chmod', '0755', '--chmod=0755', '0755'],
      ['link', undefined, '--link', undefined],
      ['parents', undefined, '--parents', undefined],
      ['exclude', '*.md', '--exclude=*.md', '*.md'],
      ['exclude', 'a b', '--exclude="a b"', '"a b"'],
    ]);
    expect([copy.from?.value?.value, copy.chown?.value?.value, copy.chmod?.value?.value]).toEqual(['b', '1000:1000', '0755']);
    expect(copy.sources.map((s) => s.value)).toEqual(['x', 'y']);
    expect(copy.destination?.value).toBe('/c/');
    expect(p.errors()).toEqual([]);
  });

  it('reads ADD flags and FROM --platform', () => {
    const p = parse('FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nADD --checksum=sha256:abc --keep-git-dir=true --link=false https://example.com/x.tgz /x\n');
    const from = p.ins(0, 'FROM');
    expect([from.platform?.value?.raw, p.text(from.platform?.span)]).toEqual(['$BUILDPLATFORM', '--platform=$BUILDPLATFORM']);
    expect(p.text(from.image?.span)).toBe('golang:1.22');
    const add = p.ins(1, 'ADD');
    expect(add.flags.map((f) => [f.name, f.value?.value])).toEqual([
      ['checksum', 'sha256:abc'],
      ['keep-git-dir', 'true'],
      ['link', 'false'],
    ]);
    expect(p.errors()).toEqual([]);
  });

  it('stops reading flags at "--" and at the first word that is not a flag', () => {
    const p = parse('FROM a\nCOPY --chown=1 -- --odd-name /dst\nCOPY src --link /dst\n');
    const first = p.ins(1, 'COPY');
    expect(first.flags.map((f) => f.name)).toEqual(['chown']);
    expect(first.sources.map((s) => s.value)).toEqual(['--odd-name']);
    const second = p.ins(2, 'COPY');
    expect(second.flags).toEqual([]);
    expect(second.sources.map((s) => s.value)).toEqual(['src', '--link']);
  });

  it('expands variables in COPY flag values against the stage scope', () => {
    const p = parse('FROM a\nARG UID=1000\nCOPY --chown=$UID:${GID:-1000} x /y\n');
    expect(p.ins(2, 'COPY').chown?.value?.value).toBe('1000:1000');
  });
});

describe('flag mistakes BuildKit refuses', () => {
  it('reports unknown flags with a suggestion, and flags on instructions that take none', () => {
    expect(parse('FROM a\nCOPY --form=b x y\nUSER --x u\nRUN --mout=type=cache,target=/x y\n').errors()).toEqual([
      { message: 'Unknown flag "--form" for COPY (did you mean --from?).', text: '--form=b' },
      { message: 'USER does not accept flags; "--x" is not valid.', text: '--x' },
      { message: 'Unknown flag "--mout" for RUN (did you mean --mount?).', text: '--mout=type=cache,target=/x' },
    ]);
  });

  it('treats flag names as case-sensitive', () => {
    expect(parse('FROM a\nCOPY --FROM=b x y\n').errors().map((e) => e.text)).toEqual(['--FROM=b']);
  });

  it('reports a flag without its value, a boolean flag with another value, and a repeated flag', () => {
    expect(parse('FROM a\nCOPY --from x y\nCOPY --link=yes x y\nCOPY --chown=1 --chown=2 x y\nRUN --mount=type=cache,target=/a --mount=type=cache,target=/b make\n').errors()).toEqual([
      { message: '--from needs a value: --from=<value>.', text: '--from' },
      { message: '--link is true or false, not "yes".', text: 'yes' },
      { message: '--chown is given more than once.', text: '--chown=2' },
    ]);
  });
});
