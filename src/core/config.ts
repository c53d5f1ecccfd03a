/**
 * Configuration: found upward from each linted file with cosmiconfig, validated
 * against the generated schema, resolved per file (presets, overrides, CLI overrides).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import { describeSchemaErrors } from './config-errors.js';
import { configErrors } from './config-validate.js';
import type { ConfiguredRule } from './engine.js';
import { findRule, registeredRules, ruleIds } from './registry.js';
import type { Severity, SeverityOrOff } from './types.js';

export type RuleSetting =
  | SeverityOrOff
  | [SeverityOrOff]
  | [SeverityOrOff, Record<string, unknown>]
  | { severity?: SeverityOrOff; options?: Record<string, unknown> };

export interface ConfigSettings {
  kubernetesVersion?: string;
  schemaLocations?: string[];
  images?: Record<string, string>;
}

export interface ConfigOverride extends ConfigSettings {
  files: string | string[];
  excludedFiles?: string | string[];
  rules?: Record<string, RuleSetting>;
}

export interface PlimsollConfig extends ConfigSettings {
  $schema?: string;
  root?: boolean;
  extends?: string | string[];
  rules?: Record<string, RuleSetting>;
  ignorePatterns?: string[];
  overrides?: ConfigOverride[];
}

/** A config with presets and `extends` applied; ready to resolve for any file. */
export interface LoadedConfig {
  /** The file it came from; undefined for the built-in default. */
  filepath?: string;
  /** Folder that patterns are relative to. */
  baseDir: string;
  rules: Map<string, { severity?: SeverityOrOff; options?: Record<string, unknown> }>;
  ignorePatterns: string[];
  overrides: ConfigOverride[];
  settings: ConfigSettings;
}

export class ConfigError extends Error {
  constructor(
    message: string,
    readonly filepath?: string,
  ) {
    super(filepath ? `${filepath}: ${message}` : message);
    this.name = 'ConfigError';
  }
}

export const PRESETS = ['plimsoll:recommended', 'plimsoll:strict', 'plimsoll:all'] as const;
export type PresetName = (typeof PRESETS)[number];

/**
 * recommended: rules marked `recommended`; strict: every rule except those that are
 * off by default for being opinionated (they say so with `recommended: false` and an
 * `info` severity); all: every rule.
 */
export function presetRules(name: PresetName): Map<string, { severity?: SeverityOrOff }> {
  const map = new Map<string, { severity?: SeverityOrOff }>();
  for (const { rule } of registeredRules()) {
    const on =
      name === 'plimsoll:all' ||
      rule.meta.recommended ||
      (name === 'plimsoll:strict' && rule.meta.severity !== 'info');
    map.set(rule.id, { severity: on ? rule.meta.severity : 'off' });
  }
  return map;
}

export function defaultConfig(baseDir: string): LoadedConfig {
  return { baseDir, rules: presetRules('plimsoll:recommended'), ignorePatterns: [], overrides: [], settings: {} };
}

// ---- validation -------------------------------------------------------------

export function validateConfig(config: unknown, filepath?: string): PlimsollConfig {
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    throw new ConfigError('the configuration must be an object.', filepath);
  }
  const errors = configErrors(config as Record<string, unknown>);
  if (errors.length === 0) return config as PlimsollConfig;
  throw new ConfigError(describeSchemaErrors(errors, config, ruleIds()), filepath);
}

// ---- loading ----------------------------------------------------------------

const MODULE_NAME = 'plimsoll';
export const SEARCH_PLACES = [
  'package.json',
  '.plimsollrc',
  '.plimsollrc.json',
  '.plimsollrc.yaml',
  '.plimsollrc.yml',
  '.plimsollrc.js',
  '.plimsollrc.mjs',
  '.plimsollrc.cjs',
  'plimsoll.config.json',
  'plimsoll.config.yaml',
  'plimsoll.config.yml',
  'plimsoll.config.js',
  'plimsoll.config.mjs',
  'plimsoll.config.cjs',
];

type Explorer = {
  search(from: string): Promise<{ config: unknown; filepath: string; isEmpty?: boolean } | null>;
  load(path: string): Promise<{ config: unknown; filepath: string; isEmpty?: boolean } | null>;
  clearCaches(): void;
};
let explorer: Explorer | undefined;

/**
 * cosmiconfig remembers what it found for the life of the process; a run (of a long-lived
 * library user, an editor) must see the config files as they are now.
 */
function forgetEarlierRuns(): void {
  explorer?.clearCaches();
}

