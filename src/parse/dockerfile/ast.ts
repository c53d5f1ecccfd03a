/**
 * Typed Dockerfile AST. Every node carries the span (source offsets) it came from,
 * including nodes that cross line continuations and heredoc bodies.
 */
import type { Span } from '../../core/types.js';

export interface Node {
  span: Span;
}

/** A piece of text with its place in the source. */
export interface TextNode extends Node {
  /** The text as written (quotes and escapes kept). */
  raw: string;
  /** The text with quotes removed and escapes resolved. */
  value: string;
}

export interface Comment extends Node {
  /** Text after `#`, trimmed. */
  text: string;
  /** True when the comment sits inside a continued instruction. */
  insideInstruction: boolean;
}

export interface ParserDirective extends Node {
  name: string; // lower-case: syntax | escape | check
  nameSpan: Span;
  value: string;
  valueSpan: Span;
}

export interface Flag extends Node {
  /** Without the leading `--`, as written (BuildKit flag names are case-sensitive). */
  name: string;
  nameSpan: Span;
  /** Undefined for a bare boolean flag (`--link`). */
  value?: TextNode;
}

/** One `--mount=type=cache,target=/root/.cache` option set. */
export interface MountSpec extends Node {
  type: string; // bind | cache | tmpfs | secret | ssh (default bind), lower-cased
  /**
   * Keys lower-cased, aliases under one name (src → source; dst, destination → target;
   * ro → readonly; rw → readwrite); a bare key (`rw`, `required`) has the value "true".
   */
  options: Record<string, string>;
}

export interface Heredoc extends Node {
  delimiter: string;
  /** `<<"EOF"` / `<<'EOF'`: the body is not expanded. */
  quoted: boolean;
  /** `<<-EOF`: leading tabs are stripped. */
  stripTabs: boolean;
  /** Span of the `<<EOF` marker in the instruction line. */
  markerSpan: Span;
  /** Body text (tabs stripped for `<<-`), without the terminator line. */
  body: string;
  bodySpan: Span;
  /** False when the file ended before the terminator. */
  terminated: boolean;
}

/** JSON (exec) form arguments: `["a", "b"]`. */
export interface JsonArgs extends Node {
  values: TextNode[];
}

export type Keyword =
  | 'FROM'
  | 'RUN'
  | 'CMD'
  | 'LABEL'
  | 'MAINTAINER'
  | 'EXPOSE'
  | 'ENV'
  | 'ADD'
  | 'COPY'
  | 'ENTRYPOINT'
  | 'VOLUME'
  | 'USER'
  | 'WORKDIR'
  | 'ARG'
  | 'ONBUILD'
  | 'STOPSIGNAL'
  | 'HEALTHCHECK'
  | 'SHELL';

export const KEYWORDS: readonly Keyword[] = [
  'FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT',
  'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL',
];

/** A `$VAR` / `${VAR…}` reference inside an instruction's arguments. */
export interface VariableRef extends Node {
  name: string;
  /** The reference has a default (`${X:-d}`, `${X-d}`) or alternative (`${X:+a}`). */
  hasFallback: boolean;
  /**
   * The name was declared where BuildKit expands it: by an ARG or ENV earlier in the
   * stage (or in a stage it is built FROM), a predefined ARG, or — in FROM — a global ARG.
   * False says nothing about the base image's environment, which the parser cannot see.
   */
  defined?: boolean;
}

export interface InstructionBase extends Node {
  type: 'Instruction';
  /** Upper-cased keyword, or the upper-cased unknown word for `unknown`. */
  keyword: Keyword | string;
  /** The keyword exactly as written (for casing checks). */
  keywordText: string;
  keywordSpan: Span;
  flags: Flag[];
  /**
   * Arguments after the flags, with continuations joined and continuation comments
   * removed; `argsSpan` covers them in the source.
   */
  argsText: string;
  argsSpan: Span;
  /** Whitespace-separated words of `argsText` (shell-lexed: quotes respected). */
  words: TextNode[];
  heredocs: Heredoc[];
  /** Variables referenced where BuildKit expands them (not in RUN/CMD/ENTRYPOINT). */
  variables: VariableRef[];
  /** Index in `Dockerfile.stages`; -1 before the first FROM. */
  stageIndex: number;
  /** Set on the inner instruction of ONBUILD. */
  parentOnbuild?: boolean;
}

export interface FromInstruction extends InstructionBase {
  keyword: 'FROM';
  /** The image reference as written. */
  image?: TextNode;
  /** The image with global ARGs expanded (undefined parts left as written). */
  imageExpanded?: string;
  /** The `AS` keyword and the stage name. */
  asKeyword?: TextNode;
  stageName?: TextNode;
  platform?: Flag;
}

export interface RunInstruction extends InstructionBase {
  keyword: 'RUN';
  form: 'shell' | 'json' | 'heredoc';
  json?: JsonArgs;
  mounts: MountSpec[];
  network?: string;
  security?: string;
}

