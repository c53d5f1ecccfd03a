import { defineRule } from '../../src/core/rule.js';
import { aptInvocations } from '../../src/model/apt.js';
import { layerIsShipped, mountCovers, removalOf } from '../../src/model/run-cleanup.js';
import { commandSpan } from '../../src/model/shell-query.js';

const LISTS = '/var/lib/apt/lists';

export default defineRule({
  id: 'apt-lists-not-removed',
  meta: {
    description: 'Remove /var/lib/apt/lists in the RUN that ran apt-get update',
    formats: ['dockerfile'],
    severity: 'info',
    recommended: true,
    category: 'efficiency',
    sources: [{ tool: 'hadolint', id: 'DL3009' }],
    messages: {
      lists:
        'The package lists `{{command}}` downloads stay in this layer (tens of MB); end the RUN with `rm -rf /var/lib/apt/lists/*`, or mount a cache at /var/lib/apt/lists.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      'DockerfileInstruction:RUN'(run) {
        if (!layerIsShipped(run, ctx.file.dockerfile) || mountCovers(run, LISTS)) return;
        const script = ctx.file.shell(run);
        const apt = aptInvocations(script);
        const update = apt.filter((a) => a.subcommand === 'update').at(-1);
        // An update with nothing after it is update-without-install's finding.
        if (!update || !apt.some((a) => a.subcommand !== 'update' && a.view.command.span.start > update.view.command.span.start)) return;
        const cleaned =
          removalOf(script, [LISTS], update.view.command.span.end) ??
          apt.find((a) => (a.subcommand === 'distclean' || a.subcommand === 'dist-clean') && a.view.command.span.start > update.view.command.span.start);
        if (cleaned) return;
        ctx.report({ messageId: 'lists', span: commandSpan(update.view), data: { command: `${update.view.name} update` } });
      },
    };
  },
});
