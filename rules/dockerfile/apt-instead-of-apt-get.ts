import { defineRule } from '../../src/core/rule.js';
import { aptInvocations } from '../../src/model/apt.js';
import { findCommands } from '../../src/model/shell-query.js';

/** Subcommands apt-get has with the same meaning (apt's `upgrade` also installs new dependencies; apt-get's does not). */
const SAME_IN_APT_GET = new Set(['install', 'reinstall', 'remove', 'purge', 'autoremove', 'update', 'clean', 'autoclean', 'build-dep', 'source', 'satisfy']);

export default defineRule({
  id: 'apt-instead-of-apt-get',
  meta: {
    description: 'Use apt-get or apt-cache in scripts, not apt',
    formats: ['dockerfile'],
    severity: 'warning',
    recommended: true,
    category: 'reliability',
    sources: [
      { tool: 'hadolint', id: 'DL3027' },
      { tool: 'checkov', id: 'CKV_DOCKER_9' },
    ],
    messages: {
      apt: '`apt` is meant for people at a terminal: its output and behaviour may change between releases and it warns that it has no stable CLI. Use `apt-get` (or `apt-cache` to query).',
    },
    fixable: 'unsafe',
  },
  create(ctx) {
    return {
      'DockerfileInstruction:RUN'(run) {
        const script = ctx.file.shell(run);
        const invocations = new Map(aptInvocations(script, 'apt').map((a) => [a.view.command, a]));
        for (const view of findCommands(script, 'apt')) {
          const sub = invocations.get(view.command)?.subcommand;
          const fixable = view.nameWord.text === 'apt' && sub !== undefined && SAME_IN_APT_GET.has(sub);
          ctx.report({
            messageId: 'apt',
            span: view.nameWord.span,
            // The word's span holds its quotes in an exec-form RUN: the replacement is a JSON string there.
            ...(fixable ? { fix: { edits: [{ span: view.nameWord.span, text: run.form === 'json' ? '"apt-get"' : 'apt-get' }] } } : {}),
          });
        }
      },
    };
  },
});
