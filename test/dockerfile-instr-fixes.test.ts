/** The fixes of the Dockerfile instruction rules: applied to the text, they give exactly the expected result. */
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';

function fixed(ruleId: string, text: string, options: { unsafe?: boolean } = {}): string {
  const { findings } = lintText(text, { filename: 'Dockerfile', config: { extends: [], rules: { [ruleId]: 'warning' } } });
  const edits = findings
    .filter((f) => f.ruleId === ruleId && f.fix && (f.fix.safe || options.unsafe))
    .flatMap((f) => f.fix!.edits.map((e) => ({ start: offsetOf(text, e.range.start), end: offsetOf(text, e.range.end), text: e.text })))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** 1-based line/column (UTF-16) to an offset. */
function offsetOf(text: string, pos: { line: number; column: number }): number {
  let offset = 0;
  for (let line = 1; line < pos.line; line++) offset = text.indexOf('\n', offset) + 1;
  return offset + pos.column - 1;
}

describe('maintainer-deprecated fix', () => {
  it('replaces MAINTAINER with the OCI authors label, quoting what LABEL would expand', () => {
    expect(fixed('maintainer-deprecated', 'FROM a\nMAINTAINER Jane "J" Doe $x\n')).toBe(
      'FROM a\nLABEL org.opencontainers.image.authors="Jane \\"J\\" Doe \\$x"\n',
    );
    expect(fixed('maintainer-deprecated', 'from a\nmaintainer jane\n')).toBe('from a\nlabel org.opencontainers.image.authors="jane"\n');
  });
  it('uses the escape directive', () => {
    expect(fixed('maintainer-deprecated', '# escape=`\nFROM a\nMAINTAINER C:\\x\n')).toBe(
      '# escape=`\nFROM a\nLABEL org.opencontainers.image.authors="C:\\x"\n',
    );
  });
});

describe('json-args-recommended fix', () => {
  it('rewrites a plain shell-form CMD to the exec form', () => {
    expect(fixed('json-args-recommended', 'FROM a\nCMD node server.js --port=80\n')).toBe('FROM a\nCMD ["node", "server.js", "--port=80"]\n');
  });
  it('marks the rewrite of a script path unsafe (a script without #! needs the shell)', () => {
    const text = 'FROM a\nCMD /run.sh --fast\n';
    expect(fixed('json-args-recommended', text)).toBe(text);
    expect(fixed('json-args-recommended', text, { unsafe: true })).toBe('FROM a\nCMD ["/run.sh", "--fast"]\n');
  });
  it('leaves commands that need a shell alone', () => {
    for (const cmd of ['node $APP', 'a && b', 'echo "hi"', 'ls *.js', 'a > log', 'FOO=1 app', 'cd /x', 'run ~/x', 'a \\\n b']) {
      const text = `FROM a\nCMD ${cmd}\n`;
      expect(fixed('json-args-recommended', text), cmd).toBe(text);
    }
  });
  it('offers the ENTRYPOINT rewrite as unsafe, and not when the stage has a CMD', () => {
    const text = 'FROM a\nENTRYPOINT app serve\n';
    expect(fixed('json-args-recommended', text)).toBe(text);
    expect(fixed('json-args-recommended', text, { unsafe: true })).toBe('FROM a\nENTRYPOINT ["app", "serve"]\n');
    const withCmd = 'FROM a\nENTRYPOINT app serve\nCMD ["--x"]\n';
    expect(fixed('json-args-recommended', withCmd, { unsafe: true })).toBe(withCmd);
  });
});

describe('malformed-json-args fix', () => {
  it('turns single quotes into double quotes (unsafe)', () => {
    const text = "FROM a\nCMD ['node', 'server.js']\n";
    expect(fixed('malformed-json-args', text)).toBe(text);
    expect(fixed('malformed-json-args', text, { unsafe: true })).toBe('FROM a\nCMD ["node", "server.js"]\n');
  });
  it('offers nothing when quotes are not the only problem', () => {
    const text = 'FROM a\nCMD ["node", "server.js",]\n';
    expect(fixed('malformed-json-args', text, { unsafe: true })).toBe(text);
  });
});

describe('copy-destination-trailing-slash fix', () => {
  it('appends the slash, inside quotes', () => {
    expect(fixed('copy-destination-trailing-slash', 'FROM a\nCOPY x y /app\nCOPY ["x", "y", "/srv"]\nADD x y "/d"\n')).toBe(
      'FROM a\nCOPY x y /app/\nCOPY ["x", "y", "/srv/"]\nADD x y "/d/"\n',
    );
  });
  it('marks the wildcard fix unsafe', () => {
    const text = 'FROM a\nCOPY *.json /app\n';
    expect(fixed('copy-destination-trailing-slash', text)).toBe(text);
    expect(fixed('copy-destination-trailing-slash', text, { unsafe: true })).toBe('FROM a\nCOPY *.json /app/\n');
  });
});

describe('expose-protocol-casing fix', () => {
  it('lower-cases the protocol only', () => {
    expect(fixed('expose-protocol-casing', 'FROM a\nEXPOSE 80/TCP "53/Udp" 1/tcp\n')).toBe('FROM a\nEXPOSE 80/tcp "53/udp" 1/tcp\n');
  });
});

describe('debian-frontend-env fix', () => {
  it('turns the ENV into an ARG (unsafe), also from the legacy form', () => {
    const text = 'FROM a\nENV DEBIAN_FRONTEND noninteractive\n';
    expect(fixed('debian-frontend-env', text)).toBe(text);
    expect(fixed('debian-frontend-env', text, { unsafe: true })).toBe('FROM a\nARG DEBIAN_FRONTEND=noninteractive\n');
    expect(fixed('debian-frontend-env', 'FROM a\nENV DEBIAN_FRONTEND=noninteractive\n', { unsafe: true })).toBe(
      'FROM a\nARG DEBIAN_FRONTEND=noninteractive\n',
    );
  });
});

describe('casing fixes', () => {
  it('consistent-instruction-casing rewrites keywords in the majority casing', () => {
    expect(fixed('consistent-instruction-casing', 'FROM a\nrun x\nCopy a b\nONBUILD run y\n')).toBe('FROM a\nRUN x\nCOPY a b\nONBUILD RUN y\n');
    expect(fixed('consistent-instruction-casing', 'from a\nrun x\nCMD ["y"]\n')).toBe('from a\nrun x\ncmd ["y"]\n');
  });
  it('from-as-casing and stage-name-casing', () => {
    expect(fixed('from-as-casing', 'FROM a as b\nfrom a AS c\n')).toBe('FROM a AS b\nfrom a as c\n');
    expect(fixed('stage-name-casing', 'FROM a AS Build\n')).toBe('FROM a AS build\n');
  });
});

describe('legacy-key-value-format fix', () => {
  it('adds = and quotes plain multi-word values', () => {
    expect(fixed('legacy-key-value-format', 'FROM a\nENV LANG C.UTF-8\nLABEL desc A small  image\nENV P /x:$PATH\n')).toBe(
      'FROM a\nENV LANG=C.UTF-8\nLABEL desc="A small  image"\nENV P=/x:$PATH\n',
    );
  });
  it('keeps a single quoted word as written and leaves harder values alone', () => {
    expect(fixed('legacy-key-value-format', 'FROM a\nENV MSG "hello world"\n')).toBe('FROM a\nENV MSG="hello world"\n');
    const hard = 'FROM a\nENV MSG "hello" world\nENV X a \\\n  b\n';
    expect(fixed('legacy-key-value-format', hard)).toBe(hard);
  });
});

describe('platform and continuation fixes', () => {
  it('redundant-target-platform removes the flag', () => {
    expect(fixed('redundant-target-platform', 'FROM --platform=$TARGETPLATFORM  alpine AS a\n')).toBe('FROM alpine AS a\n');
  });
  it('no-empty-continuation deletes the empty lines', () => {
    expect(fixed('no-empty-continuation', 'FROM a\nRUN x \\\n\n  \r\n  y\n')).toBe('FROM a\nRUN x \\\n  y\n');
  });
});
