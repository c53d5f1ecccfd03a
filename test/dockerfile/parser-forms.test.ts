/** JSON (exec) form versus shell form, and BuildKit's shell-form fallback for text that is not JSON. */
import { describe, expect, it } from 'vitest';
import { parse } from './helpers.js';

describe('JSON and shell form', () => {
  it('reads a JSON array with the exact span of every string literal', () => {
    const p = parse('FROM a\nCMD [ "node",  "server.js", "a b" ]\n');
    const cmd = p.ins(1, 'CMD');
    expect(cmd.form).toBe('json');
    expect(cmd.malformedJson).toBe(false);
    expect(cmd.json?.values.map((v) => [v.value, p.text(v.span)])).toEqual([
      ['node', '"node"'],
      ['server.js', '"server.js"'],
      ['a b', '"a b"'],
    ]);
    expect(p.text(cmd.json?.span)).toBe('[ "node",  "server.js", "a b" ]');
  });

  it('decodes JSON escapes in values and keeps the literal text in the span', () => {
    const p = parse('FROM a\nENTRYPOINT ["say", "\\"hi\\"", "caf\\u00e9", "C:\\\\x"]\n');
    const ep = p.ins(1, 'ENTRYPOINT');
    expect(ep.json?.values.map((v) => v.value)).toEqual(['say', '"hi"', 'café', 'C:\\x']);
    expect(ep.json?.values.map((v) => p.text(v.span))).toEqual(['"say"', '"\\"hi\\""', '"caf\\u00e9"', '"C:\\\\x"']);
  });

  it('reads a JSON array across continued lines', () => {
    const p = parse('FROM a\nCMD ["a", \\\n     "b"]\n');
    const cmd = p.ins(1, 'CMD');
    expect(cmd.form).toBe('json');
    expect(cmd.json?.values.map((v) => p.text(v.span))).toEqual(['"a"', '"b"']);
    expect(cmd.json?.values[1]!.span.start).toBe('FROM a\nCMD ["a", \\\n     '.length);
  });

  it('accepts an empty array as JSON form', () => {
    const cmd = parse('FROM a\nCMD []\n').ins(1, 'CMD');
    expect(cmd.form).toBe('json');
    expect(cmd.json?.values).toEqual([]);
  });

  it('falls back to shell form for text that is not JSON, and says it looked like JSON', () => {
    const cases = ["CMD ['single', 'quotes']", 'CMD ["a", "b",]', 'CMD ["a" "b"]', 'CMD ["a"] extra', 'CMD [unquoted]'];
    for (const line of cases) {
      const p = parse(`FROM a\n${line}\n`);
      const cmd = p.ins(1, 'CMD');
      expect(cmd.form, line).toBe('shell');
      expect(cmd.malformedJson, line).toBe(true);
      expect(cmd.json, line).toBeUndefined();
      expect(p.errors(), line).toEqual([]);
    }
    const shell = parse('FROM a\nCMD echo [x]\n').ins(1, 'CMD');
    expect([shell.form, shell.malformedJson]).toEqual(['shell', false]);
  });

  it('reports a JSON array that holds something other than strings (BuildKit refuses it)', () => {
    for (const line of ['CMD ["a", 1]', 'ENTRYPOINT [["a"]]', 'RUN ["a", null]', 'SHELL [true]', 'COPY ["a", 2]']) {
      const p = parse(`FROM a\n${line}\n`);
      const errors = p.errors();
      expect(errors, line).toHaveLength(1);
      expect(errors[0]!.message, line).toMatch(/every argument must be a string/);
      expect(errors[0]!.text, line).toBe(line.slice(line.indexOf('[')));
    }
  });

  it('reads RUN, SHELL, COPY and ADD in JSON form', () => {
    const p = parse('FROM a\nRUN ["sh", "-c", "echo"]\nSHELL ["pwsh", "-Command"]\nCOPY ["a b", "/dst/"]\nADD ["x", "/y"]\n');
    const run = p.ins(1, 'RUN');
    expect([run.form, run.json?.values.map((v) => v.value)]).toEqual(['json', ['sh', '-c', 'echo']]);
    expect(p.ins(2, 'SHELL').json?.values.map((v) => v.value)).toEqual(['pwsh', '-Command']);
    const copy = p.ins(3, 'COPY');
    expect(copy.form).toBe('json');
    expect(copy.sources.map((s) => [s.value, p.text(s.span)])).toEqual([['a b', '"a b"']]);
    expect(p.text(copy.destination?.span)).toBe('"/dst/"');
    expect(p.ins(4, 'ADD').destination?.value).toBe('/y');
  });

  it('requires JSON form for SHELL', () => {
    expect(parse('FROM a\nSHELL /bin/bash -c\n').errors()).toEqual([
      { message: 'SHELL requires its arguments in JSON form, e.g. SHELL ["/bin/bash", "-c"].', text: '/bin/bash -c' },
    ]);
  });

  it('reads HEALTHCHECK NONE, CMD in both forms, and its options', () => {
    const p = parse(
      'FROM a\nHEALTHCHECK NONE\nHEALTHCHECK --interval=30s --retries=3 CMD curl -f http://localhost/ || exit 1\nHEALTHCHECK CMD ["curl", "-f", "x"]\n',
    );
    expect(p.ins(1, 'HEALTHCHECK').none).toBe(true);
    const shell = p.ins(2, 'HEALTHCHECK');
    expect(shell.flags.map((f) => [f.name, f.value?.value])).toEqual([
      ['interval', '30s'],
      ['retries', '3'],
    ]);
    expect([shell.form, shell.commandText, p.text(shell.commandSpan), p.text(shell.cmdKeyword?.span)]).toEqual([
      'shell',
      'curl -f http://localhost/ || exit 1',
      'curl -f http://localhost/ || exit 1',
      'CMD',
    ]);
    const json = p.ins(3, 'HEALTHCHECK');
    expect([json.form, json.json?.values.map((v) => v.value)]).toEqual(['json', ['curl', '-f', 'x']]);
    expect(p.errors()).toEqual([]);
  });

  it('reads VOLUME, STOPSIGNAL, MAINTAINER, EXPOSE, USER and WORKDIR arguments', () => {
    const p = parse('FROM a\nVOLUME /data /logs\nSTOPSIGNAL SIGTERM\nMAINTAINER me\nEXPOSE 80 443/tcp 53/UDP 8000-8010\nUSER app:app\nWORKDIR /srv\n');
    expect(p.ins(1, 'VOLUME').words.map((w) => w.value)).toEqual(['/data', '/logs']);
    expect(p.ins(2, 'STOPSIGNAL').argsText).toBe('SIGTERM');
    expect(p.ins(3, 'MAINTAINER').argsText).toBe('me');
    expect(p.ins(4, 'EXPOSE').ports.map((x) => [p.text(x.span), x.port, x.endPort, x.protocol])).toEqual([
      ['80', 80, undefined, undefined],
      ['443/tcp', 443, undefined, 'tcp'],
      ['53/UDP', 53, undefined, 'udp'],
      ['8000-8010', 8000, 8010, undefined],
    ]);
    expect(p.ins(5, 'USER').user?.value).toBe('app:app');
    expect(p.ins(6, 'WORKDIR').path?.value).toBe('/srv');
  });

  it('takes the rest of the line as the WORKDIR path, spaces and all (BuildKit does)', () => {
    const p = parse('# escape=`\nFROM a\nWORKDIR C:\\Program Files (x86)\\MSBuild\nWORKDIR "/srv/my app"\n');
    expect([p.ins(1, 'WORKDIR').path?.value, p.text(p.ins(1, 'WORKDIR').path?.span)]).toEqual([
      'C:\\Program Files (x86)\\MSBuild',
      'C:\\Program Files (x86)\\MSBuild',
    ]);
    expect(p.ins(2, 'WORKDIR').pathExpanded).toBe('/srv/my app');
    expect(p.errors()).toEqual([]);
  });

  it('reads ENV and LABEL pairs with quotes, and the legacy space form keeping inner whitespace', () => {
    const p = parse('FROM a\nLABEL "a b"="c d" e=f\\ g\nENV PATH=/x:$PATH\nENV LEGACY some  "quoted  text"\nENV EMPTY=\n');
    expect(p.ins(1, 'LABEL').pairs.map((kv) => [kv.key.value, kv.value?.value, p.text(kv.key.span), p.text(kv.value?.span)])).toEqual([
      ['a b', 'c d', '"a b"', '"c d"'],
      ['e', 'f g', 'e', 'f\\ g'],
    ]);
    const legacy = p.ins(3, 'ENV');
    expect(legacy.legacyForm).toBe(true);
    // BuildKit takes the rest of the line as the value, whitespace and all.
    expect([legacy.pairs[0]!.key.value, legacy.pairs[0]!.value?.value, p.text(legacy.pairs[0]!.value?.span)]).toEqual([
      'LEGACY',
      'some  quoted  text',
      'some  "quoted  text"',
    ]);
    expect(p.ins(4, 'ENV').pairs[0]!.value?.value).toBe('');
    expect(p.ins(2, 'ENV').legacyForm).toBe(false);
  });
});
