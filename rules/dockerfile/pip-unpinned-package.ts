import { defineRule } from '../../src/core/rule.js';
import { commandsOf, isInstall, listForMessage, unpinnedPackages } from '../../src/model/packages.js';

export default defineRule({
  id: 'pip-unpinned-package',
  meta: {
    description: 'Pin the versions of the packages pip installs',
    formats: ['dockerfile'],
    severity: 'warning',
    recommended: true,
    category: 'reliability',
    sources: [{ tool: 'hadolint', id: 'DL3013' }],
    messages: {
      unpinned: '{{packages}} installed without a version: the build takes the newest release that day. Pin with `<package>==<version>`, or install from a requirements or constraints file.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      'DockerfileInstruction:RUN'(run) {
        for (const cmd of commandsOf(ctx.file.shell(run), 'pip')) {
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
