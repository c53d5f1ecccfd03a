/** Loading like Compose: overrides, extends, include, .env, and findings in the file each value came from. */
import { describe, expect, it } from 'vitest';
import { lintMemory } from './helpers.js';

const only = (...ids: string[]) => Object.fromEntries(ids.map((id) => [id, 'warning']));

describe('compose loading', () => {
  it('merges compose.override.yaml: values land in the file that wrote them', () => {
    const { lines } = lintMemory(
      {
        'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    ports: ["8080:80"]\n',
        'compose.override.yaml': 'services:\n  web:\n    image: nginx:latest\n  db:\n    ports: ["8080:80"]\n',
      },
      { rules: only('latest-tag', 'compose-duplicate-host-port', 'compose-missing-image') },
    );
    expect(lines).toEqual([
      'compose.override.yaml:3 latest-tag',
      'compose.override.yaml:4 compose-missing-image',
      'compose.override.yaml:5 compose-duplicate-host-port',
    ]);
  });

  it('follows compose-spec merge rules (append and unique, replace, !reset, !override)', () => {
    const { lines } = lintMemory(
      {
        'compose.yaml': [
          'services:',
          '  web:',
          '    image: nginx:1.27',
          '    ports: ["8080:80", "9090:90"]',
          '    command: ["a", "b"]',
          '    environment: { A: "1" }',
          '    privileged: true',
          '',
        ].join('\n'),
        'compose.override.yaml': [
          'services:',
          '  web:',
          '    ports: !override ["127.0.0.1:5432:5432"]',
          '    environment: [B=2]',
          '    privileged: !reset null',
          '',
        ].join('\n'),
      },
      { rules: only('compose-database-port-exposed', 'compose-port-all-interfaces') },
    );
    // !override replaced the ports: 8080 and 9090 are gone, 5432 is bound to localhost.
    expect(lines).toEqual([]);
  });

  it('resolves extends from another file, relative to that file', () => {
    const { lines } = lintMemory(
      {
        'compose.yaml': 'services:\n  web:\n    extends:\n      file: lib/base.yaml\n      service: base\n',
        'lib/base.yaml': 'services:\n  base:\n    image: redis\n    volumes: ["./conf:/conf"]\n',
        'lib/conf/x': 'present',
      },
      { rules: only('untagged-image', 'compose-bind-mount-missing'), lint: ['compose.yaml'] },
    );
    expect(lines).toEqual(['lib/base.yaml:3 untagged-image']);
  });

  it('imports included projects with their own folder and env file', () => {
    const { lines } = lintMemory(
      {
        'compose.yaml': 'include:\n  - db/compose.yaml\nservices:\n  web:\n    image: nginx:1.27\n    depends_on: [db]\n',
        'db/compose.yaml': 'services:\n  db:\n    image: "postgres:${PG}"\n    volumes: ["./data:/var/lib/postgresql/data"]\n',
        'db/.env': 'PG=16\n',
      },
      { rules: only('compose-undefined-reference', 'compose-undefined-variable', 'compose-bind-mount-missing', 'untagged-image'), lint: ['compose.yaml'] },
    );
    expect(lines).toEqual(['db/compose.yaml:4 compose-bind-mount-missing']);
  });

  it('reads .env beside the project, --env-file instead of it, and the process environment only when asked', () => {
    const files = { 'compose.yaml': 'services:\n  web:\n    image: "nginx:${TAG}"\n', '.env': 'TAG=1.27\n', 'other.env': 'NOTHING=1\n' };
    const rules = only('compose-undefined-variable');
    expect(lintMemory(files, { rules }).lines).toEqual([]);
    expect(lintMemory(files, { rules, compose: { envFiles: ['/virtual/project/other.env'] } }).lines).toEqual(['compose.yaml:3 compose-undefined-variable']);
    const bare = { 'compose.yaml': files['compose.yaml'] };
    expect(lintMemory(bare, { rules }).lines).toEqual(['compose.yaml:3 compose-undefined-variable']);
    expect(lintMemory(bare, { rules, compose: { processEnv: { TAG: '1.0' } } }).lines).toEqual([]);
  });

  it('puts a variable finding on the variable inside the scalar', () => {
    const { findings } = lintMemory({ 'compose.yaml': 'services:\n  web:\n    image: "nginx:${TAG}"\n' }, { rules: only('compose-undefined-variable') });
    expect(findings[0]!.range).toEqual({ start: { line: 2, character: 18 }, end: { line: 2, character: 24 } });
  });

  it('honours suppression comments in the file a finding lands in', () => {
    const { lines } = lintMemory(
      {
        'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n',
        'compose.override.yaml': 'services:\n  web:\n    image: nginx:latest # plimsoll-ignore latest-tag -- local testing\n',
      },
      { rules: only('latest-tag') },
    );
    expect(lines).toEqual([]);
  });

  it('merges a variant file onto the base file only when it is incomplete on its own', () => {
    const files = {
      'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    ports: ["8080:80"]\n',
      'compose.dev.yaml': 'services:\n  web:\n    volumes: ["./src:/src"]\n',
      'compose.prod.yaml': 'services:\n  api:\n    image: example/api:1\n    ports: ["8080:80"]\n',
    };
    const { lines } = lintMemory(files, { rules: only('compose-missing-image', 'compose-duplicate-host-port') });
    expect(lines).toEqual([]);
  });
});

describe('bad input never crashes', () => {
  const cases: Record<string, string> = {
    'broken YAML': 'services:\n  web: [\n',
    'a top-level list': '- a\n- b\n',
    'services as a string': 'services: web\n',
    'a service that is a list': 'services:\n  web:\n    - image: x\n',
    'an alias bomb': `a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nservices:\n  web:\n    image: x\n    command: *e\n`,
    'deep nesting': `services:\n  web:\n    x-deep: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
    'an extends loop': 'services:\n  a:\n    extends: b\n  b:\n    extends: a\n',
    'a huge file': `services:\n${Array.from({ length: 3000 }, (_, i) => `  s${i}:\n    image: example/s:${i}\n    ports: ["${10000 + i}:80"]\n    depends_on: [s${(i + 1) % 3000}]\n`).join('')}`,
    'merge keys and extension fields': 'x-base: &base\n  image: nginx:1.27\nservices:\n  web:\n    <<: *base\n    ports: ["80:80"]\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(name, () => {
      const { findings } = lintMemory({ 'compose.yaml': text });
      expect(findings.filter((f) => f.ruleId === 'internal-error')).toEqual([]);
    });
  }

  it('an include loop, a missing extends file and a binary env file are findings', () => {
    const { lines } = lintMemory(
      {
        'compose.yaml': 'include:\n  - other.yaml\nservices:\n  web:\n    extends:\n      file: gone.yaml\n      service: x\n',
        'other.yaml': 'include:\n  - compose.yaml\nservices:\n  o:\n    image: x:1\n',
        '.env': null,
      },
      { rules: only('compose-invalid-include', 'compose-invalid-extends', 'compose-invalid-env-file'), lint: ['compose.yaml'] },
    );
    expect(lines).toEqual(['compose.yaml:1 compose-invalid-env-file', 'compose.yaml:6 compose-invalid-extends', 'other.yaml:2 compose-invalid-include']);
  });
});
