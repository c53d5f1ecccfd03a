import { describe, expect, it } from 'vitest';
import { interpolate } from '../../src/parse/compose/interpolate.js';

const env: Record<string, string> = { SET: 'value', EMPTY: '', NUM: '42' };
const lookup = (name: string) => env[name];
const value = (t: string) => interpolate(t, lookup).value;
const kinds = (t: string) => interpolate(t, lookup).problems.map((p) => p.kind);

describe('compose interpolation', () => {
  it('substitutes $VAR and ${VAR}', () => {
    expect(value('a-$SET-${NUM}')).toBe('a-value-42');
    expect(value('$SET_more')).toBe(''); // the name is SET_more, which is unset
  });
  it('handles the default and alternative operators like Compose', () => {
    expect(value('${EMPTY:-d}')).toBe('d');
    expect(value('${EMPTY-d}')).toBe('');
    expect(value('${UNSET-d}')).toBe('d');
    expect(value('${SET:+alt}')).toBe('alt');
    expect(value('${EMPTY:+alt}')).toBe('');
    expect(value('${EMPTY+alt}')).toBe('alt');
    expect(value('${UNSET+alt}')).toBe('');
  });
  it('reads nested defaults and only counts the branch that is used', () => {
    expect(value('${UNSET:-${ALSO_UNSET:-deep}}')).toBe('deep');
    expect(kinds('${SET:-${ALSO_UNSET}}')).toEqual([]);
    expect(kinds('${UNSET:-${ALSO_UNSET}}')).toEqual(['undefined']);
  });
  it('keeps $$ as a literal dollar and leaves a lone $ alone', () => {
    expect(value('price $$5 and $1 and $ ')).toBe('price $5 and $1 and $ ');
    expect(interpolate('$${SET}', lookup)).toMatchObject({ value: '${SET}', problems: [] });
  });
  it('reports unset, required and invalid references with their offsets', () => {
    const r = interpolate('x ${UNSET} y', lookup);
    expect(r.problems).toEqual([{ kind: 'undefined', name: 'UNSET', start: 2, end: 10 }]);
    expect(interpolate('${EMPTY:?must be set}', lookup).problems[0]).toMatchObject({ kind: 'required', name: 'EMPTY', message: 'must be set' });
    expect(kinds('${EMPTY?fine when empty}')).toEqual([]);
    expect(kinds('${UNSET?}')).toEqual(['required']);
    for (const bad of ['${', '${}', '${A', '${not valid}', '${A:-x', '${1X}']) expect(kinds(bad), bad).toEqual(['invalid']);
    expect(value('${A')).toBe('${A'); // an invalid template is kept as written
  });
});
