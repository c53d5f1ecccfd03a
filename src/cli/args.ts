/** Command-line parsing with node:util parseArgs; every mistake is a UsageError (exit 2). */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../core/discover.js';
import type { SeverityOrOff } from '../core/types.js';
import { versionProblem } from '../model/kubernetes/versions.js';

export const FORMAT_NAMES = ['stylish', 'json', 'sarif', 'github', 'junit', 'checkstyle', 'codeclimate', 'markdown'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];
export type FailOn = 'error' | 'warning' | 'info' | 'none';

export interface OutputTarget {
  format: FormatName;
  /** undefined: standard output. */
  file?: string;
}

export interface LintArgs {
  command: 'lint';
  paths: string[];
  outputs: OutputTarget[];
  config?: string;
  noConfig: boolean;
  rules: Map<string, SeverityOrOff>;
  failOn: FailOn;
  maxWarnings?: number;
  stdin: boolean;
  stdinFilename?: string;
  quiet: boolean;
  color?: boolean;
  /** `--fix` writes safe fixes; `--fix-dry-run` prints them as a unified diff. */
  fix?: 'write' | 'dry-run';
  /** Report only findings not recorded in this baseline file. */
  baseline?: string;
  /** Record the current findings in this baseline file. */
  writeBaseline?: string;
  /** Explicit files that are not recognised are skipped silently (pre-commit, lint-staged). */
  skipUnknown: boolean;
  /** `--env-file`: compose interpolation reads these instead of the project's `.env`. */
  envFiles: string[];
  /** `--process-env`: compose interpolation also reads Plimsoll's own environment. */
  processEnv: boolean;
  /** `--kubernetes-version x.y`: target for schemas and API checks. */
  kubernetesVersion?: string;
  /** `--schema-location`: extra schemas for custom resources, in order. */
  schemaLocations: string[];
  /** `-j, --jobs`: worker threads (default 1), or auto. */
  jobs?: number | 'auto';
  /** `--shard i/n`: lint only the i-th (1-based) of n slices of the files. */
  shard?: { index: number; count: number };
}

export interface RulesArgs {
  command: 'rules';
  format: 'table' | 'json';
}

export interface ExplainArgs {
  command: 'explain';
  ruleId: string;
}

export const GRAPH_FORMATS = ['json', 'dot', 'mermaid'] as const;
export const SIMULATE_FORMATS = ['text', 'json'] as const;

export interface GraphArgs {
  command: 'graph';
  paths: string[];
  format: (typeof GRAPH_FORMATS)[number];
  output?: string;
  config?: string;
  noConfig: boolean;
}

export interface SimulateArgs {
  command: 'simulate';
  paths: string[];
  format: (typeof SIMULATE_FORMATS)[number];
  output?: string;
  config?: string;
  noConfig: boolean;
}

export interface InfoArgs {
  command: 'help' | 'version';
}

export type CliArgs = LintArgs | RulesArgs | ExplainArgs | GraphArgs | SimulateArgs | InfoArgs;

const LINT_OPTIONS = {
  format: { type: 'string', short: 'f', multiple: true },
  output: { type: 'string', short: 'o', multiple: true },
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean' },
  rule: { type: 'string', multiple: true },
  'fail-on': { type: 'string' },
  'max-warnings': { type: 'string' },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  quiet: { type: 'boolean' },
  'kubernetes-version': { type: 'string' },
  'schema-location': { type: 'string', multiple: true },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  baseline: { type: 'string' },
  'write-baseline': { type: 'string' },
  'skip-unknown': { type: 'boolean' },
  'env-file': { type: 'string', multiple: true },
  'process-env': { type: 'boolean' },
  jobs: { type: 'string', short: 'j' },
  shard: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

const COMMANDS = new Set(['lint', 'rules', 'explain', 'graph', 'simulate']);
/** Commands of the contract that this version does not have yet. */
const PLANNED = new Set(['init', 'lsp', 'audit', 'merge']);

export function parseCli(argv: readonly string[]): CliArgs {
  const first = argv[0];
  if (first && PLANNED.has(first)) throw new UsageError(`"plimsoll ${first}" is not available in this version.`);
  if (first === 'rules') return parseRules(argv.slice(1));
  if (first === 'explain') return parseExplain(argv.slice(1));
  if (first === 'graph' || first === 'simulate') return parseGraph(first, argv.slice(1));
  return parseLint(first && COMMANDS.has(first) ? argv.slice(1) : argv);
}

type Options = NonNullable<ParseArgsConfig['options']>;

function parse<T extends Options>(args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true, tokens: true } as const);
  } catch (error) {
    // One line: node's message may span several, the last about a syntax users rarely need.
    const lines = (error as Error).message.split('\n').filter((l) => !/^To specify /.test(l.trim()));
    throw new UsageError(lines.join(' ').replace(/\. To specify a positional argument.*$/s, '.'));
  }
}

