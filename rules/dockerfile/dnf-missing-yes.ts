import { defineRule } from '../../src/core/rule.js';
import { argumentInsertion } from '../../src/model/dockerfile-query.js';
import { answeredByPipe, commandsOf, hasAnyOption } from '../../src/model/packages.js';

const ASKS = new Set(['install', 'groupinstall', 'localinstall', 'reinstall', 'upgrade', 'remove', 'downgrade', 'distro-sync', 'group install', 'module install']);

export default defineRule({
  id: 'dnf-missing-yes',
  meta: {
    description: 'dnf commands that change packages must not wait for a confirmation: use -y',
    formats: ['dockerfile'],
    severity: 'warning',
    recommended: true,
    category: 'correctness',
    sources: [{ tool: 'hadolint', id: 'DL3038' }],
    messages: {
      missingYes: '\`{{command}}\` without -y asks for a confirmation no one can give during a build; add -y.',
    },
    fixable: 'safe',
  },
  create(ctx) {
    return {
      'DockerfileInstruction:RUN'(run) {
        const script = ctx.file.shell(run);
        for (const cmd of commandsOf(script, 'dnf')) {
          if (!cmd.actionWord || !ASKS.has(cmd.action) || hasAnyOption(cmd, '-y', '--assumeyes') || answeredByPipe(cmd, script)) continue;
          const at = cmd.actionWord.span.end;
          ctx.report({ messageId: 'missingYes', span: cmd.actionWord.span, data: { command: `${cmd.manager} ${cmd.action}` }, fix: { edits: [argumentInsertion(run, at, '-y')] } });
        }
      },
    };
  },
});
