import { defineRule } from '../../src/core/rule.js';
import { findCommands, parseOptions } from '../../src/model/shell-query.js';

const QUIETING = new Set(['--progress', '-q', '--quiet', '-nv', '--no-verbose', '-o', '--output-file', '-a', '--append-output']);

export default defineRule({
  id: 'wget-without-progress',
  meta: {
    description: 'wget without --progress (or -q / -nv) fills the build log with progress lines',
    formats: ['dockerfile'],
    severity: 'info',
    recommended: false,
    category: 'style',
    sources: [{ tool: 'hadolint', id: 'DL3047' }],
    messages: {
      progress:
        '`wget` prints a progress line for every few kilobytes, which bloats build logs for large files; add `--progress=dot:giga` (GNU wget), or -q / -nv.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      'DockerfileInstruction:RUN'(run) {
        for (const view of findCommands(ctx.file.shell(run), 'wget')) {
          // `-nv` is one option, not -n -v.
          if (view.args.some((a) => a.value === '-nv')) continue;
          const parsed = parseOptions(view.args, { withValue: ['-O', '--output-document', '-o', '--output-file', '-a', '--append-output', '-P', '--directory-prefix', '-U', '--user-agent', '-e', '--execute', '-T', '--timeout', '-t', '--tries'] });
          if (parsed.options.some((o) => QUIETING.has(o.name))) continue;
          ctx.report({ messageId: 'progress', span: view.nameWord.span });
        }
      },
    };
  },
});