function parseLint(argv: readonly string[]): CliArgs {
  const { values, positionals, tokens } = parse(argv, LINT_OPTIONS);
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };

  const outputs: OutputTarget[] = [];
  for (const token of tokens ?? []) {
    if (token.kind !== 'option') continue;
    if (token.name === 'format') outputs.push({ format: formatName(token.value ?? '') });
    else if (token.name === 'output') {
      const last = outputs.at(-1);
      if (last && last.file === undefined) last.file = token.value!;
      else outputs.push({ format: 'stylish', file: token.value! });
    }
  }
  if (outputs.length === 0) outputs.push({ format: 'stylish' });

  const rules = new Map<string, SeverityOrOff>();
  for (const entry of values.rule ?? []) {
    const m = /^([a-z0-9-]+)=(off|info|warning|error)$/.exec(entry);
    if (!m) throw new UsageError(`--rule expects <rule-id>=<off|info|warning|error>, got "${entry}".`);
    rules.set(m[1]!, m[2] as SeverityOrOff);
  }
  const failOn = values['fail-on'] ?? 'error';
  if (!['error', 'warning', 'info', 'none'].includes(failOn)) {
    throw new UsageError(`--fail-on expects error, warning, info or none, got "${failOn}".`);
  }
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) {
      throw new UsageError(`--max-warnings expects a whole number, got "${values['max-warnings']}".`);
    }
  }
  if (values.config && values['no-config']) throw new UsageError('--config and --no-config cannot be used together.');
  if (values['stdin-filename'] && !values.stdin) throw new UsageError('--stdin-filename needs --stdin.');
  if (values.stdin && positionals.length > 0) throw new UsageError('--stdin lints standard input; do not pass paths as well.');
  if (values.fix && values['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run cannot be used together.');
  if (values.baseline && values['write-baseline']) {
    throw new UsageError('--baseline and --write-baseline cannot be used together (--write-baseline records every current finding).');
  }

  const args: LintArgs = {
    command: 'lint',
    paths: positionals,
    outputs,
    noConfig: values['no-config'] ?? false,
    rules,
    failOn: failOn as FailOn,
    stdin: values.stdin ?? false,
    quiet: values.quiet ?? false,
    skipUnknown: values['skip-unknown'] ?? false,
    envFiles: values['env-file'] ?? [],
    processEnv: values['process-env'] ?? false,
    schemaLocations: values['schema-location'] ?? [],
  };
  const kubernetesVersion = values['kubernetes-version'];
  if (kubernetesVersion !== undefined) {
    const problem = versionProblem(kubernetesVersion);
    if (problem) throw new UsageError(problem);
    args.kubernetesVersion = kubernetesVersion;
  }
  if (values.config) args.config = values.config;
  if (maxWarnings !== undefined) args.maxWarnings = maxWarnings;
  if (values['stdin-filename']) args.stdinFilename = values['stdin-filename'];
  if (values.color) args.color = true;
  if (values['no-color']) args.color = false;
  if (values.fix) args.fix = 'write';
  if (values['fix-dry-run']) args.fix = 'dry-run';
  if (values.baseline) args.baseline = values.baseline;
  if (values['write-baseline']) args.writeBaseline = values['write-baseline'];
  if (values.jobs !== undefined) args.jobs = jobsOf(values.jobs);
  if (values.shard !== undefined) args.shard = shardOf(values.shard);
  return args;
}

