/**
 * How Kubernetes' YAML decoder (sigs.k8s.io/yaml over go-yaml v2, i.e. YAML 1.1 rules)
 * types an untagged plain scalar. This differs from the npm `yaml` package's 1.1 schema
 * in places that matter here: go-yaml keeps timestamps and sexagesimal numbers (`12:30`)
 * as strings, and it reads `0o17`, `0b101` and `08` as numbers.
 */

export type GoYamlReading =
  | { type: 'string' }
  | { type: 'null' }
  | { type: 'bool'; value: boolean }
  /** `text` is how the number is printed once decoded (decimal), `form` how it was written. */
  | { type: 'int'; text: string; form: 'decimal' | 'octal' | 'hex' | 'binary' }
  | { type: 'float'; text: string };

const TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
const NULL = new Set(['', '~', 'null', 'Null', 'NULL']);
const SPECIAL_FLOAT = new Set(['.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF']);
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;

export function readPlainScalar(text: string): GoYamlReading {
  if (TRUE.has(text)) return { type: 'bool', value: true };
  if (FALSE.has(text)) return { type: 'bool', value: false };
  if (NULL.has(text)) return { type: 'null' };
  if (SPECIAL_FLOAT.has(text)) return { type: 'float', text: /nan/i.test(text) ? 'NaN' : text.startsWith('-') ? '-Inf' : '+Inf' };
  const first = text[0]!;
  if (first === '.') return /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(text) ? { type: 'float', text: String(Number(text)) } : { type: 'string' };
  if (!/[-+0-9]/.test(first)) return { type: 'string' };
  const plain = text.replaceAll('_', '');
  const int = parseGoInt(plain);
  if (int) return int;
  if (YAML_STYLE_FLOAT.test(plain)) {
    const n = Number(plain);
    if (Number.isFinite(n)) return { type: 'float', text: String(n) };
  }
  return { type: 'string' };
}

/** Go's strconv.ParseInt(s, 0, 64), then ParseUint: sign, then 0x / 0o / 0b / leading-0 octal / decimal. */
function parseGoInt(s: string): GoYamlReading | undefined {
  const m = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return undefined;
  const sign = m[1] === '-' ? -1n : 1n;
  const digits = m[2]!;
  let value: bigint;
  let form: 'decimal' | 'octal' | 'hex' | 'binary';
  const prefix = digits.slice(0, 2).toLowerCase();
  if (prefix === '0x') [value, form] = [BigInt(`0x${digits.slice(2)}`), 'hex'];
  else if (prefix === '0o') [value, form] = [BigInt(`0o${digits.slice(2)}`), 'octal'];
  else if (prefix === '0b') [value, form] = [BigInt(`0b${digits.slice(2)}`), 'binary'];
  else if (digits.length > 1 && digits.startsWith('0')) [value, form] = [BigInt(`0o${digits.slice(1)}`), 'octal'];
  else [value, form] = [BigInt(digits), 'decimal'];
  const signed = sign * value;
  const fits = m[1] === '-' ? -signed <= INT64_MAX + 1n : signed <= (m[1] === '' ? UINT64_MAX : INT64_MAX);
  return fits ? { type: 'int', text: signed.toString(), form } : undefined;
}
