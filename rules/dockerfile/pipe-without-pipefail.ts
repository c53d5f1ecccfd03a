import { defineRule } from '../../src/core/rule.js';
import type { ShellCommand, ShellScript } from '../../src/parse/dockerfile/shell.js';
import { shellInstructionFor } from '../../src/model/dockerfile-shell.js';
import { wordValue } from '../../src/model/shell-query.js';

/** Commands that cannot fail on the left of a pipe; `yes` even dies of SIGPIPE, which pipefail would turn into a failure. */
const CANNOT_FAIL = new Set(['echo', 'printf', 'yes', 'true', ':']);

/** `-o pipefail`, or a short-option cluster ending in `o` (`-eo`, `-euxo`) followed by `pipefail`. */
export function setsPipefail(args: readonly string[]): boolean {
  return args.some((a, i) => /^-[A-Za-z]*o$/.test(a) && args[i + 1] === 'pipefail');
}

/** The top-level `set … -o pipefail` that comes first in the script, if any. */
function pipefailFrom(script: ShellScript): number {
  const set = script.commands.find((c) => !c.inSubshell && c.name && wordValue(c.name) === 'set' && setsPipefail(c.args.map(wordValue)));
  return set ? set.span.end : Infinity;
}

export default defineRule({
  id: 'pipe-without-pipefail',
  meta: {
    description: 'A RUN with a pipe should set -o pipefail, or the failure of a command before the last is ignored',
    formats: ['dockerfile'],
    severity: 'warning',
    recommended: true,
    category: 'correctness',
    sources: [
      { tool: 'hadolint', id: 'DL4006' },
      { tool: 'trivy', id: 'DS032' },
    ],
    messages: {
      pipefail:
        'Only the last command of `{{first}} | …` decides whether this RUN fails, so a failed download or build goes unnoticed; start the RUN with `set -o pipefail &&`, or set `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` (ash and dash support it too).',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      'DockerfileInstruction:RUN'(run) {
        if (run.form === 'json') return;
        const script = ctx.file.shell(run);
        if (script.skipped) return;
        const dockerfile = ctx.file.dockerfile;
        const shell = dockerfile && shellInstructionFor(run, dockerfile);
        if (shell?.json && setsPipefail(shell.json.values.map((v) => v.value))) return;
        const from = pipefailFrom(script);
        const pipelines = new Map<number, ShellCommand[]>();
        for (const c of script.commands) {
          if (!c.pipeline || c.span.start >= from) continue;
          const stages = pipelines.get(c.pipeline.id) ?? [];
          stages[c.pipeline.index] = c;
          pipelines.set(c.pipeline.id, stages);
        }
        for (const stages of pipelines.values()) {
          const feeding = stages.slice(0, -1);
          if (feeding.every((c) => c && c.name && CANNOT_FAIL.has(wordValue(c.name)))) continue;
          const head = stages.find((c) => c !== undefined)!;
          ctx.report({ messageId: 'pipefail', span: head.span, data: { first: head.name ? wordValue(head.name) : 'command' } });
          return;
        }
      },
    };
  },
});
