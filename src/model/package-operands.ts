/**
 * What one operand of an install names, per package manager: a package (with or without
 * a version), a local file, a path, a URL, a group; and whether what gets installed is
 * fixed by it. The version syntaxes are the managers' own (apt `=`, apk `=`/`~`/`<`/`>`,
 * pip specifiers, npm/go `@`, gem `:`, rpm `name-version`, zypper operators).
 */
import type { ShellWord } from '../parse/dockerfile/shell.js';
import type { ParsedArgs } from './shell-query.js';
import type { PackageManager } from './packages.js';

export type OperandKind = 'package' | 'file' | 'path' | 'url' | 'group' | 'pattern' | 'dynamic';

export interface PackageOperand {
  word: ShellWord;
  kind: OperandKind;
  /** The package name without version or extras (for a package; undefined when dynamic). */
  name?: string;
  /** The version or tag asked for, when one is written. */
  version?: string;
  /** A version is given, or the operand (file, path, pinned URL) fixes what is installed; undefined when it cannot be told. */
  pinned?: boolean;
}

type Classified = Omit<PackageOperand, 'word'>;

/** Tags and queries that name no fixed version. */
export const MOVING_VERSIONS = new Set(['latest', 'upgrade', 'patch', 'master', 'main', 'HEAD', 'next']);

const GLOB = /[*?[\]]/;

export function classifyOperand(manager: PackageManager, action: string, word: ShellWord, args: ParsedArgs): PackageOperand {
  const value = word.value;
  if (value === undefined) return { word, kind: 'dynamic', ...dynamicPin(manager, word.text) };
  return { word, ...classifyValue(manager, action, value, args) };
}

/** A word with a variable: pinned when the version syntax is visible (`curl=${CURL_VERSION}`), else unknown. */
function dynamicPin(manager: PackageManager, text: string): Pick<PackageOperand, 'pinned'> {
  const visible: Partial<Record<PackageManager, RegExp>> = {
    'apt-get': /^[^$]+=/, apt: /^[^$]+=/, apk: /^[^$]+[=~<>]/, pip: /^[^$]+(==|>=|<=|~=|!=|<|>|@)/,
    npm: /^@?[^@$]+@/, gem: /^[^$]+:/, go: /^[^$@]+@/, zypper: /^[^$]+[=<>]/,
    yum: /^[^$]+-\$/, dnf: /^[^$]+-\$/, microdnf: /^[^$]+-\$/,
  };
  return visible[manager]?.test(text) ? { pinned: true } : {};
}

function classifyValue(manager: PackageManager, action: string, v: string, args: ParsedArgs): Classified {
  switch (manager) {
    case 'apt-get':
    case 'apt':
      return apt(v);
    case 'apk':
      return apk(v);
    case 'pip':
      return pip(v, args);
    case 'npm':
    case 'yarn':
      return npm(v);
    case 'gem':
      return gem(v, args);
    case 'go':
      return go(v);
    case 'zypper':
      return zypper(v, args);
    default:
      return action.startsWith('module') ? rpmModule(v) : action.startsWith('group') || action === 'groupinstall' ? { kind: 'group' } : rpm(v);
  }
}

function isPathLike(v: string): boolean {
  return /^(\.{1,2}(\/|$)|\/|~\/)/.test(v);
}

function isUrl(v: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(v);
}

function apt(v: string): Classified {
  if (isPathLike(v) || v.endsWith('.deb')) return { kind: 'file', pinned: true };
  if (GLOB.test(v) || v.startsWith('^')) return { kind: 'pattern' };
  const eq = v.indexOf('=');
  if (eq > 0) return { kind: 'package', name: v.slice(0, eq), version: v.slice(eq + 1), pinned: true };
  // `pkg/bookworm-backports` chooses the release to take the package from.
  const slash = v.indexOf('/');
  if (slash > 0) return { kind: 'package', name: v.slice(0, slash), version: v.slice(slash + 1), pinned: true };
  return { kind: 'package', name: v, pinned: false };
}

function apk(v: string): Classified {
  if (isPathLike(v) || v.endsWith('.apk')) return { kind: 'file', pinned: true };
  const m = /^([^=~<>]+?)(?:@[\w.-]+)?([=~<>].*)?$/.exec(v);
  const name = m?.[1] ?? v;
  const version = m?.[2]?.replace(/^[=~<>]+/, '');
  return version !== undefined ? { kind: 'package', name, version, pinned: true } : { kind: 'package', name, pinned: false };
}

const PIP_SPECIFIER = /(===|==|>=|<=|~=|!=|<|>)/;
const PIP_ARCHIVE = /\.(whl|tar\.gz|tgz|tar\.bz2|tar\.xz|zip)$/;

