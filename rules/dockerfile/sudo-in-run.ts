import { defineRule } from '../../src/core/rule.js';
import { viewCommand } from '../../src/model/shell-query.js';

export default defineRule({
  id: 'sudo-in-run',
  meta: {
    description: 'Do not use sudo in RUN: switch users with USER, or gosu/su-exec',
    formats: ['dockerfile'],
    severity: 'warning',
    recommended: true,
    category: 'security',
    sources: [
      { tool: 'hadolint', id: 'DL3004' },
      { tool: 'trivy', id: 'DS010' },
      { tool: 'checkov', id: 'CKV2_DOCKER_1' },
    ],
    messages: {
      sudo: '`sudo` in a build has unpredictable TTY and signal handling and needs sudo installed and configured in the image; run the step as root (`USER root` … `USER app`), or use gosu/su-exec to drop privileges.',
    },
    fixable: 'unsafe',
  },
  create(ctx) {
    return {
      'DockerfileInstruction:RUN'(run) {
        for (const command of ctx.file.shell(run).commands) {
          const view = viewCommand(command);
          if (!view) continue;
          const index = view.wrappers.indexOf('sudo');
          const word = index >= 0 ? view.wrapperWords[index]! : view.name === 'sudo' ? view.nameWord : undefined;
          if (!word) continue;
          // `sudo cmd` (no options) becomes `cmd`; unsafe, as the step may then lack the rights it needs.
          const next = index >= 0 ? (view.wrapperWords[index + 1] ?? view.nameWord) : undefined;
          const plain = next !== undefined && command.args[0] === next;
          ctx.report({
            messageId: 'sudo',
            span: word.span,
            ...(plain && command.name === word ? { fix: { edits: [{ span: { start: word.span.start, end: next.span.start }, text: '' }] } } : {}),
          });
        }
      },
    };
  },
});