function jobsOf(value: string): number | 'auto' {
  if (value === 'auto') return 'auto';
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--jobs expects a whole number of at least 1 or "auto", got "${value}".`);
  return n;
}

function shardOf(value: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) throw new UsageError(`--shard expects <i>/<n> with 1 <= i <= n, got "${value}".`);
  return { index, count };
}

function formatName(name: string): FormatName {
  if ((FORMAT_NAMES as readonly string[]).includes(name)) return name as FormatName;
  throw new UsageError(`Unknown format "${name}" (use ${FORMAT_NAMES.join(', ')}).`);
}

function parseRules(argv: readonly string[]): RulesArgs | InfoArgs {
  const { values, positionals } = parse(argv, {
    format: { type: 'string', short: 'f' },
    help: { type: 'boolean', short: 'h' },
  } as const);
  if (values.help) return { command: 'help' };
  if (positionals.length > 0) throw new UsageError(`"plimsoll rules" takes no paths (got "${positionals[0]}").`);
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'json') throw new UsageError(`"plimsoll rules" supports --format table or json, not "${format}".`);
  return { command: 'rules', format };
}

function parseExplain(argv: readonly string[]): ExplainArgs | InfoArgs {
  const { values, positionals } = parse(argv, { help: { type: 'boolean', short: 'h' } } as const);
  if (values.help) return { command: 'help' };
  if (positionals.length !== 1) throw new UsageError('"plimsoll explain" takes one rule id, e.g. plimsoll explain latest-tag.');
  return { command: 'explain', ruleId: positionals[0]! };
}

function parseGraph(command: 'graph' | 'simulate', argv: readonly string[]): GraphArgs | SimulateArgs | InfoArgs {
  const { values, positionals } = parse(argv, {
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    config: { type: 'string', short: 'c' },
    'no-config': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  } as const);
  if (values.help) return { command: 'help' };
  if (values.config && values['no-config']) throw new UsageError('--config and --no-config cannot be used together.');
  const formats: readonly string[] = command === 'graph' ? GRAPH_FORMATS : SIMULATE_FORMATS;
  const format = values.format ?? formats[0]!;
  if (!formats.includes(format)) throw new UsageError(`"plimsoll ${command}" supports --format ${formats.join(', ')}, not "${format}".`);
  const base = { paths: positionals, noConfig: values['no-config'] ?? false };
  const args =
    command === 'graph'
      ? ({ command, ...base, format: format as GraphArgs['format'] } satisfies GraphArgs)
      : ({ command, ...base, format: format as SimulateArgs['format'] } satisfies SimulateArgs);
  return {
    ...args,
    ...(values.output ? { output: values.output } : {}),
    ...(values.config ? { config: values.config } : {}),
  };
}

export const HELP = `Usage: plimsoll [lint] [paths…] [options]
       plimsoll rules [--format json]
       plimsoll explain <rule-id>
       plimsoll graph [paths…] [--format json|dot|mermaid] [-o <file>]
       plimsoll simulate [paths…] [--format text|json] [-o <file>]

Lints Dockerfiles, Docker Compose files and Kubernetes manifests.
"graph" prints the objects they describe and how they relate (selects, routes-to, mounts,
depends-on, builds, can-reach, …); "simulate" prints what \`docker build\`, \`kubectl apply\`
and \`docker compose up\` would create from them, and what admission would reject.
Paths may be files, folders or globs (default: the current folder); .gitignore is honoured.

Options:
  -f, --format <name>          stylish (default), json, sarif, github, junit, checkstyle, codeclimate or
                               markdown; repeatable, paired in order with -o
  -o, --output <file>          write the preceding format to a file
  -c, --config <file>          use this configuration file
      --no-config              ignore configuration files
      --rule <id>=<severity>   override a rule's severity (off, info, warning, error); repeatable
      --fail-on <severity>     lowest severity that makes the exit code 1: error (default), warning, info, none
      --max-warnings <n>       exit 1 when there are more than n warnings
      --stdin                  lint standard input
      --stdin-filename <name>  the file name standard input stands for
      --env-file <file>        compose: read variables from this file instead of .env; repeatable
      --process-env            compose: also read variables from the environment (it wins over env files)
      --quiet                  report errors only
      --fix                    apply safe fixes to the files (standard input: print the fixed text)
      --fix-dry-run            print the safe fixes as a unified diff; change nothing
      --baseline <file>        report only findings that are not in the baseline file
      --write-baseline <file>  record the current findings in a baseline file
      --skip-unknown           skip named files that are not Dockerfiles, compose files or Kubernetes
                               manifests, instead of reading them by content (for pre-commit hooks)
      --kubernetes-version <x.y>  target Kubernetes version for schemas and API checks (default: newest bundled)
      --schema-location <dir>  CRDs or {kind}_{version}.json schemas for custom resources; repeatable
      --color, --no-color      force colours on or off (NO_COLOR and FORCE_COLOR are honoured)
  -j, --jobs <n|auto>          lint in n worker threads (default 1); auto: every CPU for large inputs
      --shard <i>/<n>          lint only the i-th of n deterministic slices of the files (1-based)
  -h, --help                   show this help
  -v, --version                show the version

Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage, configuration or internal error.
`;
