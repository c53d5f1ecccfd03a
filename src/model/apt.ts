/** apt-get / apt command lines: which subcommand, which options, which packages. */
import type { ShellScript } from '../parse/dockerfile/shell.js';
import { findCommands, parseOptions, subcommand, type CommandView, type ParsedArgs } from './shell-query.js';

/** apt-get options that take a separate value. */
export const APT_VALUE_OPTIONS = ['-o', '--option', '-t', '--target-release', '--default-release', '-c', '--config-file'] as const;

export interface AptInvocation {
  view: CommandView;
  /** install, update, upgrade, remove, … */
  subcommand: string;
  subcommandWord: NonNullable<ReturnType<typeof subcommand>['word']>;
  parsed: ParsedArgs;
}

/** Every apt-get/apt invocation in a script (through sudo, env, …). */
export function aptInvocations(script: ShellScript, ...names: ('apt-get' | 'apt')[]): AptInvocation[] {
  const out: AptInvocation[] = [];
  for (const view of findCommands(script, ...(names.length > 0 ? names : ['apt-get', 'apt']))) {
    const sub = subcommand(view.args, { withValue: APT_VALUE_OPTIONS });
    if (!sub.name || !sub.word) continue;
    out.push({ view, subcommand: sub.name, subcommandWord: sub.word, parsed: parseOptions(sub.rest, { withValue: APT_VALUE_OPTIONS }) });
  }
  return out;
}

/** `-y`, `--yes`, `--assume-yes`, or `-qq` (quiet level 2 implies yes). */
export function assumesYes(parsed: ParsedArgs): boolean {
  let quiet = 0;
  for (const o of parsed.options) {
    if (o.name === '-y' || o.name === '--yes' || o.name === '--assume-yes') return true;
    if (o.name === '-q' || o.name === '--quiet') quiet += o.value ? Number(o.value) || 1 : 1;
    if ((o.name === '-o' || o.name === '--option') && /^APT::Get::Assume-Yes=(1|true|yes)$/i.test(o.value ?? '')) return true;
  }
  return quiet >= 2;
}

/** `--no-install-recommends`, or `-o APT::Install-Recommends=false` (also 0/no). */
export function skipsRecommends(parsed: ParsedArgs): boolean {
  return parsed.options.some(
    (o) =>
      o.name === '--no-install-recommends' ||
      (o.name === '--install-recommends' && /^(0|false|no)$/i.test(o.value ?? '')) ||
      ((o.name === '-o' || o.name === '--option') && /^APT::Install-Recommends=(0|false|no)$/i.test(o.value ?? '')),
  );
}

/**
 * The script writes an apt setting that turns recommends off, e.g.
 * `echo 'APT::Install-Recommends "0";' > /etc/apt/apt.conf.d/01norecommends`.
 */
export function configuresNoRecommends(script: ShellScript, before = Infinity): boolean {
  return script.commands.some(
    (c) => c.span.start < before && c.args.some((a) => /APT::Install-Recommends\s*"?(0|false|no)\b/i.test(a.value ?? a.text)),
  );
}
