/**
 * The Action's inputs, read from the environment as the runner passes them
 * (INPUT_<NAME>, name upper-cased, spaces as underscores, dashes kept), and the
 * plimsoll command line they stand for.
 */
import { FORMAT_NAMES, type FormatName } from '../cli/args.js';
import { UsageError } from '../core/discover.js';

export interface ActionInputs {
  paths: string[];
  config?: string;
  /** Formats printed to the log. */
  formats: FormatName[];
  failOn: string;
  kubernetesVersion?: string;
  /** Where to write SARIF (relative to the working directory); undefined: none. */
  sarifFile?: string;
  annotations: boolean;
  workingDirectory: string;
}

/** Every input the Action reads; action.yml declares exactly these (a test checks). */
export const INPUT_NAMES = ['paths', 'config', 'format', 'fail-on', 'kubernetes-version', 'sarif-file', 'annotations', 'working-directory'] as const;

export function input(env: NodeJS.ProcessEnv, name: (typeof INPUT_NAMES)[number]): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** Newline-separated entries keep their spaces; a single line is split on whitespace. */
function list(text: string): string[] {
  const parts = text.includes('\n') ? text.split(/\r?\n/) : text.split(/[\s,]+/);
  return parts.map((p) => p.trim()).filter(Boolean);
}

function boolean(text: string, name: string): boolean {
  if (/^(true|on|yes|1)$/i.test(text)) return true;
  if (/^(false|off|no|0)$/i.test(text)) return false;
  throw new UsageError(`input "${name}" must be true or false, got "${text}".`);
}

export function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const formats = list(input(env, 'format') || 'stylish').map((name) => {
    if (!(FORMAT_NAMES as readonly string[]).includes(name)) throw new UsageError(`input "format": unknown format "${name}" (use ${FORMAT_NAMES.join(', ')}).`);
    return name as FormatName;
  });
  const inputs: ActionInputs = {
    paths: list(input(env, 'paths')),
    formats,
    failOn: input(env, 'fail-on') || 'error',
    annotations: boolean(input(env, 'annotations') || 'true', 'annotations'),
    workingDirectory: input(env, 'working-directory') || '.',
  };
  const config = input(env, 'config');
  if (config) inputs.config = config;
  const kubernetesVersion = input(env, 'kubernetes-version');
  if (kubernetesVersion) inputs.kubernetesVersion = kubernetesVersion;
  const sarifFile = input(env, 'sarif-file');
  if (sarifFile) inputs.sarifFile = sarifFile;
  return inputs;
}

/** The plimsoll arguments for these inputs: log formats to stdout, annotations, SARIF to its file. */
export function cliArguments(inputs: ActionInputs): string[] {
  const args = [...inputs.paths, '--fail-on', inputs.failOn];
  if (inputs.config) args.push('--config', inputs.config);
  if (inputs.kubernetesVersion) args.push('--kubernetes-version', inputs.kubernetesVersion);
  const formats = new Set(inputs.formats);
  if (inputs.annotations) formats.add('github');
  for (const format of formats) args.push('--format', format);
  if (inputs.sarifFile) args.push('--format', 'sarif', '--output', inputs.sarifFile);
  return args;
}
