import { defineRule } from '../../src/core/rule.js';
import type { RunInstruction } from '../../src/parse/dockerfile/ast.js';
import { hasBefore } from '../../src/model/dockerfile-query.js';
import { commandsOf, isInstall, listForMessage, unpinnedPackages } from '../../src/model/packages.js';

export default defineRule({
  id: 'go-unpinned-package',
  meta: {
    description: 'Pin the versions of the modules go install and go get fetch',
    formats: ['dockerfile'],
    severity: 'warning',
    recommended: true,
    category: 'reliability',
    sources: [{ tool: 'hadolint', id: 'DL3062' }],
    messages: {
      unpinned: '{{packages}} fetched without a fixed version (`@latest` moves): the build takes the newest release that day. Use `go install <package>@<version>`.',
    },
    fixable: false,
  },
  create(ctx) {
    const dockerfile = ctx.file.dockerfile;
    /** Nothing was copied in before, so there is no go.mod whose requirements would fix the version. */
    const noModuleFile = (run: RunInstruction): boolean => {
      const stage = dockerfile?.stages[run.stageIndex];
      if (!dockerfile || !stage || run.mounts.some((m) => m.type === 'bind')) return false;
      return !hasBefore(stage, dockerfile, run, 'COPY') && !hasBefore(stage, dockerfile, run, 'ADD');
    };
    return {
      'DockerfileInstruction:RUN'(run) {
        for (const cmd of commandsOf(ctx.file.shell(run), 'go')) {
          if (!isInstall(cmd)) continue;
          // In module mode `go install <pkg>` without @version takes the version go.mod requires (or fails).
          const unpinned = unpinnedPackages(cmd).filter((p) => cmd.action === 'get' || p.version !== undefined || noModuleFile(run));
          const first = unpinned[0];
          if (!first) continue;
          ctx.report({ messageId: 'unpinned', node: first.word, data: { packages: listForMessage(unpinned.map((p) => p.word.text)) } });
        }
      },
    };
  },
});