function pip(v: string, args: ParsedArgs): Classified {
  const constrained = args.options.some((o) => o.name === '-c' || o.name === '--constraint');
  if (isPathLike(v) || (v.includes('/') && !isUrl(v) && !v.includes('@'))) return { kind: 'path', pinned: true };
  if (isUrl(v)) {
    if (/^(git|hg|svn|bzr)\+/.test(v)) {
      const last = v.slice(v.lastIndexOf('/') + 1);
      const at = last.indexOf('@');
      return at >= 0 ? { kind: 'url', version: last.slice(at + 1).replace(/#.*$/, ''), pinned: true } : { kind: 'url', pinned: false };
    }
    return { kind: 'url', pinned: true };
  }
  const name = normalisePipName(v.split(/[\s[<>=!~;@]/, 1)[0]!);
  // `name @ https://…` in one word: a direct reference.
  if (/@\s*[a-z][a-z0-9+.-]*:\/\//i.test(v)) return { kind: 'url', name, pinned: true };
  if (PIP_ARCHIVE.test(v)) return { kind: 'file', pinned: true };
  const spec = PIP_SPECIFIER.exec(v);
  if (spec) return { kind: 'package', name, version: v.slice(spec.index).replace(/;.*$/, ''), pinned: true };
  return { kind: 'package', name, pinned: constrained };
}

/** PEP 503: names compare case-insensitively, with runs of `-`, `_` and `.` alike. */
function normalisePipName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

function npm(v: string): Classified {
  if (isPathLike(v) || v.startsWith('file:')) return { kind: 'path', pinned: true };
  if (/^(git(\+[a-z]+)?:\/\/|github:|gitlab:|bitbucket:|gist:)/.test(v) || /^[\w.-]+\/[\w.-]+(#.*)?$/.test(v)) {
    const hash = v.indexOf('#');
    return hash >= 0 ? { kind: 'url', version: v.slice(hash + 1), pinned: true } : { kind: 'url', pinned: false };
  }
  if (isUrl(v) || /\.(tgz|tar|tar\.gz)$/.test(v)) return { kind: 'file', pinned: true };
  const scoped = v.startsWith('@');
  const at = v.indexOf('@', scoped ? 1 : 0);
  if (at < 0) return { kind: 'package', name: v.toLowerCase(), pinned: false };
  const name = v.slice(0, at).toLowerCase();
  let version = v.slice(at + 1);
  // `alias@npm:real-package@1.2.3`
  if (version.startsWith('npm:')) {
    const inner = npm(version.slice(4));
    return { kind: 'package', name, ...(inner.version !== undefined ? { version: inner.version } : {}), pinned: inner.pinned ?? false };
  }
  if (version === '' || MOVING_VERSIONS.has(version) || version === '*') return { kind: 'package', name, ...(version ? { version } : {}), pinned: false };
  version = version.trim();
  return { kind: 'package', name, version, pinned: true };
}

function gem(v: string, args: ParsedArgs): Classified {
  if (isPathLike(v) || v.endsWith('.gem')) return { kind: 'file', pinned: true };
  const versioned = args.options.some((o) => o.name === '-v' || o.name === '--version');
  const colon = v.indexOf(':');
  if (colon > 0 && colon < v.length - 1) return { kind: 'package', name: v.slice(0, colon), version: v.slice(colon + 1), pinned: true };
  return { kind: 'package', name: colon > 0 ? v.slice(0, colon) : v, pinned: versioned };
}

function go(v: string): Classified {
  if (isPathLike(v)) return { kind: 'path', pinned: true };
  const at = v.indexOf('@');
  const path = at >= 0 ? v.slice(0, at) : v;
  // A first path element without a dot is the standard library or the main module (`cmd/tool`, `all`).
  if (!path.split('/')[0]!.includes('.')) return { kind: 'path', pinned: true };
  if (at < 0) return { kind: 'package', name: path, pinned: false };
  const version = v.slice(at + 1);
  return { kind: 'package', name: path, version, pinned: version !== '' && !MOVING_VERSIONS.has(version) };
}

function zypper(v: string, args: ParsedArgs): Classified {
  const type = args.options.find((o) => o.name === '-t' || o.name === '--type')?.value;
  if (type !== undefined && type !== 'package') return { kind: 'group' };
  if (isPathLike(v) || v.endsWith('.rpm')) return { kind: 'file', pinned: true };
  if (isUrl(v)) return { kind: 'url', pinned: true };
  if (/^(pattern|product|patch|srcpackage|application):/.test(v)) return { kind: 'group' };
  if (GLOB.test(v)) return { kind: 'pattern' };
  const op = /[=<>]/.exec(v);
  if (op) return { kind: 'package', name: v.slice(0, op.index), version: v.slice(op.index).replace(/^[=<>]+/, ''), pinned: true };
  return { kind: 'package', name: v, pinned: false };
}

/** rpm `name-version[-release][.arch]`: the version starts at the first dash after which every part starts with a digit. */
function rpm(v: string): Classified {
  if (v.startsWith('@')) return { kind: 'group' };
  if (isUrl(v) || v.endsWith('.rpm')) return { kind: 'file', pinned: true };
  // `/usr/bin/python3`, `pkgconfig(zlib)`: whatever package provides it.
  if (v.includes('/') || v.includes('(')) return { kind: 'path' };
  if (GLOB.test(v)) return { kind: 'pattern' };
  const parts = v.split('-');
  for (let i = 1; i < parts.length; i++) {
    const rest = parts.slice(i);
    if (rest.every((p) => /^\d[\w.~^:+]*$/.test(p))) {
      return { kind: 'package', name: parts.slice(0, i).join('-'), version: rest.join('-'), pinned: true };
    }
  }
  return { kind: 'package', name: v, pinned: false };
}

/** `dnf module install nodejs:18/common`: the stream is the version. */
function rpmModule(v: string): Classified {
  const colon = v.indexOf(':');
  if (colon > 0) return { kind: 'package', name: v.slice(0, colon), version: v.slice(colon + 1), pinned: true };
  return { kind: 'package', name: v.replace(/\/.*$/, ''), pinned: false };
}
