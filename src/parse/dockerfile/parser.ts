/**
 * Dockerfile parser following BuildKit's reading of the format. Never throws:
 * problems become `errors` with a span, and parsing goes on with the next line.
 */
import type { Span } from '../../core/types.js';
import { closest } from '../../core/suggest.js';
import type {
  ArgInstruction,
  Comment,
  CopyInstruction,
  Dockerfile,
  DockerfileSyntaxError,
  EnvInstruction,
  ExecFormInstruction,
  ExposeInstruction,
  ExposedPort,
  Flag,
  FromInstruction,
  HealthcheckInstruction,
  Heredoc,
  Instruction,
  InstructionBase,
  JsonArgs,
  KeyValue,
  MountSpec,
  OnbuildInstruction,
  ParserDirective,
  RunInstruction,
  ShellInstruction,
  Stage,
  TextNode,
  UserInstruction,
  VariableRef,
  WorkdirInstruction,
} from './ast.js';
import { KEYWORDS } from './ast.js';
import { MapScope, expandVariables } from './expand.js';
import {
  MappedText,
  type PhysicalLine,
  type Word,
  isBlank,
  isCommentLine,
  joinContinuations,
  splitLines,
  splitWords,
  unquoteText,
} from './lexer.js';

/**
 * As BuildKit reads directives: leading whitespace (and, since JS's `\s` includes it, a BOM)
 * is skipped, the value must not be empty (`# escape=` is a plain comment), and whitespace
 * around `=` and at the end is ignored.
 */
const DIRECTIVE = /^(\s*#\s*)([a-zA-Z][a-zA-Z0-9]*)(\s*=\s*)(.+?)\s*$/;
const KNOWN_DIRECTIVES = new Set(['syntax', 'escape', 'check']);
const HEREDOC_MARKER = /^(\d*)<<(-?)([^<]*)$/;
const HEREDOC_INSTRUCTIONS = new Set(['RUN', 'COPY', 'ADD']);

/** Flags each instruction accepts (BuildKit's, as of Dockerfile syntax 1.x). */
const ALLOWED_FLAGS: Record<string, readonly string[]> = {
  FROM: ['platform'],
  RUN: ['mount', 'network', 'security', 'device'],
  COPY: ['from', 'chown', 'chmod', 'link', 'parents', 'exclude'],
  ADD: ['chown', 'chmod', 'link', 'checksum', 'keep-git-dir', 'exclude', 'unpack', 'parents'],
  HEALTHCHECK: ['interval', 'timeout', 'start-period', 'start-interval', 'retries'],
};

/** ARGs BuildKit defines without a declaration in the global scope. */
export const PLATFORM_ARGS = [
  'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT',
  'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT',
];
/** ARGs that are predefined in every stage. */
export const PROXY_ARGS = [
  'HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy',
  'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy',
];

const EXPANDING = new Set(['ADD', 'COPY', 'ENV', 'EXPOSE', 'FROM', 'LABEL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR', 'ARG']);

interface Line {
  text: MappedText;
  /** Span from the first character of the instruction to the end of its last line. */
  start: number;
  end: number;
}

/** The global scope: the platform ARGs are set by every build, to values the parser cannot know. */
function platformScope(): MapScope {
  const scope = new MapScope();
  for (const name of PLATFORM_ARGS) scope.setOpaque(name);
  return scope;
}

/** Parser state carried from one instruction to the next. */
class ParseState {
  readonly errors: DockerfileSyntaxError[] = [];
  readonly comments: Comment[] = [];
  readonly emptyContinuationLines: Span[] = [];
  readonly instructions: Instruction[] = [];
  readonly stages: Stage[] = [];
  readonly globalArgs: ArgInstruction[] = [];
  readonly globalScope = platformScope();
  stageScope = new MapScope();
  stageEnv = new Map<string, string | undefined>();
  readonly stageEnvs: Map<string, string | undefined>[] = [];

  constructor(readonly source: string, readonly escapeChar: string) {}

  error(message: string, span: Span): void {
    this.errors.push({ message, span });
  }

  get stageIndex(): number {
    return this.stages.length - 1;
  }

  scope(): MapScope {
    return this.stages.length === 0 ? this.globalScope : this.stageScope;
  }
}

export function parseDockerfile(source: string): Dockerfile {
  const lines = splitLines(source);
  const { directives, next, escapeChar, errors: directiveErrors } = readDirectives(lines);
  const state = new ParseState(source, escapeChar);
  state.errors.push(...directiveErrors);

  let i = next;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line.text)) {
      i++;
      continue;
    }
    if (isCommentLine(line.text)) {
      state.comments.push(commentOf(line, false));
      i++;
      continue;
    }
    const { logical, nextLine } = readLogicalLine(lines, i, state);
    i = nextLine;
    const heredocs = mayHaveHeredocs(logical.text.text)
      ? readHeredocs(logical, lines, i, state)
      : { heredocs: [], nextLine: i };
    i = heredocs.nextLine;
    const end = heredocs.heredocs.length > 0 ? heredocs.heredocs.at(-1)!.span.end : logical.end;
    const instruction = parseInstruction(logical.text, 0, { start: logical.start, end }, heredocs.heredocs, state, false);
    if (instruction) addInstruction(instruction, state);
  }

  // BuildKit refuses such a file ("file with no instructions").
  if (state.instructions.length === 0) state.error('The Dockerfile has no instructions; start it with FROM <image>.', { start: 0, end: 0 });
  for (const stage of state.stages) {
    const last = stage.instructions.at(-1) ?? stage.from;
    stage.span = { start: stage.from.span.start, end: last.span.end };
  }
  return {
    type: 'Dockerfile',
    span: { start: 0, end: source.length },
    directives,
    escapeChar: escapeChar === '`' ? '`' : '\\',
    comments: state.comments,
    instructions: state.instructions,
    stages: state.stages,
    globalArgs: state.globalArgs,
    errors: state.errors,
    emptyContinuationLines: state.emptyContinuationLines,
  };
}

