import { defineRule } from '../../src/core/rule.js';
import { commandsOf, isInstall, listForMessage, unpinnedPackages } from '../../src/model/packages.js';

export default defineRule({
  id: 'npm-unpinned-package',
  meta: {
    description: 'Pin the versions of the packages npm installs by name',
    formats: ['dockerfile'],
    severity: 'warning',
    recommended: true,
    category: 'reliability',
    sources: [{ tool: 'hadolint', id: 'DL3016' }],
    messages: {
      unpinned: '{{packages}} installed without a fixed version (`latest` moves): the build takes the newest release that day. Use `<package>@<version>`, or `npm ci` with a lockfile.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      'DockerfileInstruction:RUN'(run) {
        for (const cmd of commandsOf(ctx.file.shell(run), 'npm')) {
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
