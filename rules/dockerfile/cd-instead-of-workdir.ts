import { defineRule } from '../../src/core/rule.js';
import type { ShellCommand } from '../../src/parse/dockerfile/shell.js';
import { removalOf } from '../../src/model/run-cleanup.js';
import { parseOptions, viewCommand, wordValue, type CommandView } from '../../src/model/shell-query.js';

/** Commands that only prepare the shell; a RUN that starts with them and then `cd` still starts with `cd`. */
const SETUP = new Set(['set', 'export', 'umask', 'shopt', ':', 'true', 'trap']);

/** Going back where the RUN started (`cd ..`, `cd -`, `cd /`) at its end is a habit, not a mistake. */
const BACK = /^(\.\.(\/\.\.)*\/?|-|\/|~|\$OLDPWD|\$HOME|\$\{HOME\})$/;

/** Shell-only parameter expansions (`${X%/php}`, `${X#prefix}`) and substitutions, which WORKDIR cannot express. */
const SHELL_ONLY_EXPANSION = /\$\{[^}]*[%#\/^,]|\$\(|`/;

/** Scratch places a build works in for one RUN; a WORKDIR there would outlive the work. */
const SCRATCH = /^(\/tmp|\/var\/tmp|\/usr\/src|\/usr\/local\/src|\/root|~|\$HOME|\$\{HOME\})(\/|$)/;

export default defineRule({
  id: 'cd-instead-of-workdir',
  meta: {
    description: 'Use WORKDIR to set the directory instructions run in, not a RUN that starts with cd',
    formats: ['dockerfile'],
    severity: 'warning',
    recommended: true,
    category: 'style',
    sources: [
      { tool: 'hadolint', id: 'DL3003' },
      { tool: 'trivy', id: 'DS013' },
    ],
    messages: {
      useWorkdir: 'This RUN starts with `cd {{dir}}`; set `WORKDIR {{dir}}` before it instead, so every later instruction runs there too and the RUN reads as what it does.',
      noEffect: '`cd` as the last command of a RUN has no effect: each instruction starts in the WORKDIR again. Use `WORKDIR {{dir}}`.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      'DockerfileInstruction:RUN'(run) {
        if (run.form === 'json') return;
        const script = ctx.file.shell(run);
        const top = script.commands.filter((c) => !c.inSubshell);
        const views = top.map((c) => ({ command: c, view: viewCommand(c) }));
        const real = views.filter((v) => v.view && !SETUP.has(v.view.name));
        const first = real[0];
        const last = real.at(-1);
        if (last && last.view?.name === 'cd' && !last.command.conditional && last.command.pipeline === undefined) {
          const dir = target(last.view);
          if (dir !== undefined && !BACK.test(dir)) ctx.report({ messageId: 'noEffect', span: last.command.span, data: { dir } });
          return;
        }
        if (!first || first.view?.name !== 'cd' || first.command.pipeline !== undefined) return;
        const dir = target(first.view);
        if (dir === undefined || BACK.test(dir) || SCRATCH.test(dir) || SHELL_ONLY_EXPANSION.test(dir)) return;
        if (dir.includes('$') && assignsBefore(top, first.command)) return;
        if (removalOf(script, [dir], first.command.span.end)) return;
        ctx.report({ messageId: 'useWorkdir', span: first.command.span, data: { dir } });
      },
    };
  },
});

/** The directory `cd` changes to, as written when it has variables. */
function target(view: CommandView): string | undefined {
  const operand = parseOptions(view.args).operands[0];
  return operand ? (operand.value ?? operand.text) : undefined;
}

/** Variables the RUN sets itself cannot be used in WORKDIR. */
function assignsBefore(commands: readonly ShellCommand[], cd: ShellCommand): boolean {
  return commands.some((c) => c.span.start < cd.span.start && (c.assignments.length > 0 || (c.name && wordValue(c.name) === 'export')));
}