function readDirectives(lines: PhysicalLine[]): {
  directives: ParserDirective[];
  next: number;
  escapeChar: string;
  errors: DockerfileSyntaxError[];
} {
  const directives: ParserDirective[] = [];
  const errors: DockerfileSyntaxError[] = [];
  let escapeChar = '\\';
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const m = DIRECTIVE.exec(line.text);
    if (!m) break;
    const name = m[2]!.toLowerCase();
    if (!KNOWN_DIRECTIVES.has(name)) break;
    const nameStart = line.start + m[1]!.length;
    const valueStart = nameStart + m[2]!.length + m[3]!.length;
    const hash = line.start + m[1]!.indexOf('#');
    const directive: ParserDirective = {
      span: { start: hash, end: line.end },
      name,
      nameSpan: { start: nameStart, end: nameStart + m[2]!.length },
      value: m[4]!,
      valueSpan: { start: valueStart, end: valueStart + m[4]!.length },
    };
    if (directives.some((d) => d.name === name)) {
      errors.push({ message: `Only one "${name}" parser directive can be used.`, span: directive.span });
      continue;
    }
    if (name === 'escape') {
      if (directive.value === '\\' || directive.value === '`') escapeChar = directive.value;
      else errors.push({ message: `Invalid escape character "${directive.value}": use \\ or \`.`, span: directive.valueSpan });
    }
    directives.push(directive);
  }
  return { directives, next: i, escapeChar, errors };
}

function commentOf(line: PhysicalLine, insideInstruction: boolean): Comment {
  const hash = line.text.indexOf('#');
  return {
    span: { start: line.start + hash, end: line.end },
    text: line.text.slice(hash + 1).trim(),
    insideInstruction,
  };
}

function readLogicalLine(lines: PhysicalLine[], first: number, state: ParseState): { logical: Line; nextLine: number } {
  const { text, nextLine, end } = joinContinuations(
    lines,
    first,
    state.escapeChar,
    (line) => state.comments.push(commentOf(line, true)),
    (line) => state.emptyContinuationLines.push({ start: line.start, end: line.end }),
  );
  const leading = text.text.length - text.text.trimStart().length;
  return { logical: { text, start: text.sourceStart(leading), end }, nextLine };
}

/** RUN, COPY and ADD take heredocs, also as an ONBUILD trigger (as in BuildKit). */
function mayHaveHeredocs(text: string): boolean {
  const m = /^\s*(\S+)(?:\s+(\S+))?/.exec(text);
  const first = m?.[1]?.toUpperCase() ?? '';
  return HEREDOC_INSTRUCTIONS.has(first) || (first === 'ONBUILD' && HEREDOC_INSTRUCTIONS.has(m?.[2]?.toUpperCase() ?? ''));
}

