import { defineRule } from '../../src/core/rule.js';
import { commandsOf, isInstall, listForMessage, unpinnedPackages } from '../../src/model/packages.js';

export default defineRule({
  id: 'yum-unpinned-package',
  meta: {
    description: 'Pin the versions of the packages yum installs',
    formats: ['dockerfile'],
    severity: 'warning',
    recommended: false,
    category: 'reliability',
    sources: [{ tool: 'hadolint', id: 'DL3033' }],
    messages: {
      unpinned: '{{packages}} installed without a version: the build takes whatever the repository has that day. Pin with `<package>-<version>`.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      'DockerfileInstruction:RUN'(run) {
        for (const cmd of commandsOf(ctx.file.shell(run), 'yum')) {
          if (!isInstall(cmd)) continue;
          const unpinned = unpinnedPackages(cmd);
          const first = unpinned[0];
          if (!first) continue;
          ctx.report({ messageId: 'unpinned', node: first.word, data: { packages: listForMessage(unpinned.map((p) => p.word.text)) } });
        }
      },
    };
  },
});