async function getExplorer(): Promise<Explorer> {
  if (explorer) return explorer;
  const { cosmiconfig } = await import('cosmiconfig');
  explorer = cosmiconfig(MODULE_NAME, { searchPlaces: SEARCH_PLACES, searchStrategy: 'global', stopDir: '/' }) as Explorer;
  return explorer;
}

/** cosmiconfig's meta-config places (its own settings), read from the working directory. */
const META_PLACES = ['package.yaml', '.config/config.json', '.config/config.yaml', '.config/config.yml', '.config/config.js', '.config/config.ts', '.config/config.cjs', '.config/config.mjs'];
/** What cosmiconfig's global strategy looks for in the user's config folder for plimsoll. */
const GLOBAL_PLACES = ['config', 'config.json', 'config.yaml', 'config.yml', 'config.js', 'config.ts', 'config.cjs', 'config.mjs'];

const isFile = (path: string): boolean => {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return true; // Unreadable: let cosmiconfig decide (and report).
  }
};
/** A package.json that may carry a `key` section (no such key anywhere in its text means none). */
const packageMentions = (dir: string, key: string): boolean => {
  const path = join(dir, 'package.json');
  if (!isFile(path)) return false;
  try {
    return readFileSync(path, 'utf8').includes(`"${key}"`);
  } catch {
    return true;
  }
};

/**
 * Whether cosmiconfig could find a config for a folder: a search place in it or a folder above,
 * a `plimsoll` key in a package.json there, the user's global config folder, or a meta config
 * (which could change the search places). False only when none of them exists. One per run:
 * what each folder holds is looked up once, however many linted folders lie below it.
 */
class ConfigPresence {
  private readonly folders = new Map<string, boolean>();
  private outside: boolean | undefined;

  mayHaveConfig(dir: string): boolean {
    if ((this.outside ??= metaOrGlobalConfigExists())) return true;
    for (let d = dir; ; d = dirname(d)) {
      let holds = this.folders.get(d);
      if (holds === undefined) {
        holds = folderMayHoldConfig(d);
        this.folders.set(d, holds);
      }
      if (holds) return true;
      if (dirname(d) === d) return false;
    }
  }
}

/**
 * A stat per search place, not a listing of the folder: a listing costs what the folder holds
 * (thousands of entries in a temp or home folder), a stat does not.
 */
function folderMayHoldConfig(dir: string): boolean {
  return packageMentions(dir, MODULE_NAME) || SEARCH_PLACES.some((p) => p !== 'package.json' && isFile(join(dir, p)));
}

/** A cosmiconfig meta config in the working directory, or a plimsoll config in the user's global config folder. */
function metaOrGlobalConfigExists(): boolean {
  const cwd = process.cwd();
  if (packageMentions(cwd, 'cosmiconfig') || META_PLACES.some((p) => isFile(join(cwd, p)))) return true;
  const home = homedir();
  const globalDirs = [process.env.XDG_CONFIG_HOME ? join(process.env.XDG_CONFIG_HOME, MODULE_NAME) : join(home, '.config', MODULE_NAME), join(home, 'Library', 'Preferences', MODULE_NAME)];
  if (process.env.APPDATA) globalDirs.push(join(process.env.APPDATA, MODULE_NAME, 'Config'));
  return globalDirs.some((g) => existsSync(g) && GLOBAL_PLACES.some((p) => isFile(join(g, p))));
}

/** Loads and fully resolves one config file (following `extends`). */
export async function loadConfigFile(filepath: string, seen: Set<string> = new Set()): Promise<LoadedConfig> {
  const absolute = resolve(filepath);
  if (seen.size === 0) forgetEarlierRuns(); // a run's own config, not one it extends
  if (seen.has(absolute)) throw new ConfigError('"extends" forms a cycle.', absolute);
  seen.add(absolute);
  let result: Awaited<ReturnType<Explorer['load']>>;
  try {
    result = await (await getExplorer()).load(absolute);
  } catch (error) {
    throw readFailure(error, absolute);
  }
  return resolveConfig(result?.config ?? {}, absolute, seen);
}

/**
 * One line saying which file could not be read and why. cosmiconfig puts "JSON Error in
 * <path>:" on a line of its own and the parser's reason on the next.
 */
function readFailure(error: unknown, where: string): ConfigError {
  const e = (error ?? {}) as { message?: unknown; filepath?: unknown; code?: unknown };
  if (e.code === 'ENOENT') return new ConfigError('cannot read configuration: no such file.', where);
  const lines = String(e.message ?? error).split('\n').map((l) => l.trim()).filter(Boolean);
  if (lines.length > 1 && /^\w+ Error in /.test(lines[0]!)) lines.shift();
  const filepath = typeof e.filepath === 'string' ? e.filepath : where;
  return new ConfigError(`cannot read configuration: ${lines[0] ?? 'unknown error'}`, filepath);
}

