import { defineRule } from '../../src/core/rule.js';
import { commandsOf, isInstall, listForMessage, unpinnedPackages } from '../../src/model/packages.js';

export default defineRule({
  id: 'dnf-unpinned-package',
  meta: {
    description: 'Pin the versions of the packages dnf installs',
    formats: ['dockerfile'],
    severity: 'warning',
    recommended: false,
    category: 'reliability',
    sources: [{ tool: 'hadolint', id: 'DL3041' }],
    messages: {
      unpinned: '{{packages}} installed without a version: the build takes whatever the repository has that day. Pin with `<package>-<version>` (modules with `<module>:<stream>`).',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      'DockerfileInstruction:RUN'(run) {
        for (const cmd of commandsOf(ctx.file.shell(run), 'dnf', 'microdnf')) {
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
