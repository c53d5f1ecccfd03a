/** How Kubernetes' decoder (go-yaml v2, YAML 1.1) types plain scalars. */
import { describe, expect, it } from 'vitest';
import { readPlainScalar } from '../../src/model/kubernetes/go-yaml.js';

describe('readPlainScalar', () => {
  it('reads the YAML 1.1 booleans, including y and n', () => {
    for (const t of ['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'true', 'True', 'TRUE']) expect(readPlainScalar(t), t).toEqual({ type: 'bool', value: true });
    for (const t of ['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF', 'false', 'False', 'FALSE']) expect(readPlainScalar(t), t).toEqual({ type: 'bool', value: false });
    for (const t of ['yEs', 'oN', 'nO', 'yesterday', 'online', 'none']) expect(readPlainScalar(t).type, t).toBe('string');
  });

  it('reads nulls', () => {
    for (const t of ['', '~', 'null', 'Null', 'NULL']) expect(readPlainScalar(t).type, t).toBe('null');
  });

  it('reads integers in every base go-yaml accepts, with how they print once decoded', () => {
    expect(readPlainScalar('8080')).toEqual({ type: 'int', text: '8080', form: 'decimal' });
    expect(readPlainScalar('0755')).toEqual({ type: 'int', text: '493', form: 'octal' });
    expect(readPlainScalar('0123')).toEqual({ type: 'int', text: '83', form: 'octal' });
    expect(readPlainScalar('0o17')).toEqual({ type: 'int', text: '15', form: 'octal' });
    expect(readPlainScalar('0x1F')).toEqual({ type: 'int', text: '31', form: 'hex' });
    expect(readPlainScalar('0b101')).toEqual({ type: 'int', text: '5', form: 'binary' });
    expect(readPlainScalar('-42')).toEqual({ type: 'int', text: '-42', form: 'decimal' });
    expect(readPlainScalar('+42')).toEqual({ type: 'int', text: '42', form: 'decimal' });
    expect(readPlainScalar('1_000')).toEqual({ type: 'int', text: '1000', form: 'decimal' });
    expect(readPlainScalar('0')).toEqual({ type: 'int', text: '0', form: 'decimal' });
  });

  it('reads floats, including 08 and 09 (not valid octal, but a YAML float)', () => {
    expect(readPlainScalar('1.10')).toEqual({ type: 'float', text: '1.1' });
    expect(readPlainScalar('1e3')).toEqual({ type: 'float', text: '1000' });
    expect(readPlainScalar('.5')).toEqual({ type: 'float', text: '0.5' });
    expect(readPlainScalar('08')).toEqual({ type: 'float', text: '8' });
    expect(readPlainScalar('.inf')).toEqual({ type: 'float', text: '+Inf' });
    expect(readPlainScalar('-.Inf')).toEqual({ type: 'float', text: '-Inf' });
    expect(readPlainScalar('.NaN')).toEqual({ type: 'float', text: 'NaN' });
  });

  it('keeps what go-yaml keeps as text: timestamps, sexagesimal numbers, versions, words', () => {
    for (const t of ['2024-01-02', '2001-12-14t21:59:43.10-05:00', '12:30', '190:20:30', '1.2.3', 'v1', '1e', '0x', '.', '-', '1-2', '0b2', '+', 'abc']) {
      expect(readPlainScalar(t).type, t).toBe('string');
    }
  });

  it('does not read integers beyond 64 bits as integers', () => {
    expect(readPlainScalar('18446744073709551615').type).toBe('int');
    expect(readPlainScalar('18446744073709551616').type).toBe('float');
    expect(readPlainScalar('-9223372036854775809').type).toBe('float');
  });
});