/** Finds the config that applies to files in `dir`, or undefined. Cached per folder. */
export class ConfigResolver {
  private readonly byDir = new Map<string, Promise<LoadedConfig>>();
  private readonly presence = new ConfigPresence();
  /** One default for the whole run, so per-file settings are resolved once, not per file. */
  private defaults: Promise<LoadedConfig> | undefined;

  constructor(
    private readonly cwd: string,
    private readonly explicit?: LoadedConfig,
    private readonly useConfigFiles = true,
  ) {
    if (!explicit && useConfigFiles) forgetEarlierRuns();
  }

  forFile(path: string): Promise<LoadedConfig> {
    if (this.explicit) return Promise.resolve(this.explicit);
    if (!this.useConfigFiles) return this.defaultConfig();
    const dir = dirname(resolve(this.cwd, path));
    let pending = this.byDir.get(dir);
    if (!pending) {
      pending = this.search(dir);
      this.byDir.set(dir, pending);
    }
    return pending;
  }

  private defaultConfig(): Promise<LoadedConfig> {
    return (this.defaults ??= Promise.resolve(defaultConfig(this.cwd)));
  }

  private async search(dir: string): Promise<LoadedConfig> {
    // Most runs have no config at all: seeing that with a few stats spares loading cosmiconfig.
    if (!this.presence.mayHaveConfig(dir)) return this.defaultConfig();
    let found: Awaited<ReturnType<Explorer['search']>>;
    try {
      found = await (await getExplorer()).search(dir);
    } catch (error) {
      // A place the search may not look into (e.g. the global config folder of a HOME the
      // user cannot read) holds no config for us; a config file that cannot be read is an error.
      const { code, syscall } = error as NodeJS.ErrnoException;
      if ((code === 'EACCES' || code === 'EPERM') && syscall === 'stat') return defaultConfig(this.cwd);
      throw readFailure(error, dir);
    }
    if (!found) return this.defaultConfig();
    return resolveConfig(found.config ?? {}, found.filepath, new Set([found.filepath]));
  }
}

export async function resolveConfig(raw: unknown, filepath: string | undefined, seen: Set<string>): Promise<LoadedConfig> {
  const config = validateConfig(raw, filepath);
  const baseDir = filepath ? dirname(filepath) : process.cwd();
  const parents: LoadedConfig[] = [];
  for (const name of extendsOf(config)) {
    if (!name.startsWith('plimsoll:')) parents.push(await loadConfigFile(isAbsolute(name) ? name : resolve(baseDir, name), seen));
  }
  return assemble(config, filepath, baseDir, parents);
}

/**
 * Resolves a config object given in code (the library's `lintText`): presets only,
 * since extending other files would need to read them.
 */
export function resolveInlineConfig(raw: unknown, baseDir: string): LoadedConfig {
  const config = validateConfig(raw);
  const files = extendsOf(config).filter((n) => !n.startsWith('plimsoll:'));
  if (files.length > 0) throw new ConfigError(`"extends" of a file (${files[0]}) needs lintFiles; lintText accepts presets only.`);
  return assemble(config, undefined, baseDir, []);
}

function extendsOf(config: PlimsollConfig): string[] {
  return config.extends === undefined ? ['plimsoll:recommended'] : [config.extends].flat();
}

function assemble(config: PlimsollConfig, filepath: string | undefined, baseDir: string, parents: LoadedConfig[]): LoadedConfig {
  const loaded: LoadedConfig = {
    ...(filepath ? { filepath } : {}),
    baseDir,
    rules: new Map(),
    ignorePatterns: [],
    overrides: [],
    settings: {},
  };
  let nextParent = 0;
  for (const name of extendsOf(config)) {
    if (name.startsWith('plimsoll:')) {
      if (!(PRESETS as readonly string[]).includes(name)) {
        throw new ConfigError(`unknown preset "${name}" (use ${PRESETS.join(', ')}).`, filepath);
      }
      mergeRules(loaded.rules, presetRules(name as PresetName));
      continue;
    }
    const parent = parents[nextParent++]!;
    mergeRules(loaded.rules, parent.rules);
    // As in ESLint, patterns of an extended config are relative to the config that extends it
    // (the nearest one, whose folder the linted files are in), like its overrides.
    loaded.ignorePatterns.push(...parent.ignorePatterns);
    loaded.overrides.push(...parent.overrides);
    Object.assign(loaded.settings, parent.settings);
  }
  mergeRules(loaded.rules, normaliseRules(config.rules ?? {}));
  loaded.ignorePatterns.push(...(config.ignorePatterns ?? []));
  loaded.overrides.push(...(config.overrides ?? []));
  Object.assign(loaded.settings, pickSettings(config));
  return loaded;
}