function readHeredocs(
  logical: Line,
  lines: PhysicalLine[],
  first: number,
  state: ParseState,
): { heredocs: Heredoc[]; nextLine: number } {
  const heredocs: Heredoc[] = [];
  let i = first;
  const words = splitWords(logical.text.text, '\\');
  for (const word of words.slice(1)) {
    const m = HEREDOC_MARKER.exec(word.raw);
    if (!m || m[3]!.length === 0) continue;
    const rest = m[3]!;
    const nameWords = splitWords(rest, '\\');
    if (nameWords.length !== 1) continue;
    const delimiter = nameWords[0]!.value;
    const quoted = /["']/.test(rest);
    const stripTabs = m[2] === '-';
    const markerSpan = logical.text.span(word.start, word.end);
    const bodyStart = i < lines.length ? lines[i]!.start : state.source.length;
    const body: string[] = [];
    let terminated = false;
    let bodyEnd = bodyStart;
    let end = bodyStart;
    while (i < lines.length) {
      const line = lines[i]!;
      const content = stripTabs ? line.text.replace(/^\t+/, '') : line.text;
      i++;
      if (content === delimiter) {
        terminated = true;
        bodyEnd = line.start;
        end = line.end;
        break;
      }
      body.push(content);
      bodyEnd = end = Math.min(line.end + 1, state.source.length);
    }
    const span = { start: markerSpan.start, end };
    if (!terminated) state.error(`Unterminated heredoc: no line "${delimiter}" ends the heredoc started here.`, markerSpan);
    heredocs.push({
      span,
      delimiter,
      quoted,
      stripTabs,
      markerSpan,
      body: body.length > 0 ? body.join('\n') + '\n' : '',
      bodySpan: { start: bodyStart, end: bodyEnd },
      terminated,
    });
  }
  return { heredocs, nextLine: i };
}

interface ParsedHead {
  keywordText: string;
  keywordSpan: Span;
  flags: Flag[];
  /** Logical offset of each flag's value (parallel to `flags`). */
  flagValueAt: number[];
  argsStart: number;
  words: Word[];
}

function readHead(text: MappedText, from: number, state: ParseState): ParsedHead | undefined {
  const all = text.text;
  let k = from;
  while (k < all.length && /\s/.test(all[k]!)) k++;
  let kEnd = k;
  while (kEnd < all.length && !/\s/.test(all[kEnd]!)) kEnd++;
  if (kEnd === k) return undefined;
  const words = splitWords(all, state.escapeChar, kEnd);
  const flags: Flag[] = [];
  const flagValueAt: number[] = [];
  let w = 0;
  for (; w < words.length; w++) {
    const word = words[w]!;
    if (!word.raw.startsWith('--')) break;
    if (word.raw === '--') {
      w++;
      break;
    }
    flags.push(flagOf(word, text, state));
    flagValueAt.push(word.start + word.raw.indexOf('=') + 1);
  }
  const rest = words.slice(w);
  let argsStart = rest[0]?.start ?? all.trimEnd().length;
  if (argsStart < kEnd) argsStart = kEnd;
  return {
    keywordText: all.slice(k, kEnd),
    keywordSpan: text.span(k, kEnd),
    flags,
    flagValueAt,
    argsStart,
    words: rest,
  };
}

function flagOf(word: Word, text: MappedText, state: ParseState): Flag {
  const eq = word.raw.indexOf('=');
  const nameEnd = eq < 0 ? word.end : word.start + eq;
  const flag: Flag = {
    span: text.span(word.start, word.end),
    name: text.text.slice(word.start + 2, nameEnd),
    nameSpan: text.span(word.start + 2, nameEnd),
  };
  if (eq >= 0) {
    const raw = word.raw.slice(eq + 1);
    flag.value = { span: text.span(nameEnd + 1, word.end), raw, value: unquote(raw, state.escapeChar) };
  }
  return flag;
}

/** A value with quotes removed and escapes resolved; whitespace inside it is kept. */
function unquote(raw: string, escapeChar: string): string {
  return unquoteText(raw, escapeChar);
}

function textNode(word: Word, text: MappedText): TextNode {
  return { span: text.span(word.start, word.end), raw: word.raw, value: word.value };
}

/**
 * JSON (exec) form, or undefined for shell form. As in BuildKit, text that is not a JSON
 * array falls back to shell form, but a JSON array of anything other than strings is an
 * error (reported to `state`).
 */
function parseJson(text: MappedText, argsStart: number, state?: ParseState): JsonArgs | undefined {
  const all = text.text;
  const trimmed = all.slice(argsStart).trim();
  if (!trimmed.startsWith('[')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed)) return undefined;
  if (!parsed.every((v) => typeof v === 'string')) {
    const start = all.indexOf('[', argsStart);
    state?.error('In JSON form every argument must be a string in double quotes, e.g. ["npm", "start"].', text.span(start, all.trimEnd().length));
    return undefined;
  }
  const values: TextNode[] = [];
  const literal = /"(?:[^"\\]|\\.)*"/g;
  literal.lastIndex = argsStart;
  let m: RegExpExecArray | null;
  while (values.length < parsed.length && (m = literal.exec(all))) {
    values.push({ span: text.span(m.index, m.index + m[0].length), raw: m[0], value: parsed[values.length] as string });
  }
  const open = all.indexOf('[', argsStart);
  const close = all.lastIndexOf(']');
  return { span: text.span(open, close + 1), values };
}

