/**
 * Whether an environment variable's name and literal value look like a credential:
 * `DB_PASSWORD=hunter2` does, `PASSWORD_FILE=/run/secrets/db`, `TOKEN_TTL=3600` and
 * `API_KEY=changeme` do not. Shared by the container rules of every format.
 */

const SENSITIVE = new Set(['PASSWORD', 'PASSWD', 'PASS', 'PWD', 'SECRET', 'SECRETS', 'TOKEN', 'APIKEY', 'CREDENTIAL', 'CREDENTIALS', 'PRIVATEKEY', 'SECRETKEY']);
/** `X_KEY` is sensitive for these X. */
const KEY_QUALIFIERS = new Set(['API', 'PRIVATE', 'ACCESS', 'ENCRYPTION', 'SIGNING', 'AUTH', 'MASTER', 'LICENSE', 'CLIENT']);
/** A name ending in one of these names a property of a secret, not the secret. */
const NON_SECRET_SUFFIX = new Set([
  'FILE', 'PATH', 'DIR', 'DIRECTORY', 'NAME', 'REF', 'URL', 'URI', 'ENDPOINT', 'HOST', 'PORT', 'TTL', 'EXPIRY', 'EXPIRES',
  'EXPIRATION', 'TIMEOUT', 'LENGTH', 'LEN', 'ENABLED', 'ENABLE', 'DISABLED', 'DISABLE', 'REQUIRED', 'TYPE', 'ID', 'USER',
  'USERNAME', 'MODE', 'FORMAT', 'HEADER', 'AUDIENCE', 'ISSUER', 'SCOPE', 'SCOPES', 'LIFETIME', 'DURATION', 'SECONDS', 'VERSION',
  'REGION', 'COUNT', 'SIZE', 'POLICY', 'PROVIDER', 'SOURCE', 'LOCATION', 'KIND', 'ALGORITHM', 'PREFIX', 'FIELD', 'PARAM',
  'METHOD', 'STORE', 'MOUNT', 'VOLUME', 'NAMESPACE', 'LIMIT', 'INTERVAL', 'RETRIES', 'PERIOD', 'DELAY', 'CACHE', 'ROTATION',
  'HASH', 'POLICIES', 'RESOURCE', 'ROLE', 'ACCOUNT', 'SERVICE', 'STRATEGY', 'BACKEND', 'ENGINE', 'LOOKUP', 'KEYS', 'LABEL',
]);
const PLACEHOLDER =
  /^(?:<.*>|\{\{.*\}\}|\[.*\]|x+|\*+|\.+|-+|changeme|change[-_ ]?me|changeit|replace[-_ ]?me|todo|tbd|fixme|dummy|placeholder|example|sample|test|none|null|nil|undefined|secret|password|token|true|false|yes|no|on|off|your[-_ ].*|my[-_]?(?:secret|password|token))$/i;

function tokens(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
}

export function isSecretName(name: string): boolean {
  const parts = tokens(name);
  if (parts.length === 0 || name === 'PWD' || name === 'OLDPWD') return false;
  if (NON_SECRET_SUFFIX.has(parts[parts.length - 1]!)) return false;
  return parts.some((p, i) => SENSITIVE.has(p) || (p === 'KEY' && i > 0 && KEY_QUALIFIERS.has(parts[i - 1]!)));
}

/** A literal that could be a real credential: not empty, short, a placeholder, a path or a reference to another variable. */
export function isSecretValue(value: string): boolean {
  const v = value.trim();
  if (v.length < 4) return false;
  if (v.includes('$(') || v.includes('${') || /^\$[A-Za-z_]/.test(v)) return false;
  if (v.startsWith('/') || v.startsWith('./') || v.startsWith('file:')) return false;
  // Counts and limits (MAX_TOKEN=4096), not credentials.
  if (/^[0-9]+$/.test(v)) return false;
  return !PLACEHOLDER.test(v);
}
