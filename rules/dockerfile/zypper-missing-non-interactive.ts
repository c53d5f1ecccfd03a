import { defineRule } from '../../src/core/rule.js';
import { argumentInsertion } from '../../src/model/dockerfile-query.js';
import { answeredByPipe, commandsOf, hasAnyOption } from '../../src/model/packages.js';

const ASKS = new Set(['install', 'remove', 'update', 'dist-upgrade', 'patch', 'source-install']);

export default defineRule({
  id: 'zypper-missing-non-interactive',
  meta: {
    description: 'zypper commands that change packages must run non-interactively: use -n',
    formats: ['dockerfile'],
    severity: 'warning',
    recommended: true,
    category: 'correctness',
    sources: [{ tool: 'hadolint', id: 'DL3034' }],
    messages: {
      missingYes: '\`{{command}}\` without --non-interactive (-n) or -y waits for answers no one can give during a build; use \`zypper -n {{action}}\`.',
    },
    fixable: 'safe',
  },
  create(ctx) {
    return {
      'DockerfileInstruction:RUN'(run) {
        const script = ctx.file.shell(run);
        for (const cmd of commandsOf(script, 'zypper')) {
          if (!cmd.actionWord || !ASKS.has(cmd.action) || hasAnyOption(cmd, '-n', '--non-interactive', '-y', '--no-confirm') || answeredByPipe(cmd, script)) continue;
          const at = cmd.view.nameWord.span.end;
          ctx.report({ messageId: 'missingYes', span: cmd.actionWord.span, data: { command: `${cmd.manager} ${cmd.action}`, action: cmd.action }, fix: { edits: [argumentInsertion(run, at, '-n')] } });
        }
      },
    };
  },
});
