import { defineRule } from '../../src/core/rule.js';
import { commandsOf, isInstall, listForMessage, unpinnedPackages } from '../../src/model/packages.js';

export default defineRule({
  id: 'apk-unpinned-package',
  meta: {
    description: 'Pin the versions of the packages apk adds',
    formats: ['dockerfile'],
    severity: 'warning',
    recommended: false,
    category: 'reliability',
    sources: [{ tool: 'hadolint', id: 'DL3018' }],
    messages: {
      unpinned: '{{packages}} added without a version: the build takes whatever the repository has that day. Pin with `<package>=<version>` (or `<package>~<major.minor>`).',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      'DockerfileInstruction:RUN'(run) {
        for (const cmd of commandsOf(ctx.file.shell(run), 'apk')) {
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
