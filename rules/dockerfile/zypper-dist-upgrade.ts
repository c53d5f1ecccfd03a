import { defineRule } from '../../src/core/rule.js';
import { commandsOf } from '../../src/model/packages.js';
import { commandSpan } from '../../src/model/shell-query.js';

export default defineRule({
  id: 'zypper-dist-upgrade',
  meta: {
    description: 'Do not run zypper dist-upgrade in a build',
    formats: ['dockerfile'],
    severity: 'warning',
    recommended: true,
    category: 'reliability',
    sources: [{ tool: 'hadolint', id: 'DL3035' }],
    messages: {
      distUpgrade:
        '`zypper dist-upgrade` may move the image to whatever the repositories hold today, another distribution state than the base image; build FROM a newer base image, or use `zypper update` for fixes.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      'DockerfileInstruction:RUN'(run) {
        for (const cmd of commandsOf(ctx.file.shell(run), 'zypper')) {
          if (cmd.action === 'dist-upgrade') ctx.report({ messageId: 'distUpgrade', span: commandSpan(cmd.view) });
        }
      },
    };
  },
});
