/**
 * Package-manager command lines, read once per script: which manager, which subcommand,
 * which options, and the packages an install names — each with its span and whether a
 * version (or a file, path or URL that fixes what is installed) is given.
 */
import type { ShellScript, ShellWord } from '../parse/dockerfile/shell.js';
import { classifyOperand, type PackageOperand } from './package-operands.js';
import { parseOptions, viewCommand, wordValue, type CommandView, type ParsedArgs } from './shell-query.js';

export type { OperandKind, PackageOperand } from './package-operands.js';

export type PackageManager = 'apt-get' | 'apt' | 'apk' | 'pip' | 'npm' | 'yarn' | 'gem' | 'go' | 'yum' | 'dnf' | 'microdnf' | 'zypper';

export interface PackageCommand {
  manager: PackageManager;
  view: CommandView;
  /** The subcommand with aliases resolved (`in` → `install`); two words for `module install`; '' for a bare `yarn`. */
  action: string;
  /** The (last) subcommand word as written, where a flag can be inserted; undefined for a bare `yarn`. */
  actionWord?: ShellWord;
  /** Options from the whole command line, and the operands after the subcommand. */
  args: ParsedArgs;
  /** What an install names (empty for other actions). */
  packages: PackageOperand[];
}

interface ManagerSpec {
  /** Options that take a separate value, before or after the subcommand. */
  valueOptions: readonly string[];
  aliases?: Record<string, string>;
  /** Subcommands followed by a second one: `dnf module install`, `yarn global add`. */
  groups?: readonly string[];
  installs: readonly string[];
}

const APT: ManagerSpec = {
  valueOptions: ['-o', '--option', '-t', '--target-release', '--default-release', '-c', '--config-file'],
  installs: ['install', 'reinstall'],
};

const YUM_VALUE_OPTIONS = [
  '--enablerepo', '--disablerepo', '--repo', '--repoid', '--setopt', '--installroot', '--releasever', '-c', '--config',
  '-d', '--debuglevel', '-e', '--errorlevel', '-x', '--exclude', '--forcearch', '--downloaddir', '--destdir',
  '--disableplugin', '--enableplugin', '--color', '--rpmverbosity', '--advisory', '--advisories', '--bz', '--cve',
] as const;

const DNF: ManagerSpec = {
  valueOptions: YUM_VALUE_OPTIONS,
  aliases: { in: 'install', up: 'upgrade', update: 'upgrade', rm: 'remove', erase: 'remove', mc: 'makecache', groups: 'group', 'install-n': 'install', 'install-na': 'install', 'install-nevra': 'install' },
  groups: ['module', 'group'],
  installs: ['install', 'reinstall', 'localinstall', 'groupinstall', 'module install', 'group install'],
};

