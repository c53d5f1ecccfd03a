import { defineRule } from '../../src/core/rule.js';
import { commandsOf, optionValues } from '../../src/model/packages.js';
import { envValueFor, layerIsShipped, mountTargets, removalOf } from '../../src/model/run-cleanup.js';
import { commandSpan } from '../../src/model/shell-query.js';

/** Where yarn v1 keeps its cache in the usual images, and yarn berry's global cache. */
const CACHE_DIRS = ['/usr/local/share/.cache/yarn', '/root/.cache/yarn', '/home/node/.cache/yarn', '/root/.yarn/berry/cache'];

export default defineRule({
  id: 'yarn-cache-not-cleaned',
  meta: {
    description: 'Run yarn cache clean after yarn install in the same RUN',
    formats: ['dockerfile'],
    severity: 'info',
    recommended: true,
    category: 'efficiency',
    sources: [{ tool: 'hadolint', id: 'DL3060' }],
    messages: {
      cache: 'Every package `yarn {{action}}` downloads stays in yarn\'s cache in this layer; end the RUN with `yarn cache clean`, or mount a cache (`--mount=type=cache,target=/usr/local/share/.cache/yarn`).',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      'DockerfileInstruction:RUN'(run) {
        if (!layerIsShipped(run, ctx.file.dockerfile)) return;
        const script = ctx.file.shell(run);
        const yarn = commandsOf(script, 'yarn');
        const last = yarn.filter((c) => ['install', 'add', 'global add'].includes(c.action)).at(-1);
        if (!last) return;
        const after = last.view.command.span.end;
        if (yarn.some((c) => c.action === 'cache' && c.args.operands[0]?.value === 'clean' && c.view.command.span.start > after)) return;
        const folders = [...optionValues(last, '--cache-folder'), envValueFor('YARN_CACHE_FOLDER', last.view.command, script, run, ctx.file.dockerfile)]
          .filter((d): d is string => !!d)
          .map((d) => d.replace(/\/+$/, ''));
        const targets = mountTargets(run);
        if (targets.some((t) => /yarn/.test(t) || /(^|\/)\.cache$/.test(t) || folders.includes(t))) return;
        if (removalOf(script, [...CACHE_DIRS, ...folders], after)) return;
        ctx.report({ messageId: 'cache', span: commandSpan(last.view), data: { action: last.action } });
      },
    };
  },
});
