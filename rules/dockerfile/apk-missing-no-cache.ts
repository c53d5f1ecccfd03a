import { defineRule } from '../../src/core/rule.js';
import { argumentInsertion } from '../../src/model/dockerfile-query.js';
import { commandsOf, hasAnyOption } from '../../src/model/packages.js';
import { layerIsShipped, mountCovers, removalOf } from '../../src/model/run-cleanup.js';

const CACHE = '/var/cache/apk';

export default defineRule({
  id: 'apk-missing-no-cache',
  meta: {
    description: 'apk add should use --no-cache so the package index does not stay in the image',
    formats: ['dockerfile'],
    severity: 'info',
    recommended: true,
    category: 'efficiency',
    sources: [
      { tool: 'hadolint', id: 'DL3019' },
      { tool: 'trivy', id: 'DS025' },
    ],
    messages: {
      cache:
        '`apk add` without --no-cache leaves the package index in /var/cache/apk, in this layer; add --no-cache (it also makes a separate `apk update` unnecessary).',
    },
    fixable: 'safe',
  },
  create(ctx) {
    return {
      'DockerfileInstruction:RUN'(run) {
        if (!layerIsShipped(run, ctx.file.dockerfile) || mountCovers(run, CACHE) || mountCovers(run, '/etc/apk/cache')) return;
        const script = ctx.file.shell(run);
        const apk = commandsOf(script, 'apk');
        for (const cmd of apk) {
          if (cmd.action !== 'add' || !cmd.actionWord || hasAnyOption(cmd, '--no-cache', '--no-network')) continue;
          const end = cmd.view.command.span.end;
          const cleaned = removalOf(script, [CACHE], end) ?? apk.find((c) => c.action === 'cache' && c.view.command.span.start > end && ['clean', 'purge'].includes(c.args.operands[0]?.value ?? ''));
          if (cleaned) continue;
          const at = cmd.actionWord.span.end;
          ctx.report({ messageId: 'cache', span: cmd.actionWord.span, fix: { edits: [argumentInsertion(run, at, '--no-cache')] } });
        }
      },
    };
  },
});