const SPECS: Record<PackageManager, ManagerSpec> = {
  'apt-get': APT,
  apt: APT,
  apk: {
    valueOptions: ['-X', '--repository', '-p', '--root', '--repositories-file', '--keys-dir', '--arch', '--cache-dir', '-t', '--virtual', '--cache-max-age', '--timeout'],
    installs: ['add'],
  },
  pip: {
    valueOptions: [
      '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f', '--find-links',
      '-t', '--target', '--prefix', '--root', '--src', '--platform', '--python-version', '--implementation', '--abi', '--no-binary',
      '--only-binary', '--progress-bar', '--proxy', '--trusted-host', '--upgrade-strategy', '--cache-dir', '--log', '--timeout',
      '--retries', '--exists-action', '--cert', '--client-cert', '--global-option', '--install-option', '-C', '--config-settings',
      '--report', '--root-user-action', '--python', '--use-feature', '--use-deprecated', '--keyring-provider', '-b', '--build',
    ],
    installs: ['install'],
  },
  npm: {
    valueOptions: ['--prefix', '--registry', '--cache', '--userconfig', '--loglevel', '-w', '--workspace', '--omit', '--include', '--tag', '--install-strategy', '-C'],
    aliases: Object.fromEntries(
      ['i', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall', 'add'].map((a) => [a, 'install']).concat(
        ['clean-install', 'ic', 'install-clean', 'isntall-clean'].map((a) => [a, 'ci']),
      ),
    ),
    installs: ['install'],
  },
  yarn: {
    valueOptions: ['--cache-folder', '--modules-folder', '--cwd', '--network-timeout', '--registry', '--mutex', '--global-folder', '--link-folder'],
    groups: ['global'],
    installs: ['add', 'global add'],
  },
  gem: {
    valueOptions: ['-v', '--version', '-i', '--install-dir', '-n', '--bindir', '--source', '-s', '--platform', '-g', '--file', '--build-root', '-P', '--trust-policy', '-p', '--http-proxy'],
    aliases: { i: 'install' },
    installs: ['install'],
  },
  go: { valueOptions: [], installs: ['install', 'get'] },
  // yum's own name for an upgrade is `update`.
  yum: { ...DNF, aliases: { in: 'install', rm: 'remove', erase: 'remove', upgrade: 'update', mc: 'makecache', groups: 'group' } },
  dnf: DNF,
  microdnf: DNF,
  zypper: {
    valueOptions: [
      '-R', '--root', '-c', '--config', '-D', '--reposd-dir', '-C', '--cache-dir', '--raw-cache-dir', '--solv-cache-dir', '--pkg-cache-dir',
      '-t', '--type', '-r', '--repo', '--from', '--download',
    ],
    aliases: { in: 'install', rm: 'remove', up: 'update', dup: 'dist-upgrade', ref: 'refresh', cc: 'clean', si: 'source-install' },
    installs: ['install', 'source-install'],
  },
};

/** Go's flags are single-dash long names; these take a separate value. */
const GO_VALUE_FLAGS = new Set([
  '-o', '-C', '-p', '-asmflags', '-buildmode', '-buildvcs', '-compiler', '-gccgoflags', '-gcflags', '-installsuffix', '-ldflags',
  '-mod', '-modfile', '-overlay', '-pgo', '-pkgdir', '-tags', '-toolexec', '-exec', '-coverpkg', '-covermode',
]);

const PIP = /^pip(\d+(\.\d+)*)?$/;
const PYTHON = /^python(\d+(\.\d+)*)?$/;

const memo = new WeakMap<ShellScript, PackageCommand[]>();

/** Every package-manager invocation of a script, in source order (memoized per script). */
export function packageCommands(script: ShellScript): PackageCommand[] {
  let out = memo.get(script);
  if (!out) {
    out = [];
    for (const command of script.commands) {
      const view = viewCommand(command);
      const parsed = view && readCommand(view);
      if (parsed) out.push(parsed);
    }
    out.sort((a, b) => a.view.command.span.start - b.view.command.span.start);
    memo.set(script, out);
  }
  return out;
}

/** The invocations of one or more managers. */
export function commandsOf(script: ShellScript, ...managers: PackageManager[]): PackageCommand[] {
  return packageCommands(script).filter((c) => managers.includes(c.manager));
}

/** The command is an install of packages (`apt-get install`, `apk add`, `dnf module install`, …). */
export function isInstall(cmd: PackageCommand): boolean {
  return SPECS[cmd.manager].installs.includes(cmd.action) || (cmd.manager === 'yarn' && cmd.action === 'install');
}

function readCommand(view: CommandView): PackageCommand | undefined {
  const name = view.name;
  if (name in SPECS && name !== 'pip') return read(name as PackageManager, view, view.args);
  if (PIP.test(name)) return read('pip', view, view.args);
  if (PYTHON.test(name)) {
    const pipArgs = pythonModuleArgs(view.args, 'pip');
    return pipArgs && read('pip', view, pipArgs);
  }
  return undefined;
}

/** `python3 -u -m pip install x` → the arguments after `-m pip`. */
function pythonModuleArgs(args: readonly ShellWord[], module: string): ShellWord[] | undefined {
  for (let i = 0; i < args.length; i++) {
    const v = wordValue(args[i]!);
    if (v === '-m') return wordValue(args[i + 1] ?? { text: '', span: { start: 0, end: 0 } }) === module ? args.slice(i + 2) : undefined;
    if (v === '-W' || v === '-X' || v === '--check-hash-based-pycs') i++;
    else if (!v.startsWith('-') || v === '-c') return undefined;
  }
  return undefined;
}