function looksLikeJson(text: MappedText, argsStart: number): boolean {
  return text.text.slice(argsStart).trimStart().startsWith('[');
}

function parseInstruction(
  text: MappedText,
  from: number,
  span: Span,
  heredocs: Heredoc[],
  state: ParseState,
  insideOnbuild: boolean,
): Instruction | undefined {
  const head = readHead(text, from, state);
  if (!head) return undefined;
  const keyword = head.keywordText.toUpperCase();
  const argsEnd = text.text.trimEnd().length;
  const argsText = head.argsStart < argsEnd ? text.text.slice(head.argsStart, argsEnd) : '';
  const base = {
    type: 'Instruction' as const,
    span,
    keyword,
    keywordText: head.keywordText,
    keywordSpan: head.keywordSpan,
    flags: head.flags,
    argsText,
    argsSpan: text.span(head.argsStart, Math.max(head.argsStart, argsEnd)),
    words: head.words.map((w) => textNode(w, text)),
    heredocs,
    variables: [] as VariableRef[],
    stageIndex: state.stageIndex,
    ...(insideOnbuild ? { parentOnbuild: true } : {}),
  };

  if (!(KEYWORDS as readonly string[]).includes(keyword)) {
    const suggestion = closest(keyword, KEYWORDS);
    state.error(
      `Unknown instruction "${head.keywordText}"${suggestion ? ` (did you mean ${suggestion}?)` : ''}.`,
      head.keywordSpan,
    );
    return { ...base, unknown: true };
  }
  checkFlags(keyword, head.flags, state);
  if (argsText.length === 0 && heredocs.length === 0 && keyword !== 'HEALTHCHECK') {
    state.error(`${keyword} requires at least one argument.`, head.keywordSpan);
  }

  const expander = new Expander(text, state, insideOnbuild || !EXPANDING.has(keyword), base.variables);
  switch (keyword) {
    case 'FROM':
      return parseFrom(base, head, text, state, expander);
    case 'RUN':
      return parseRun(base, head, text, heredocs, state);
    case 'CMD':
    case 'ENTRYPOINT': {
      const json = parseJson(text, head.argsStart, state);
      const node: ExecFormInstruction = {
        ...base,
        keyword,
        form: json ? 'json' : 'shell',
        malformedJson: !json && looksLikeJson(text, head.argsStart),
      };
      if (json) node.json = json;
      return node;
    }
    case 'SHELL': {
      const errorsBefore = state.errors.length;
      const json = parseJson(text, head.argsStart, state);
      if (!json && argsText && state.errors.length === errorsBefore) state.error('SHELL requires its arguments in JSON form, e.g. SHELL ["/bin/bash", "-c"].', base.argsSpan);
      const node: ShellInstruction = { ...base, keyword };
      if (json) node.json = json;
      return node;
    }
    case 'COPY':
    case 'ADD':
      return parseCopy(base, keyword, head, text, heredocs, state, expander);
    case 'ENV':
    case 'LABEL':
      return parseKeyValues(base, keyword, head, text, state, expander);
    case 'ARG':
      return parseArg(base, head, text, state, expander);
    case 'EXPOSE':
      return parseExpose(base, head, text, expander);
    case 'USER': {
      if (head.words.length > 1) state.error('USER takes exactly one argument: user[:group].', base.argsSpan);
      const node: UserInstruction = { ...base, keyword };
      const word = head.words[0];
      if (word) {
        node.user = textNode(word, text);
        node.userExpanded = expander.expand(word).value;
      }
      return node;
    }
    case 'WORKDIR': {
      const node: WorkdirInstruction = { ...base, keyword };
      // BuildKit takes the rest of the line as the path: `WORKDIR C:\Program Files\App` is one path.
      const word: Word | undefined = argsText
        ? { start: head.argsStart, end: head.argsStart + argsText.length, raw: argsText, value: unquote(argsText, state.escapeChar) }
        : undefined;
      if (word) {
        node.path = textNode(word, text);
        node.pathExpanded = expander.expand(word).value;
      }
      return node;
    }
    case 'HEALTHCHECK':
      return parseHealthcheck(base, head, text, state);
    case 'ONBUILD': {
      const node: OnbuildInstruction = { ...base, keyword };
      const trigger = argsText ? parseInstruction(text, head.argsStart, { start: base.argsSpan.start, end: span.end }, heredocs, state, true) : undefined;
      if (trigger) {
        if (['ONBUILD', 'FROM', 'MAINTAINER'].includes(trigger.keyword)) {
          state.error(`${trigger.keyword} is not allowed as an ONBUILD trigger.`, trigger.keywordSpan);
        }
        node.trigger = trigger;
      }
      return node;
    }
    default: {
      // MAINTAINER, VOLUME, STOPSIGNAL
      for (const word of head.words) expander.expand(word);
      return { ...base, keyword: keyword as 'MAINTAINER' | 'VOLUME' | 'STOPSIGNAL' };
    }
  }
}

