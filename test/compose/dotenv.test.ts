import { describe, expect, it } from 'vitest';
import { parseDotenv } from '../../src/parse/compose/dotenv.js';

describe('dotenv as Compose reads it', () => {
  it('reads plain, quoted, exported and YAML-style entries', () => {
    const text = [
      '# comment',
      'A=1',
      'B = two words # trailing comment',
      'C=keep#hash',
      'export D=exported',
      'E: yaml-style',
      'F="line1\\nline2 ${A}"',
      "G='literal ${A}'",
      'H="multi',
      'line"',
      'I=${A}-${UNSET:-dflt}',
      'J=',
      'K="escaped \\" quote"',
    ].join('\n');
    const { values, problems } = parseDotenv(text);
    expect(problems).toEqual([]);
    expect(Object.fromEntries(values)).toEqual({
      A: '1',
      B: 'two words',
      C: 'keep#hash',
      D: 'exported',
      E: 'yaml-style',
      F: 'line1\nline2 1',
      G: 'literal ${A}',
      H: 'multi\nline',
      I: '1-dflt',
      J: '',
      K: 'escaped " quote',
    });
  });
  it('inherits bare keys from the environment and reports bad lines', () => {
    const { values, problems } = parseDotenv('FROM_SHELL\nbad key=1\nOK=1\nX="unterminated', (n) => (n === 'FROM_SHELL' ? 'yes' : undefined));
    expect(values.get('FROM_SHELL')).toBe('yes');
    expect(values.get('OK')).toBe('1');
    expect(problems.map((p) => p.line)).toEqual([1, 3]);
  });
});
