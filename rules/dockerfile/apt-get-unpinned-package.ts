import { defineRule } from '../../src/core/rule.js';
import { commandsOf, isInstall, listForMessage, unpinnedPackages } from '../../src/model/packages.js';

export default defineRule({
  id: 'apt-get-unpinned-package',
  meta: {
    description: 'Pin the versions of the packages apt-get installs',
    formats: ['dockerfile'],
    severity: 'warning',
    recommended: false,
    category: 'reliability',
    sources: [{ tool: 'hadolint', id: 'DL3008' }],
    messages: {
      unpinned: '{{packages}} installed without a version: the build takes whatever the mirror has that day. Pin with `<package>=<version>` (mirrors drop old versions, so pin the base image by digest too).',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      'DockerfileInstruction:RUN'(run) {
        for (const cmd of commandsOf(ctx.file.shell(run), 'apt-get', 'apt')) {
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
