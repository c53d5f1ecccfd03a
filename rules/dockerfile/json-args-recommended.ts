import { defineRule } from '../../src/core/rule.js';
import type { ExecFormInstruction, Instruction } from '../../src/parse/dockerfile/ast.js';
import { hasBefore, looksLikeJsonArray } from '../../src/model/dockerfile-query.js';

/** Characters a word may hold to mean the same to /bin/sh and as a JSON string. */
const PLAIN_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;
/** Words /bin/sh understands that no executable provides (or provides differently). */
const SHELL_ONLY = new Set([
  'exec', 'cd', 'export', 'set', 'unset', 'source', '.', 'eval', 'if', 'then', 'for', 'while', 'until', 'case',
  'do', 'done', 'fi', 'esac', 'function', 'ulimit', 'umask', 'trap', 'wait', 'read', 'exit', 'return', 'shift',
  'alias', 'readonly', 'local', 'declare', 'typeset', 'let', 'time', 'command', 'builtin', 'type', 'hash',
  'jobs', 'fg', 'bg', 'times', 'getopts', 'break', 'continue', ':',
]);

/**
 * The exec form equivalent to a shell-form command, when there is one: a plain list
 * of words, with no quoting, variables, globs, redirections, operators or builtins.
 */
function execFormOf(ins: ExecFormInstruction, source: string): string | undefined {
  if (ins.heredocs.length > 0 || ins.words.length === 0) return undefined;
  if (source.slice(ins.argsSpan.start, ins.argsSpan.end).includes('\n')) return undefined;
  const words = ins.words.map((w) => w.raw);
  if (!words.every((w) => PLAIN_WORD.test(w))) return undefined;
  if (words[0]!.includes('=') || SHELL_ONLY.has(words[0]!)) return undefined;
  return `[${words.map((w) => `"${w}"`).join(', ')}]`;
}

export default defineRule({
  id: 'json-args-recommended',
  meta: {
    description: 'CMD and ENTRYPOINT should use the exec (JSON) form',
    formats: ['dockerfile'],
    severity: 'warning',
    recommended: true,
    category: 'reliability',
    sources: [
      { tool: 'hadolint', id: 'DL3025' },
      { tool: 'buildkit', id: 'JSONArgsRecommended' },
    ],
    messages: {
      shellForm:
        '{{keyword}} in shell form runs under /bin/sh -c, which does not pass signals such as SIGTERM on to the program; use the exec form {{keyword}} ["program", "arg"] (or set SHELL explicitly if a shell is wanted).',
    },
    fixable: 'safe',
  },
  create(ctx) {
    const check = (ins: ExecFormInstruction) => {
      const dockerfile = ctx.file.dockerfile;
      // Text meant as JSON but malformed is malformed-json-args' business.
      if (!dockerfile || ins.parentOnbuild || ins.form !== 'shell' || looksLikeJsonArray(ins.argsText)) return;
      if (ins.argsText.trim().length === 0) return;
      // `exec program …` replaces the shell, so the program is PID 1 and gets the signals.
      if (ins.words[0]?.raw === 'exec') {
        const script = ctx.file.shell(ins);
        if (script.commands.filter((c) => !c.inSubshell).length === 1) return;
      }
      const stage = dockerfile.stages[ins.stageIndex];
      if (!stage) return;
      // BuildKit only reports with the default shell: an explicit SHELL says a shell is wanted.
      if (hasBefore(stage, dockerfile, ins, 'SHELL')) return;
      const json = execFormOf(ins, ctx.file.text);
      let fix: { edits: { span: typeof ins.argsSpan; text: string }[]; safe: boolean } | undefined;
      if (json) {
        // A script without a `#!` line runs under `sh -c` but not exec'd directly: only a program
        // looked up in PATH (no `/`, not `*.sh`) is surely the same.
        const program = ins.words[0]!.raw;
        const maybeScript = program.includes('/') || program.endsWith('.sh');
        if (ins.keyword === 'CMD') fix = { edits: [{ span: ins.argsSpan, text: json }], safe: !maybeScript };
        else if (!stage.instructions.some((i: Instruction) => i.keyword === 'CMD')) {
          // An exec-form ENTRYPOINT receives `docker run` arguments (shell form ignores them): unsafe.
          fix = { edits: [{ span: ins.argsSpan, text: json }], safe: false };
        }
      }
      ctx.report({ messageId: 'shellForm', span: ins.keywordSpan, data: { keyword: ins.keyword }, ...(fix ? { fix } : {}) });
    };
    return { 'DockerfileInstruction:CMD': check, 'DockerfileInstruction:ENTRYPOINT': check };
  },
});