/** Flags that are on or off; every other flag needs a value. */
const BOOLEAN_FLAGS = new Set(['link', 'parents', 'keep-git-dir', 'unpack']);
/** Flags that may be given more than once. */
const REPEATABLE_FLAGS = new Set(['mount', 'exclude', 'device']);

function checkFlags(keyword: string, flags: Flag[], state: ParseState): void {
  const allowed = ALLOWED_FLAGS[keyword] ?? [];
  const seen = new Set<string>();
  for (const flag of flags) {
    if (!allowed.includes(flag.name)) {
      const hint = closest(flag.name, allowed);
      state.error(
        allowed.length === 0
          ? `${keyword} does not accept flags; "--${flag.name}" is not valid.`
          : `Unknown flag "--${flag.name}" for ${keyword}${hint ? ` (did you mean --${hint}?)` : ''}.`,
        flag.span,
      );
      continue;
    }
    if (BOOLEAN_FLAGS.has(flag.name)) {
      if (flag.value && !/^(?:true|false)$/i.test(flag.value.value)) {
        state.error(`--${flag.name} is true or false, not "${flag.value.raw}".`, flag.value.span);
      }
    } else if (!flag.value) {
      state.error(`--${flag.name} needs a value: --${flag.name}=<value>.`, flag.span);
    }
    if (seen.has(flag.name) && !REPEATABLE_FLAGS.has(flag.name)) state.error(`--${flag.name} is given more than once.`, flag.span);
    seen.add(flag.name);
  }
}

/** Escapes a substituted value so that `unquote` gives it back unchanged. */
function protectValue(value: string, inDouble: boolean, escapeChar: string): string {
  const special = inDouble ? ['"', '$', escapeChar] : ['"', "'", '$', ' ', '\t', '\n', escapeChar];
  let out = '';
  for (const c of value) out += special.includes(c) ? escapeChar + c : c;
  return out;
}

/** Expands words against the current scope and records the variables they reference. */
class Expander {
  constructor(
    private readonly text: MappedText,
    private readonly state: ParseState,
    private readonly disabled: boolean,
    private readonly refs: VariableRef[],
  ) {}

