/**
 * Loading a compose project the way `docker compose config` does, into one merged tree:
 * every file is parsed (YAML 1.2, as go-yaml v3), its documents merged, its strings
 * interpolated from the project's environment; then per file `extends` (same file or
 * another) and `include` (a sub-project with its own directory and env file) are applied;
 * then the layers (base file, then override files) are merged and sequences made unique.
 * Problems (a missing file, a cycle, a conflict) are recorded, never thrown.
 */
import { dirname, isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import type { FileHost } from '../../core/environment.js';
import { SourceText } from '../../core/source.js';
import type { Locatable, Span } from '../../core/types.js';
import type { YNode } from '../yaml/nodes.js';
import { parseDotenv } from './dotenv.js';
import { parseComposeText, type ParsedComposeFile } from './files.js';
import type { Lookup } from './interpolate.js';
import { enforceUniqueness, mergeTrees, stripResets, type Redefinition } from './merge.js';
import { convertYaml, entry, scalarText, type CEntry, type CMap, type CValue, type VariableProblem } from './tree.js';

export { parseComposeText, type ParsedComposeFile } from './files.js';

export type FileRole = 'main' | 'override' | 'extends' | 'include';


/** One file as it took part in loading: interpolated, with its variable problems. */
export interface LoadedFile {
  parsed: ParsedComposeFile;
  role: FileRole;
  /** The file's own tree (documents merged, interpolated), before extends and include. */
  tree?: CMap;
  /** The document root is not a mapping (a list, a string): nothing can be loaded from it. */
  notMapping?: YNode;
  variables: VariableProblem[];
  /** Relative paths of this file resolve against this folder. */
  baseDir: string;
}

export type LoadProblem =
  | { kind: 'extendsMissingService'; node: Locatable; service: string; file: string }
  | { kind: 'extendsMissingFile'; node: Locatable; path: string }
  | { kind: 'extendsCycle'; node: Locatable; chain: string[] }
  | { kind: 'includeMissingFile'; node: Locatable; path: string }
  | { kind: 'includeCycle'; node: Locatable; path: string }
  | { kind: 'includeConflict'; node: Locatable; resource: string; name: string; path: string }
  | { kind: 'unreadableFile'; node: Locatable; path: string; reason: string }
  | { kind: 'envFileMissing'; node?: Locatable; path: string }
  | { kind: 'envFileUnreadable'; node?: Locatable; path: string }
  | { kind: 'envFileSyntax'; node: Locatable; path: string; message: string };

export interface EnvironmentSource {
  absolute: string;
  display: string;
  /** The file was named explicitly (`--env-file`, `include.env_file`); a missing one is an error. */
  explicit: boolean;
  found: boolean;
  values: Map<string, string>;
}

export interface LoadedProject {
  tree: CMap;
  files: LoadedFile[];
  problems: LoadProblem[];
  /** Sequence entries that a later entry with the same key replaced (Compose keeps the last). */
  redefinitions: Redefinition[];
  projectDir: string;
  envFiles: EnvironmentSource[];
  /** The folder relative paths written at a node resolve against. */
  baseDirOf(node: Locatable): string;
  /** Absolute path → display path of every compose file that was read. */
  displayOf(absolute: string): string;
}

export interface LoadInput {
  /** The linted file. */
  source: SourceText;
  absolutePath?: string;
  /** Absolute paths of the layers in order (the linted file among them). */
  layers: readonly string[];
  host: FileHost;
  /** `--env-file` files (absolute); default: `.env` in the project folder. */
  envFiles?: readonly string[];
  /** Variables from the process environment, when the run opted in to them. */
  processEnv?: Readonly<Record<string, string | undefined>>;
  /** Parsed files shared across the files of one run. */
  cache?: Map<string, ParsedComposeFile>;
}

const RESOURCES = ['services', 'networks', 'volumes', 'secrets', 'configs', 'models'] as const;

export function loadComposeProject(input: LoadInput): LoadedProject {
  return new Loader(input).load();
}

class Loader {
  private readonly problems: LoadProblem[] = [];
  private readonly files: LoadedFile[] = [];
  private readonly byAbsolute = new Map<string, LoadedFile>();
  private readonly baseDirs = new Map<string, string>();
  private readonly envSources: EnvironmentSource[] = [];
  private readonly resolvedServices = new Map<string, CValue>();
  /** Env files already reported, so that one bad file is one finding. */
  private readonly reportedEnv = new Set<string>();
  private readonly cwd: string;

  constructor(private readonly input: LoadInput) {
    this.cwd = input.absolutePath ? dirname(input.absolutePath) : process.cwd();
  }

  load(): LoadedProject {
    const first = this.input.layers[0] ?? this.input.absolutePath ?? join(this.cwd, this.input.source.path);
    const projectDir = dirname(first);
    const lookup = this.projectEnvironment(projectDir);
    let tree: CMap | undefined;
    for (const layer of this.input.layers) {
      const role: FileRole = layer === this.input.layers[0] ? 'main' : 'override';
      const layerTree = this.loadLayer(layer, role, lookup, projectDir, []);
      if (!layerTree) continue;
      tree = tree ? (mergeTrees(tree, layerTree) as CMap) : layerTree;
    }
    const empty: CMap = { kind: 'map', entries: new Map(), node: fakeNode() };
    const redefinitions: Redefinition[] = [];
    const final = tree ? (stripResets(enforceUniqueness(tree, [], (r) => redefinitions.push(r))) as CMap) : empty;
    return {
      tree: final,
      files: this.files,
      problems: this.problems,
      redefinitions,
      projectDir,
      envFiles: this.envSources,
      baseDirOf: (node) => (node.file ? this.baseDirs.get(node.file.path) : undefined) ?? this.baseDirs.get(this.input.source.path) ?? projectDir,
      displayOf: (absolute) => this.display(absolute),
    };
  }

  /** Display path of a related file: relative to the linted file's display folder. */
  private display(absolute: string): string {
    if (this.input.absolutePath && absolute === this.input.absolutePath) return this.input.source.path;
    const rel = relative(this.cwd, absolute).split(sep).join('/');
    const base = posix.dirname(this.input.source.path);
    return posix.normalize(base === '.' ? rel : `${base}/${rel}`);
  }

  // ---- Environment ----

  private projectEnvironment(projectDir: string): Lookup {
    const processEnv = this.input.processEnv;
    const explicit = this.input.envFiles && this.input.envFiles.length > 0;
    const paths = explicit ? this.input.envFiles! : [join(projectDir, '.env')];
    const values = this.readEnvFiles(paths, Boolean(explicit), undefined, (name) => processEnv?.[name]);
    // The shell wins over env files, as in Compose.
    return (name) => processEnv?.[name] ?? values.get(name);
  }

  private readEnvFiles(paths: readonly string[], explicit: boolean, node: Locatable | undefined, outer: Lookup): Map<string, string> {
    const values = new Map<string, string>();
    for (const absolute of paths) {
      const display = this.display(absolute);
      const source: EnvironmentSource = { absolute, display, explicit, found: false, values: new Map() };
      this.envSources.push(source);
      const text = this.input.host.readFile(absolute);
      if (text === undefined) {
        const exists = this.input.host.exists(absolute);
        if ((exists || explicit) && !this.reportedEnv.has(absolute)) {
          this.reportedEnv.add(absolute);
          this.problems.push({ kind: exists ? 'envFileUnreadable' : 'envFileMissing', path: display, ...(node ? { node } : {}) });
        }
        continue;
      }
      source.found = true;
      const parsed = parseDotenv(text, (name) => values.get(name) ?? outer(name));
      const envSource = new SourceText(display, text);
      const report = !this.reportedEnv.has(absolute);
      this.reportedEnv.add(absolute);
      for (const p of report ? parsed.problems : []) {
        const span: Span = { start: envSource.lineStart(p.line), end: envSource.lineEnd(p.line) };
        this.problems.push({ kind: 'envFileSyntax', node: { span, file: envSource }, path: display, message: p.message });
      }
      for (const [k, v] of parsed.values) {
        values.set(k, v);
        source.values.set(k, v);
      }
    }
    return values;
  }

  // ---- Files ----

  private parsedFile(absolute: string): ParsedComposeFile | undefined {
    const cache = this.input.cache;
    const own = this.input.absolutePath === absolute || (!this.input.absolutePath && absolute === join(this.cwd, this.input.source.path));
    if (own) {
      const cached = cache?.get(absolute);
      if (cached && cached.source.text === this.input.source.text && cached.source.path === this.input.source.path) return cached;
      const parsed = parseComposeText(this.input.source, absolute);
      cache?.set(absolute, parsed);
      return parsed;
    }
    const cached = cache?.get(absolute);
    if (cached) return cached;
    const text = this.input.host.readFile(absolute);
    if (text === undefined) return undefined;
    const parsed = parseComposeText(new SourceText(this.display(absolute), text), absolute);
    cache?.set(absolute, parsed);
    return parsed;
  }

  /** Parses and interpolates a file once per load. */
  private loadedFile(absolute: string, role: FileRole, lookup: Lookup, baseDir: string): LoadedFile | undefined {
    const known = this.byAbsolute.get(absolute);
    if (known) return known;
    const parsed = this.parsedFile(absolute);
    if (!parsed) return undefined;
    const file: LoadedFile = { parsed, role, variables: [], baseDir };
    this.byAbsolute.set(absolute, file);
    this.files.push(file);
    if (!this.baseDirs.has(parsed.source.path)) this.baseDirs.set(parsed.source.path, baseDir);
    for (const doc of parsed.documents) {
      if (doc.errors.some((e) => e.code === 'ALIAS_LIMIT' || e.code === 'TOO_DEEP' || e.code === 'UNPARSABLE')) continue;
      if (!doc.root) continue;
      const converted = convertYaml(doc.root, { source: parsed.source, lookup });
      file.variables.push(...converted.variables);
      const value = converted.value;
      if (!value) continue;
      if (value.kind !== 'map') {
        file.notMapping ??= doc.root;
        continue;
      }
      file.tree = file.tree ? (mergeTrees(file.tree, value) as CMap) : value;
    }
    return file;
  }

  private loadLayer(absolute: string, role: FileRole, lookup: Lookup, baseDir: string, includeChain: readonly string[]): CMap | undefined {
    const file = this.loadedFile(absolute, role, lookup, baseDir);
    if (!file?.tree) return undefined;
    let tree = this.applyExtends(file, lookup);
    tree = this.applyIncludes(tree, file, lookup, [...includeChain, absolute]);
    return tree;
  }

  // ---- extends ----

  private applyExtends(file: LoadedFile, lookup: Lookup): CMap {
    const tree = file.tree!;
    const services = entry(tree, 'services');
    if (services?.kind !== 'map') return tree;
    let changed = false;
    const entries = new Map<string, CEntry>();
    for (const [name, e] of services.entries) {
      const resolved = this.resolveService(file, name, lookup, []);
      if (resolved !== e.value) changed = true;
      entries.set(name, resolved === e.value ? e : { key: e.key, value: resolved });
    }
    if (!changed) return tree;
    const newEntries = new Map(tree.entries);
    newEntries.set('services', { key: tree.entries.get('services')!.key, value: { ...services, entries } });
    return { ...tree, entries: newEntries };
  }

  private resolveService(file: LoadedFile, name: string, lookup: Lookup, chain: readonly string[]): CValue {
    const absolute = file.parsed.absolute ?? file.parsed.source.path;
    const memoKey = `${absolute}#${name}`;
    const memo = this.resolvedServices.get(memoKey);
    if (memo) return memo;
    const service = entry(entry(file.tree, 'services'), name);
    if (!service || service.kind !== 'map') return service ?? { kind: 'scalar', value: null, node: file.parsed.documents[0]?.root ?? fakeNode() };
    const extendsEntry = service.entries.get('extends');
    if (!extendsEntry) return service;
    const ext = extendsEntry.value;
    const baseName = ext.kind === 'map' ? scalarText(entry(ext, 'service')) : scalarText(ext);
    const fileText = ext.kind === 'map' ? scalarText(entry(ext, 'file')) : undefined;
    const own: CMap = { ...service, entries: new Map([...service.entries].filter(([k]) => k !== 'extends')) };
    if (!baseName) return own;
    let baseFile: LoadedFile | undefined = file;
    const where = ext.kind === 'map' ? (ext.entries.get('file')?.value.node ?? ext.node) : ext.node;
    if (fileText !== undefined && isRemote(fileText)) return own; // a remote resource (git, oci): not read here
    if (fileText !== undefined) {
      const target = resolvePath(dirname(absolute), fileText);
      baseFile = this.loadedFile(target, 'extends', lookup, dirname(target));
      if (!baseFile) {
        this.problems.push({ kind: 'extendsMissingFile', node: where, path: fileText });
        return own;
      }
      if (!baseFile.tree) {
        this.problems.push({ kind: 'unreadableFile', node: where, path: fileText, reason: 'it has no services to extend' });
        return own;
      }
    }
    const baseKey = `${baseFile.parsed.absolute ?? baseFile.parsed.source.path}#${baseName}`;
    const nameNode = ext.kind === 'map' ? (ext.entries.get('service')?.value.node ?? ext.node) : ext.node;
    if (chain.includes(baseKey) || baseKey === memoKey) {
      this.problems.push({ kind: 'extendsCycle', node: nameNode, chain: [...chain, memoKey, baseKey].map((k) => k.split('#')[1]!) });
      return own;
    }
    const base = entry(entry(baseFile.tree, 'services'), baseName);
    if (!base || base.kind !== 'map') {
      this.problems.push({ kind: 'extendsMissingService', node: nameNode, service: baseName, file: fileText ?? file.parsed.source.path });
      return own;
    }
    const resolvedBase = this.resolveService(baseFile, baseName, lookup, [...chain, memoKey]);
    const merged = mergeTrees(resolvedBase, own, ['services', name]) as CMap;
    // The service keeps its own node: "the service" is where it is declared.
    const out: CMap = { ...merged, node: service.node };
    this.resolvedServices.set(memoKey, out);
    return out;
  }

  // ---- include ----

  private applyIncludes(tree: CMap, file: LoadedFile, lookup: Lookup, chain: readonly string[]): CMap {
    const include = entry(tree, 'include');
    if (include?.kind !== 'seq') return tree;
    const dir = dirname(file.parsed.absolute ?? join(this.cwd, file.parsed.source.path));
    let result = tree;
    for (const item of include.items) {
      const spec = includeSpec(item);
      if (spec.paths.length === 0 || spec.paths.some((p) => isRemote(p.text))) continue;
      const absPaths = spec.paths.map((p) => resolvePath(dir, p.text));
      const projectDir = spec.projectDirectory ? resolvePath(dir, spec.projectDirectory) : dirname(absPaths[0]!);
      const envPaths = spec.envFiles.length > 0 ? spec.envFiles.map((p) => resolvePath(dir, p)) : [join(projectDir, '.env')];
      const envValues = this.readEnvFiles(envPaths, spec.envFiles.length > 0, spec.envNode ?? item.node, lookup);
      const includeLookup: Lookup = (name) => envValues.get(name) ?? lookup(name);
      let sub: CMap | undefined;
      absPaths.forEach((absolute, i) => {
        const at = spec.paths[i]!;
        if (chain.includes(absolute)) {
          this.problems.push({ kind: 'includeCycle', node: at.node, path: at.text });
          return;
        }
        if (!this.input.host.exists(absolute) && !this.byAbsolute.has(absolute)) {
          this.problems.push({ kind: 'includeMissingFile', node: at.node, path: at.text });
          return;
        }
        const layer = this.loadLayer(absolute, 'include', includeLookup, projectDir, chain);
        if (!layer) {
          const loaded = this.byAbsolute.get(absolute);
          if (!loaded) this.problems.push({ kind: 'unreadableFile', node: at.node, path: at.text, reason: 'it cannot be read' });
          return;
        }
        sub = sub ? (mergeTrees(sub, layer) as CMap) : layer;
      });
      if (sub) result = this.importResources(result, sub, item, spec.paths[0]!.text);
    }
    return result;
  }

  private importResources(into: CMap, from: CMap, item: CValue, path: string): CMap {
    const entries = new Map(into.entries);
    for (const kind of RESOURCES) {
      const source = entry(from, kind);
      if (source?.kind !== 'map') continue;
      const targetEntry = entries.get(kind);
      const target = targetEntry?.value.kind === 'map' ? targetEntry.value : undefined;
      const merged = new Map(target?.entries ?? []);
      for (const [name, e] of source.entries) {
        const existing = merged.get(name);
        if (existing) {
          if (existing.value.node !== e.value.node) this.problems.push({ kind: 'includeConflict', node: existing.key, resource: kind, name, path });
          continue;
        }
        merged.set(name, e);
      }
      const node = target?.node ?? source.node;
      entries.set(kind, { key: targetEntry?.key ?? item.node, value: { kind: 'map', entries: merged, node } });
    }
    return { ...into, entries };
  }
}

interface IncludeSpec {
  envNode?: YNode;
  paths: { text: string; node: YNode }[];
  projectDirectory?: string;
  envFiles: string[];
}

function includeSpec(item: CValue): IncludeSpec {
  if (item.kind === 'scalar') {
    const text = scalarText(item);
    return { paths: text ? [{ text, node: item.node }] : [], envFiles: [] };
  }
  if (item.kind !== 'map') return { paths: [], envFiles: [] };
  const path = entry(item, 'path');
  const paths: IncludeSpec['paths'] = [];
  if (path?.kind === 'seq') for (const p of path.items) {
    const text = scalarText(p);
    if (text) paths.push({ text, node: p.node });
  }
  else {
    const text = scalarText(path);
    if (text && path) paths.push({ text, node: path.node });
  }
  const env = entry(item, 'env_file');
  const envFiles = env?.kind === 'seq' ? env.items.map(scalarText).filter((t): t is string => !!t) : [scalarText(env)].filter((t): t is string => !!t);
  const spec: IncludeSpec = { paths, envFiles };
  if (env) spec.envNode = env.node;
  const pd = scalarText(entry(item, 'project_directory'));
  if (pd) spec.projectDirectory = pd;
  return spec;
}

/** `oci://…`, `git@…`, `https://…`, `remote:…`: resources Compose fetches, not local paths. */
export function isRemote(path: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]+:/.test(path) || path.startsWith('git@');
}

function resolvePath(dir: string, path: string): string {
  return isAbsolute(path) ? path : resolve(dir, path);
}

function fakeNode(): YNode {
  return { kind: 'scalar', value: null, source: '', style: 'plain', span: { start: 0, end: 0 } };
}
