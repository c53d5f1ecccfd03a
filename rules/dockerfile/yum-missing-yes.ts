import { defineRule } from '../../src/core/rule.js';
import { argumentInsertion } from '../../src/model/dockerfile-query.js';
import { answeredByPipe, commandsOf, hasAnyOption } from '../../src/model/packages.js';

const ASKS = new Set(['install', 'groupinstall', 'localinstall', 'reinstall', 'update', 'remove', 'downgrade', 'group install', 'module install']);

export default defineRule({
  id: 'yum-missing-yes',
  meta: {
    description: 'yum commands that change packages must not wait for a confirmation: use -y',
    formats: ['dockerfile'],
    severity: 'warning',
    recommended: true,
    category: 'correctness',
    sources: [{ tool: 'hadolint', id: 'DL3030' }],
    messages: {
      missingYes: '\`{{command}}\` without -y asks for a confirmation no one can give during a build; add -y.',
    },
    fixable: 'safe',
  },
  create(ctx) {
    return {
      'DockerfileInstruction:RUN'(run) {
        const script = ctx.file.shell(run);
        for (const cmd of commandsOf(script, 'yum')) {
          if (!cmd.actionWord || !ASKS.has(cmd.action) || hasAnyOption(cmd, '-y', '--assumeyes') || answeredByPipe(cmd, script)) continue;
          const at = cmd.actionWord.span.end;
          ctx.report({ messageId: 'missingYes', span: cmd.actionWord.span, data: { command: `${cmd.manager} ${cmd.action}` }, fix: { edits: [argumentInsertion(run, at, '-y')] } });
        }
      },
    };
  },
});
