import { defineRule } from '../../src/core/rule.js';
import { argumentInsertion } from '../../src/model/dockerfile-query.js';
import { aptInvocations, assumesYes } from '../../src/model/apt.js';

export default defineRule({
  id: 'apt-get-missing-yes',
  meta: {
    description: 'apt-get install must not wait for a confirmation: use -y',
    formats: ['dockerfile'],
    severity: 'warning',
    recommended: true,
    category: 'correctness',
    sources: [{ tool: 'hadolint', id: 'DL3014' }],
    messages: {
      missingYes: '`apt-get {{subcommand}}` without -y asks for a confirmation no one can give during a build; add -y.',
    },
    fixable: 'safe',
  },
  create(ctx) {
    return {
      'DockerfileInstruction:RUN'(run) {
        for (const apt of aptInvocations(ctx.file.shell(run), 'apt-get')) {
          if (!['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'remove', 'purge', 'autoremove'].includes(apt.subcommand)) continue;
          if (assumesYes(apt.parsed)) continue;
          const at = apt.subcommandWord.span.end;
          ctx.report({
            messageId: 'missingYes',
            span: apt.subcommandWord.span,
            data: { subcommand: apt.subcommand },
            fix: { edits: [argumentInsertion(run, at, '-y')] },
          });
        }
      },
    };
  },
});