  expand(word: Word, scope = this.state.scope()): { value: string; resolved: boolean } {
    if (this.disabled) return { value: word.value, resolved: true };
    return this.expandRaw(word.raw, word.start, scope);
  }

  expandRaw(raw: string, at: number, scope = this.state.scope()): { value: string; resolved: boolean } {
    if (this.disabled) return { value: unquote(raw, this.state.escapeChar), resolved: true };
    const e = expandVariables(raw, scope, this.state.escapeChar, (value, inDouble) => protectValue(value, inDouble, this.state.escapeChar));
    for (const ref of e.references) {
      this.refs.push({
        name: ref.name,
        span: this.text.span(at + ref.start, at + ref.end),
        hasFallback: ref.hasFallback,
        defined: scope.has(ref.name),
      });
    }
    return { value: unquote(e.value, this.state.escapeChar), resolved: e.resolved };
  }
}

function parseFrom(base: InstructionBase, head: ParsedHead, text: MappedText, state: ParseState, expander: Expander): FromInstruction {
  const node: FromInstruction = { ...base, keyword: 'FROM' };
  const [image, as, name] = head.words;
  const platformIndex = head.flags.findIndex((f) => f.name === 'platform');
  const platform = head.flags[platformIndex];
  if (platform) node.platform = platform;
  if (platform?.value) expander.expandRaw(platform.value.raw, head.flagValueAt[platformIndex]!, state.globalScope);
  if (image) {
    node.image = textNode(image, text);
    node.imageExpanded = expander.expand(image, state.globalScope).value;
  }
  if (head.words.length === 3 && as && name) {
    node.asKeyword = textNode(as, text);
    node.stageName = textNode(name, text);
    if (as.value.toLowerCase() !== 'as') state.error(`Expected "AS" before the stage name, found "${as.raw}".`, node.asKeyword.span);
  } else if (head.words.length !== 1 && head.words.length > 0) {
    state.error('FROM takes an image and, optionally, "AS <name>".', base.argsSpan);
  }
  return node;
}

function parseRun(base: InstructionBase, head: ParsedHead, text: MappedText, heredocs: Heredoc[], state: ParseState): RunInstruction {
  const json = heredocs.length === 0 ? parseJson(text, head.argsStart, state) : undefined;
  const first = head.words[0];
  const form = json ? 'json' : first && heredocs[0] && HEREDOC_MARKER.test(first.raw) ? 'heredoc' : 'shell';
  const node: RunInstruction = { ...base, keyword: 'RUN', form, mounts: [] };
  if (json) node.json = json;
  for (const flag of head.flags) {
    if (flag.name === 'mount' && flag.value) node.mounts.push(parseMount(flag, state));
    else if (flag.name === 'network' && flag.value) node.network = flag.value.value;
    else if (flag.name === 'security' && flag.value) node.security = flag.value.value;
  }
  return node;
}

const MOUNT_TYPES = new Set(['bind', 'cache', 'tmpfs', 'secret', 'ssh']);
/** BuildKit's alternative spellings of mount options, stored under one name. */
const MOUNT_ALIASES: Record<string, string> = { src: 'source', dst: 'target', destination: 'target', ro: 'readonly', rw: 'readwrite' };

function parseMount(flag: Flag, state: ParseState): MountSpec {
  const options: Record<string, string> = {};
  for (const part of (flag.value?.value ?? '').split(',')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const key = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    options[MOUNT_ALIASES[key] ?? key] = eq < 0 ? 'true' : part.slice(eq + 1).trim();
  }
  // Keys and the type are case-insensitive in BuildKit.
  const type = (options.type ?? 'bind').toLowerCase();
  if (options.type !== undefined) options.type = type;
  if (!MOUNT_TYPES.has(type)) state.error(`Unknown mount type "${type}": use bind, cache, tmpfs, secret or ssh.`, flag.value!.span);
  return { span: flag.span, type, options };
}

