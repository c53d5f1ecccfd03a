/**
 * Reading parsed shell commands the way rules need them: through wrappers such as
 * `sudo` and `env`, with options told apart from operands (package names, paths).
 */
import type { Span } from '../core/types.js';
import type { ShellCommand, ShellScript, ShellWord } from '../parse/dockerfile/shell.js';

/** A command with wrappers removed: `sudo -E env X=1 apt-get install foo` → apt-get. */
export interface CommandView {
  command: ShellCommand;
  name: string;
  nameWord: ShellWord;
  args: ShellWord[];
  /** Wrapper commands that were stripped, e.g. ['sudo']. */
  wrappers: string[];
  /** The words that named those wrappers, in the same order. */
  wrapperWords: ShellWord[];
}

/** Options of wrapper commands that take a value (`sudo -u user`, `nice -n 10`). */
const WRAPPERS: Record<string, readonly string[]> = {
  sudo: ['-u', '--user', '-g', '--group', '-C', '-h', '-p', '-r', '-t', '-U', '-D'],
  doas: ['-u', '-C'],
  env: ['-u', '--unset', '-C', '--chdir', '-S', '--split-string'],
  exec: ['-a'],
  nice: ['-n', '--adjustment'],
  nohup: [],
  time: ['-f', '--format', '-o', '--output'],
  command: [],
  builtin: [],
  stdbuf: ['-i', '-o', '-e'],
  timeout: ['-s', '--signal', '-k', '--kill-after'],
  gosu: [],
  'su-exec': [],
  // `xargs apt-get install -y < list`: the packages come from stdin.
  xargs: ['-a', '--arg-file', '-d', '--delimiter', '-E', '-I', '-L', '-n', '--max-args', '-P', '--max-procs', '-s', '--max-chars', '--process-slot-var'],
};

/** The word's value when static, else its text as written. */
export function wordValue(word: ShellWord): string {
  return word.value ?? word.text;
}

export function commandName(command: ShellCommand): string | undefined {
  return command.name ? basename(wordValue(command.name)) : undefined;
}

function basename(path: string): string {
  const i = path.lastIndexOf('/');
  return i >= 0 ? path.slice(i + 1) : path;
}

export function viewCommand(command: ShellCommand): CommandView | undefined {
  if (!command.name) return undefined;
  let nameWord = command.name;
  let args = command.args;
  const wrappers: string[] = [];
  const wrapperWords: ShellWord[] = [];
  for (let guard = 0; guard < 5; guard++) {
    const name = basename(wordValue(nameWord));
    const valueOptions = WRAPPERS[name];
    if (!valueOptions) break;
    // `command -v curl` asks whether curl exists; it does not run it.
    if (name === 'command' && args.some((a) => /^-[pvV]*[vV]/.test(wordValue(a)))) break;
    let i = 0;
    // gosu/su-exec take the user as the first operand.
    const userOperand = name === 'gosu' || name === 'su-exec' || name === 'timeout';
    while (i < args.length) {
      const v = wordValue(args[i]!);
      if (v === '--') {
        i++;
        break;
      }
      if (name === 'env' && /^[A-Za-z_][A-Za-z0-9_]*=/.test(v)) {
        i++;
        continue;
      }
      if (!v.startsWith('-') || v === '-') break;
      i += valueOptions.includes(v) ? 2 : 1;
    }
    if (userOperand && i < args.length) i++;
    const next = args[i];
    if (!next) break;
    wrappers.push(name);
    wrapperWords.push(nameWord);
    nameWord = next;
    args = args.slice(i + 1);
  }
  return { command, name: basename(wordValue(nameWord)), nameWord, args, wrappers, wrapperWords };
}

/** Every command of the script, seen through wrappers, whose name is one of `names`. */
export function findCommands(script: ShellScript, ...names: string[]): CommandView[] {
  const out: CommandView[] = [];
  for (const command of script.commands) {
    const view = viewCommand(command);
    if (view && names.includes(view.name)) out.push(view);
  }
  return out;
}

export interface ParsedOption {
  /** As written, e.g. `-y` or `--no-install-recommends` (short clusters are split: `-yq` → `-y`, `-q`). */
  name: string;
  value?: string;
  word: ShellWord;
}

export interface ParsedArgs {
  options: ParsedOption[];
  operands: ShellWord[];
}

export interface OptionSpec {
  /** Options that take a separate value (`-o X`, `--target-release X`). */
  withValue?: readonly string[];
}

/**
 * Splits arguments into options and operands. `--opt=value` keeps its value; short
 * clusters like `-yqq` become `-y -q -q`; everything after `--` is an operand.
 */
export function parseOptions(args: readonly ShellWord[], spec: OptionSpec = {}): ParsedArgs {
  const withValue = new Set(spec.withValue ?? []);
  const options: ParsedOption[] = [];
  const operands: ShellWord[] = [];
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    const v = wordValue(word);
    if (v === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (v.startsWith('--')) {
      const eq = v.indexOf('=');
      if (eq >= 0) options.push({ name: v.slice(0, eq), value: v.slice(eq + 1), word });
      else if (withValue.has(v) && i + 1 < args.length) options.push({ name: v, value: wordValue(args[++i]!), word });
      else options.push({ name: v, word });
    } else if (v.startsWith('-') && v.length > 1) {
      if (withValue.has(v.slice(0, 2))) {
        if (v.length > 2) options.push({ name: v.slice(0, 2), value: v.slice(2), word });
        else if (i + 1 < args.length) options.push({ name: v, value: wordValue(args[++i]!), word });
        else options.push({ name: v, word });
      } else {
        for (const ch of v.slice(1)) options.push({ name: `-${ch}`, word });
      }
    } else operands.push(word);
  }
  return { options, operands };
}

export function hasOption(parsed: ParsedArgs, ...names: string[]): boolean {
  return parsed.options.some((o) => names.includes(o.name));
}

/** The first operand (e.g. `install` in `apt-get -q install foo`) and the arguments after it. */
export function subcommand(args: readonly ShellWord[], spec: OptionSpec = {}): { name?: string; word?: ShellWord; rest: ShellWord[] } {
  const withValue = new Set(spec.withValue ?? []);
  for (let i = 0; i < args.length; i++) {
    const v = wordValue(args[i]!);
    if (v.startsWith('-')) {
      if (withValue.has(v)) i++;
      continue;
    }
    return { name: v, word: args[i]!, rest: [...args.slice(0, i), ...args.slice(i + 1)] };
  }
  return { rest: [...args] };
}

/** A span covering a command from its name (after wrappers) to its last argument. */
export function commandSpan(view: CommandView): Span {
  const last = view.args.at(-1) ?? view.nameWord;
  return { start: view.nameWord.span.start, end: last.span.end };
}
