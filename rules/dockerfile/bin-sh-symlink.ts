import { defineRule } from '../../src/core/rule.js';
import { findCommands, parseOptions } from '../../src/model/shell-query.js';

export default defineRule({
  id: 'bin-sh-symlink',
  meta: {
    description: 'Use SHELL to change the shell RUN uses, not a symlink over /bin/sh',
    formats: ['dockerfile'],
    severity: 'warning',
    recommended: true,
    category: 'reliability',
    sources: [{ tool: 'hadolint', id: 'DL4005' }],
    messages: {
      symlink:
        'Replacing /bin/sh changes the shell of every script in the image, not only of the build; use `SHELL ["/bin/bash", "-c"]` for the RUN instructions that need bash.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      'DockerfileInstruction:RUN'(run) {
        for (const view of findCommands(ctx.file.shell(run), 'ln')) {
          const parsed = parseOptions(view.args, { withValue: ['-S', '--suffix', '-t', '--target-directory'] });
          const symbolic = parsed.options.some((o) => o.name === '-s' || o.name === '--symbolic');
          const link = parsed.operands.at(-1);
          if (symbolic && parsed.operands.length >= 2 && link && (link.value === '/bin/sh' || link.value === '/usr/bin/sh')) {
            ctx.report({ messageId: 'symlink', node: link });
          }
        }
      },
    };
  },
});