function parseCopy(
  base: InstructionBase,
  keyword: 'COPY' | 'ADD',
  head: ParsedHead,
  text: MappedText,
  heredocs: Heredoc[],
  state: ParseState,
  expander: Expander,
): CopyInstruction {
  const json = heredocs.length === 0 ? parseJson(text, head.argsStart, state) : undefined;
  const node: CopyInstruction = { ...base, keyword, form: json ? 'json' : 'shell', sources: [] };
  if (json) {
    node.json = json;
    node.sources = json.values.slice(0, -1);
    const dest = json.values.at(-1);
    if (dest) node.destination = dest;
  } else {
    const words = head.words.map((w) => {
      const expanded = expander.expand(w);
      return { ...textNode(w, text), value: expanded.value };
    });
    node.sources = words.slice(0, -1);
    const dest = words.at(-1);
    if (dest) node.destination = dest;
  }
  for (const [index, flag] of head.flags.entries()) {
    if (flag.value) flag.value.value = expander.expandRaw(flag.value.raw, head.flagValueAt[index]!).value;
    if (flag.name === 'from') node.from = flag;
    else if (flag.name === 'chown') node.chown = flag;
    else if (flag.name === 'chmod') node.chmod = flag;
  }
  const count = node.sources.length + (node.destination ? 1 : 0);
  if (count < 2 && !(heredocs.length > 0 && count >= 1)) {
    state.error(`${keyword} requires at least one source and a destination.`, base.argsSpan.end > base.argsSpan.start ? base.argsSpan : base.keywordSpan);
  }
  return node;
}

function parseKeyValues(
  base: InstructionBase,
  keyword: 'ENV' | 'LABEL',
  head: ParsedHead,
  text: MappedText,
  state: ParseState,
  expander: Expander,
): EnvInstruction {
  const pairs: KeyValue[] = [];
  const words = head.words;
  const legacyForm = words.length > 0 && !words[0]!.raw.includes('=');
  // All values of one ENV are expanded with the scope from before the instruction.
  const scope = state.scope();
  if (legacyForm) {
    const key = words[0]!;
    const after = text.text.slice(key.end);
    const restStart = key.end + (after.length - after.trimStart().length);
    const raw = after.trim();
    if (!raw) state.error(`${keyword} needs a value: ${keyword} name=value.`, base.argsSpan);
    const pair: KeyValue = { span: text.span(key.start, restStart + raw.length), key: textNode(key, text) };
    if (raw) {
      pair.value = { span: text.span(restStart, restStart + raw.length), raw, value: expander.expandRaw(raw, restStart, scope).value };
    }
    pairs.push(pair);
  } else {
    for (const word of words) {
      const eq = word.raw.indexOf('=');
      if (eq < 0) {
        state.error(`Expected name=value, found "${word.raw}".`, text.span(word.start, word.end));
        continue;
      }
      const keyRaw = word.raw.slice(0, eq);
      if (!keyRaw) state.error(`${keyword} names cannot be empty.`, text.span(word.start, word.end));
      const valueRaw = word.raw.slice(eq + 1);
      pairs.push({
        span: text.span(word.start, word.end),
        key: { span: text.span(word.start, word.start + eq), raw: keyRaw, value: unquote(keyRaw, state.escapeChar) },
        value: {
          span: text.span(word.start + eq + 1, word.end),
          raw: valueRaw,
          value: expander.expandRaw(valueRaw, word.start + eq + 1, scope).value,
        },
      });
    }
  }
  if (keyword === 'ENV' && state.stages.length > 0) {
    for (const pair of pairs) {
      state.stageScope.set(pair.key.value, pair.value?.value ?? '');
      state.stageEnv.set(pair.key.value, pair.value?.value ?? '');
    }
  }
  return { ...base, keyword, pairs, legacyForm };
}

function parseArg(base: InstructionBase, head: ParsedHead, text: MappedText, state: ParseState, expander: Expander): ArgInstruction {
  const pairs: KeyValue[] = [];
  for (const word of head.words) {
    const eq = word.raw.indexOf('=');
    const keyRaw = eq < 0 ? word.raw : word.raw.slice(0, eq);
    const pair: KeyValue = {
      span: text.span(word.start, word.end),
      key: { span: text.span(word.start, word.start + keyRaw.length), raw: keyRaw, value: keyRaw },
    };
    let value: string | undefined;
    if (eq >= 0) {
      const raw = word.raw.slice(eq + 1);
      value = expander.expandRaw(raw, word.start + eq + 1).value;
      pair.value = { span: text.span(word.start + eq + 1, word.end), raw, value };
    }
    pairs.push(pair);
    declareArg(keyRaw, value, state);
  }
  return { ...base, keyword: 'ARG', pairs };
}