export interface ExecFormInstruction extends InstructionBase {
  keyword: 'CMD' | 'ENTRYPOINT';
  form: 'shell' | 'json';
  json?: JsonArgs;
  /** Args that start with `[` but are not valid JSON: BuildKit runs them in shell form. */
  malformedJson: boolean;
}

export interface ShellInstruction extends InstructionBase {
  keyword: 'SHELL';
  json?: JsonArgs;
}

export interface CopyInstruction extends InstructionBase {
  keyword: 'COPY' | 'ADD';
  form: 'shell' | 'json';
  json?: JsonArgs;
  sources: TextNode[];
  destination?: TextNode;
  from?: Flag;
  chown?: Flag;
  chmod?: Flag;
}

export interface KeyValue extends Node {
  key: TextNode;
  /** Undefined for `ARG NAME` without a default. */
  value?: TextNode;
}

export interface EnvInstruction extends InstructionBase {
  keyword: 'ENV' | 'LABEL';
  pairs: KeyValue[];
  /** `ENV key value` (legacy, deprecated) rather than `ENV key=value`. */
  legacyForm: boolean;
}

export interface ArgInstruction extends InstructionBase {
  keyword: 'ARG';
  pairs: KeyValue[];
}

export interface ExposedPort extends TextNode {
  /** Undefined when the port is not a number (e.g. a variable that cannot be resolved). */
  port?: number;
  endPort?: number;
  protocol?: string;
}

export interface ExposeInstruction extends InstructionBase {
  keyword: 'EXPOSE';
  ports: ExposedPort[];
}

export interface UserInstruction extends InstructionBase {
  keyword: 'USER';
  user?: TextNode;
  /** The user with ARG/ENV expanded where possible. */
  userExpanded?: string;
}

export interface WorkdirInstruction extends InstructionBase {
  keyword: 'WORKDIR';
  path?: TextNode;
  pathExpanded?: string;
}

export interface HealthcheckInstruction extends InstructionBase {
  keyword: 'HEALTHCHECK';
  none: boolean;
  /** The CMD keyword inside HEALTHCHECK. */
  cmdKeyword?: TextNode;
  form?: 'shell' | 'json';
  json?: JsonArgs;
  /** Command text after `CMD` in shell form. */
  commandText?: string;
  commandSpan?: Span;
}

export interface OnbuildInstruction extends InstructionBase {
  keyword: 'ONBUILD';
  trigger?: Instruction;
}

export interface GenericInstruction extends InstructionBase {
  keyword: 'MAINTAINER' | 'VOLUME' | 'STOPSIGNAL';
}

export interface UnknownInstruction extends InstructionBase {
  keyword: string;
  unknown: true;
}

export type Instruction =
  | FromInstruction
  | RunInstruction
  | ExecFormInstruction
  | ShellInstruction
  | CopyInstruction
  | EnvInstruction
  | ArgInstruction
  | ExposeInstruction
  | UserInstruction
  | WorkdirInstruction
  | HealthcheckInstruction
  | OnbuildInstruction
  | GenericInstruction
  | UnknownInstruction;

/** Maps a keyword to its instruction type, for typed listeners. */
export interface InstructionByKeyword {
  FROM: FromInstruction;
  RUN: RunInstruction;
  CMD: ExecFormInstruction;
  ENTRYPOINT: ExecFormInstruction;
  SHELL: ShellInstruction;
  COPY: CopyInstruction;
  ADD: CopyInstruction;
  ENV: EnvInstruction;
  LABEL: EnvInstruction;
  ARG: ArgInstruction;
  EXPOSE: ExposeInstruction;
  USER: UserInstruction;
  WORKDIR: WorkdirInstruction;
  HEALTHCHECK: HealthcheckInstruction;
  ONBUILD: OnbuildInstruction;
  MAINTAINER: GenericInstruction;
  VOLUME: GenericInstruction;
  STOPSIGNAL: GenericInstruction;
}

export interface Stage extends Node {
  type: 'Stage';
  index: number;
  from: FromInstruction;
  /** Lower-cased stage name (BuildKit names are case-insensitive). */
  name?: string;
  /** Index of the stage this one is built FROM, when FROM names an earlier stage. */
  baseStage?: number;
  instructions: Instruction[];
}

export interface DockerfileSyntaxError extends Node {
  message: string;
}

export interface Dockerfile extends Node {
  type: 'Dockerfile';
  directives: ParserDirective[];
  escapeChar: '\\' | '`';
  comments: Comment[];
  /** All instructions in order, including those before the first FROM. */
  instructions: Instruction[];
  stages: Stage[];
  /** ARGs before the first FROM (usable in FROM lines). */
  globalArgs: ArgInstruction[];
  errors: DockerfileSyntaxError[];
  /** Blank lines inside a continued instruction (BuildKit warns: NoEmptyContinuation). */
  emptyContinuationLines?: Span[];
}
