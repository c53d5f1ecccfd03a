/**
 * The fast reader resolves plain scalars itself (so that reading YAML need not load the
 * `yaml` package); each result must be the one the package's own schema tags give.
 */
import { describe, expect, it } from 'vitest';
import { Schema, isScalar } from 'yaml';
import { resolvePlain } from '../../src/parse/yaml/scalars.js';

interface Tag {
  default?: boolean | 'key';
  test?: RegExp;
  resolve(value: string, onError: (m: string) => void, options: object): unknown;
}

const schemas = {
  '1.1': new Schema({ schema: 'yaml-1.1', merge: true, resolveKnownTags: false }),
  '1.2': new Schema({ schema: 'core', merge: true, resolveKnownTags: true }),
};

/** What the `yaml` package's composer does with a plain scalar (compose-scalar.js, findScalarTagByTest). */
function byPackage(source: string, version: '1.1' | '1.2', atKey: boolean): unknown {
  const tags = schemas[version].tags as unknown as Tag[];
  const tag = tags.find((t) => (t.default === true || (atKey && t.default === 'key')) && t.test?.test(source));
  if (!tag) return source;
  const value = tag.resolve(source, () => undefined, {});
  return isScalar(value) ? value.value : value;
}

const same = (a: unknown, b: unknown): boolean =>
  typeof a === 'symbol' && typeof b === 'symbol'
    ? a.description === b.description
    : a instanceof Date && b instanceof Date
      ? Object.is(a.getTime(), b.getTime())
      : Object.is(a, b);

function samples(): string[] {
  const out = new Set<string>(['', '~', 'null', 'Null', 'NULL', 'nULL', '<<', '<', '<<<', 'yes', 'Yes', 'YES', 'yEs', 'y', 'Y', 'n', 'N', 'no', 'No', 'NO', 'on', 'On', 'ON', 'off', 'Off', 'OFF', 'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE']);
  const signs = ['', '+', '-'];
  const bodies = ['0', '7', '010', '08', '0_7', '1_000', '123', '0b101', '0b1_0', '0b2', '0x1F', '0x_1f', '0xg', '0o17', '0o8', '1.5', '.5', '1.', '.', '1e3', '1E-3', '.5e2', '1_0.0_1', '1.0e+3', '1:30', '1:30:15', '190:20:30.15', '1:60', '1:5:', '.inf', '.Inf', '.INF', '.nan', '.NaN', '.NAN', '.iNf', '00', '0.0', '1__2', '_1', '1_'];
  for (const sign of signs) for (const body of bodies) out.add(sign + body);
  for (const ts of ['2001-12-14', '2001-12-14t21:59:43.10-05:00', '2001-12-14 21:59:43.10 -5', '2001-12-15T02:59:43.1Z', '2002-12-14', '2001-1-2', '2001-12-14 21:59:43', '2001-12-14T21:59:43+05:30', '2001-12-14T21:59:43.123456Z', '2001-13-45', '20011-12-14', '2001-12-14T1:2:3 +1']) out.add(ts);
  for (const word of ['nginx', 'ok', 'tcp', 'orange', 'nope', 'offset', 'yes!', 'true1', 'v1', '1.2.3', '10.0.0.1', '8080/tcp', '0.0.0.0', '12h', '-', '+', '.', 'N/A', '~x']) out.add(word);
  return [...out];
}

describe('plain scalar resolution', () => {
  for (const version of ['1.1', '1.2'] as const) {
    it(`gives the yaml package's values (YAML ${version})`, () => {
      const wrong: string[] = [];
      for (const s of samples()) {
        for (const atKey of [false, true]) {
          const mine = resolvePlain(s, version, atKey);
          const theirs = byPackage(s, version, atKey);
          if (!same(mine, theirs)) wrong.push(`${JSON.stringify(s)}${atKey ? ' (key)' : ''}: ${String(mine)} vs ${String(theirs)}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  }

  it('reads 1.1 and 1.2 differently where they differ', () => {
    expect(resolvePlain('yes', '1.1', false)).toBe(true);
    expect(resolvePlain('yes', '1.2', false)).toBe('yes');
    expect(resolvePlain('010', '1.1', false)).toBe(8);
    expect(resolvePlain('010', '1.2', false)).toBe(10);
    expect(resolvePlain('1:30', '1.1', false)).toBe(90);
    expect(typeof resolvePlain('<<', '1.2', true)).toBe('symbol');
    expect(resolvePlain('<<', '1.2', false)).toBe('<<');
  });
});