function declareArg(name: string, value: string | undefined, state: ParseState): void {
  const automatic = value === undefined && PLATFORM_ARGS.includes(name);
  if (state.stages.length === 0) {
    // `ARG TARGETARCH` without a default keeps the value the build sets.
    if (!automatic) state.globalScope.set(name, value);
    return;
  }
  if (state.stageEnv.has(name)) return; // ENV always wins over ARG
  if (automatic) {
    state.stageScope.setOpaque(name);
    return;
  }
  const inherited = value ?? (state.globalScope.has(name) ? state.globalScope.get(name) : undefined);
  state.stageScope.set(name, inherited);
}

const PORT = /^(\d+)(?:-(\d+))?(?:\/([A-Za-z]+))?$/;

function parseExpose(base: InstructionBase, head: ParsedHead, text: MappedText, expander: Expander): ExposeInstruction {
  const ports: ExposedPort[] = head.words.map((word) => {
    const expanded = expander.expand(word);
    const node: ExposedPort = { ...textNode(word, text), value: expanded.value };
    const m = PORT.exec(expanded.value);
    if (m) {
      node.port = Number(m[1]);
      if (m[2]) node.endPort = Number(m[2]);
      if (m[3]) node.protocol = m[3].toLowerCase();
    }
    return node;
  });
  return { ...base, keyword: 'EXPOSE', ports };
}

function parseHealthcheck(base: InstructionBase, head: ParsedHead, text: MappedText, state: ParseState): HealthcheckInstruction {
  const node: HealthcheckInstruction = { ...base, keyword: 'HEALTHCHECK', none: false };
  const first = head.words[0];
  if (!first) {
    state.error('HEALTHCHECK needs NONE or CMD <command>.', base.keywordSpan);
    return node;
  }
  const word = first.value.toUpperCase();
  if (word === 'NONE') {
    node.none = true;
    if (head.words.length > 1) state.error('HEALTHCHECK NONE takes no arguments.', base.argsSpan);
    if (head.flags.length > 0) state.error('HEALTHCHECK NONE takes no options.', head.flags[0]!.span);
    return node;
  }
  if (word !== 'CMD') {
    state.error(`HEALTHCHECK needs NONE or CMD <command>, found "${first.raw}".`, text.span(first.start, first.end));
    return node;
  }
  node.cmdKeyword = textNode(first, text);
  const json = parseJson(text, first.end, state);
  node.form = json ? 'json' : 'shell';
  if (json) node.json = json;
  const rest = text.text.slice(first.end).trim();
  if (!rest) state.error('HEALTHCHECK CMD needs a command.', node.cmdKeyword.span);
  const restStart = text.text.indexOf(rest, first.end);
  node.commandText = rest;
  node.commandSpan = text.span(restStart, restStart + rest.length);
  return node;
}

function addInstruction(instruction: Instruction, state: ParseState): void {
  if (instruction.keyword === 'FROM') {
    const from = instruction as FromInstruction;
    const index = state.stages.length;
    // Record the ENV of the finished stage, so a stage built FROM it inherits it.
    if (index > 0) state.stageEnvs[index - 1] = state.stageEnv;
    const stage: Stage = { type: 'Stage', span: from.span, index, from, instructions: [] };
    if (from.stageName) stage.name = from.stageName.value.toLowerCase();
    const baseName = from.imageExpanded?.toLowerCase();
    const baseStage = baseName === undefined ? -1 : state.stages.findIndex((s) => s.name === baseName);
    state.stageEnv = new Map();
    state.stageScope = new MapScope(new Map(PROXY_ARGS.map((n) => [n, undefined] as const)));
    if (baseStage >= 0) {
      stage.baseStage = baseStage;
      const inherited = state.stageEnvs[baseStage] ?? new Map();
      for (const [k, v] of inherited) {
        state.stageEnv.set(k, v);
        state.stageScope.set(k, v);
      }
    }
    from.stageIndex = index;
    state.stages.push(stage);
    state.instructions.push(from);
    return;
  }
  state.instructions.push(instruction);
  const stage = state.stages.at(-1);
  if (stage) stage.instructions.push(instruction);
  else if (instruction.keyword === 'ARG') state.globalArgs.push(instruction as ArgInstruction);
  // Other instructions before the first FROM are reported by the `instruction-before-from` rule.
}