function pickSettings(s: ConfigSettings): ConfigSettings {
  const out: ConfigSettings = {};
  if (s.kubernetesVersion !== undefined) out.kubernetesVersion = s.kubernetesVersion;
  if (s.schemaLocations !== undefined) out.schemaLocations = s.schemaLocations;
  if (s.images !== undefined) out.images = s.images;
  return out;
}

type RuleEntry = { severity?: SeverityOrOff; options?: Record<string, unknown> };

export function normaliseRules(rules: Record<string, RuleSetting>): Map<string, RuleEntry> {
  const map = new Map<string, RuleEntry>();
  for (const [id, setting] of Object.entries(rules)) {
    if (typeof setting === 'string') map.set(id, { severity: setting });
    else if (Array.isArray(setting)) map.set(id, { severity: setting[0], ...(setting[1] ? { options: setting[1] } : {}) });
    else map.set(id, { ...setting });
  }
  return map;
}

function mergeRules(target: Map<string, RuleEntry>, source: Map<string, RuleEntry>): void {
  for (const [id, entry] of source) {
    const prev = target.get(id);
    target.set(id, {
      ...prev,
      ...(entry.severity !== undefined ? { severity: entry.severity } : {}),
      ...(entry.options !== undefined ? { options: { ...prev?.options, ...entry.options } } : {}),
    });
  }
}

// ---- resolving for a file ------------------------------------------------------

export interface FileSettings {
  rules: ConfiguredRule[];
  settings: ConfigSettings;
}

const matcherCache = new Map<string, (path: string) => boolean>();

function matcher(patterns: string | string[]): (path: string) => boolean {
  const list = [patterns].flat();
  const key = list.join('\u0000');
  let m = matcherCache.get(key);
  if (!m) {
    const full = picomatch(list, { dot: true });
    // Patterns without a slash match the file name in any folder, as in .gitignore.
    const base = picomatch(list.filter((p) => !p.includes('/')), { dot: true, basename: true });
    m = (path) => full(path) || base(path);
    matcherCache.set(key, m);
  }
  return m;
}

function relativeTo(config: LoadedConfig, file: string): string {
  return relative(config.baseDir, resolve(file)).split('\\').join('/');
}

export function isIgnored(config: LoadedConfig, file: string): boolean {
  if (config.ignorePatterns.length === 0) return false;
  const rel = relativeTo(config, file);
  const m = matcher(config.ignorePatterns.map((p) => p.replace(/\/$/, '/**')));
  return m(rel);
}

/** Severity overrides given on the command line (`--rule id=severity`). */
export type CliRuleOverrides = ReadonlyMap<string, SeverityOrOff>;

const fileSettingsCache = new WeakMap<LoadedConfig, Map<string, FileSettings>>();

export function settingsForFile(config: LoadedConfig, file: string, cli: CliRuleOverrides = new Map()): FileSettings {
  const rel = relativeTo(config, file);
  const matching = config.overrides
    .map((o, i) => ({ o, i }))
    .filter(({ o }) => matcher(o.files)(rel) && !(o.excludedFiles && matcher(o.excludedFiles)(rel)));
  const key = `${matching.map(({ i }) => i).join(',')}|${[...cli].join(',')}`;
  let perConfig = fileSettingsCache.get(config);
  if (!perConfig) fileSettingsCache.set(config, (perConfig = new Map()));
  const cached = perConfig.get(key);
  if (cached) return cached;

  const rules = new Map(config.rules);
  const settings = { ...config.settings };
  for (const { o } of matching) {
    mergeRules(rules, normaliseRules(o.rules ?? {}));
    Object.assign(settings, pickSettings(o));
  }
  for (const [id, severity] of cli) rules.set(id, { ...rules.get(id), severity });
  const configured: ConfiguredRule[] = [];
  for (const [id, entry] of rules) {
    const registered = findRule(id);
    if (!registered) continue;
    const severity = entry.severity ?? registered.rule.meta.severity;
    if (severity === 'off') continue;
    configured.push({ rule: registered.rule, severity: severity as Severity, options: entry.options ?? {} });
  }
  const result = { rules: configured, settings };
  perConfig.set(key, result);
  return result;
}