function read(manager: PackageManager, view: CommandView, args: readonly ShellWord[]): PackageCommand {
  const spec = SPECS[manager];
  const split = manager === 'go' ? splitGo(args) : splitSubcommand(args, spec);
  let action = split.action ? (spec.aliases?.[split.action] ?? split.action) : '';
  let actionWord = split.actionWord;
  let operands = split.args.operands;
  if (spec.groups?.includes(action) && operands[0]) {
    const second = wordValue(operands[0]);
    action = `${action} ${spec.aliases?.[second] ?? second}`;
    actionWord = operands[0];
    operands = operands.slice(1);
  }
  if (manager === 'yarn' && action === '') action = 'install';
  const cmd: PackageCommand = { manager, view, action, args: { options: split.args.options, operands }, packages: [] };
  if (actionWord) cmd.actionWord = actionWord;
  if (isInstall(cmd)) cmd.packages = operands.map((word) => classifyOperand(manager, cmd.action, word, cmd.args));
  return cmd;
}

interface Split {
  action?: string;
  actionWord?: ShellWord;
  args: ParsedArgs;
}

/** The first operand is the subcommand; options before and after it are read alike. */
function splitSubcommand(args: readonly ShellWord[], spec: ManagerSpec): Split {
  const parsed = parseOptions(args, { withValue: spec.valueOptions });
  const [first, ...rest] = parsed.operands;
  if (!first) return { args: parsed };
  return { action: wordValue(first), actionWord: first, args: { options: parsed.options, operands: rest } };
}

/** `go install -ldflags "-s -w" -tags netgo ./cmd/x@v1` */
function splitGo(args: readonly ShellWord[]): Split {
  const options: ParsedArgs['options'] = [];
  const operands: ShellWord[] = [];
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    const v = wordValue(word);
    if (v.startsWith('-') && v.length > 1) {
      const eq = v.indexOf('=');
      const flag = (eq >= 0 ? v.slice(0, eq) : v).replace(/^--/, '-');
      if (eq >= 0) options.push({ name: flag, value: v.slice(eq + 1), word });
      else if (GO_VALUE_FLAGS.has(flag) && i + 1 < args.length) options.push({ name: flag, value: wordValue(args[++i]!), word });
      else options.push({ name: flag, word });
    } else operands.push(word);
  }
  const [first, ...rest] = operands;
  if (!first) return { args: { options, operands } };
  return { action: wordValue(first), actionWord: first, args: { options, operands: rest } };
}

/** Options of the command (global or subcommand), by name. */
export function optionValues(cmd: PackageCommand, ...names: string[]): string[] {
  return cmd.args.options.filter((o) => names.includes(o.name)).map((o) => o.value ?? '');
}

export function hasAnyOption(cmd: PackageCommand, ...names: string[]): boolean {
  return cmd.args.options.some((o) => names.includes(o.name));
}

/** The packages of an install that name no version (operands we cannot read are left out). */
export function unpinnedPackages(cmd: PackageCommand): PackageOperand[] {
  return cmd.packages.filter((p) => p.pinned === false);
}

/** `a`, `a`, `b` and `c`, or `a`, `b`, `c` and 4 more: for messages. */
export function listForMessage(names: readonly string[], max = 3): string {
  const quoted = names.slice(0, max).map((n) => `\`${n}\``);
  if (names.length > max) return `${quoted.join(', ')} and ${names.length - max} more`;
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

/** `yes | dnf install …`: the answers come from the pipe. */
export function answeredByPipe(cmd: PackageCommand, script: ShellScript): boolean {
  const pipeline = cmd.view.command.pipeline;
  if (!pipeline || pipeline.index === 0) return false;
  return script.commands.some((c) => c.pipeline?.id === pipeline.id && c.pipeline.index === pipeline.index - 1 && c.name?.value === 'yes');
}
