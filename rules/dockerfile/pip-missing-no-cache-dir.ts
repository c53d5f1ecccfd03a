import { defineRule } from '../../src/core/rule.js';
import { argumentInsertion } from '../../src/model/dockerfile-query.js';
import { commandsOf, hasAnyOption, optionValues, type PackageCommand } from '../../src/model/packages.js';
import { envValueFor, isTruthy, layerIsShipped, mountTargets, removalOf } from '../../src/model/run-cleanup.js';
import type { RunInstruction } from '../../src/parse/dockerfile/ast.js';
import type { ShellScript } from '../../src/parse/dockerfile/shell.js';

export default defineRule({
  id: 'pip-missing-no-cache-dir',
  meta: {
    description: 'pip install should not keep its download cache in the image: use --no-cache-dir',
    formats: ['dockerfile'],
    severity: 'warning',
    recommended: true,
    category: 'efficiency',
    sources: [{ tool: 'hadolint', id: 'DL3042' }],
    messages: {
      cache:
        '`pip install` keeps every downloaded wheel in ~/.cache/pip, in this layer; add --no-cache-dir (or set PIP_NO_CACHE_DIR=1, or mount a cache at /root/.cache/pip).',
    },
    fixable: 'safe',
  },
  create(ctx) {
    /** The cache directory pip uses goes to a cache mount, or is removed later in the RUN. */
    const cacheHandled = (cmd: PackageCommand, script: ShellScript, run: RunInstruction): boolean => {
      const command = cmd.view.command;
      const dirs = [...optionValues(cmd, '--cache-dir'), envValueFor('PIP_CACHE_DIR', command, script, run, ctx.file.dockerfile)]
        .filter((d): d is string => d !== undefined && d !== '')
        .map((d) => d.replace(/\/+$/, ''));
      const targets = mountTargets(run);
      if (targets.some((t) => /(^|\/)\.cache(\/pip)?$/.test(t) || dirs.includes(t))) return true;
      if (removalOf(script, ['/root/.cache/pip', '~/.cache/pip', ...dirs], command.span.end)) return true;
      return commandsOf(script, 'pip').some((c) => c.view.command.span.start > command.span.start && c.action === 'cache' && c.args.operands[0]?.value === 'purge');
    };
    return {
      'DockerfileInstruction:RUN'(run) {
        if (!layerIsShipped(run, ctx.file.dockerfile)) return;
        const script = ctx.file.shell(run);
        for (const cmd of commandsOf(script, 'pip')) {
          if (cmd.action !== 'install' || !cmd.actionWord || hasAnyOption(cmd, '--no-cache-dir')) continue;
          const noCache = envValueFor('PIP_NO_CACHE_DIR', cmd.view.command, script, run, ctx.file.dockerfile);
          if (isTruthy(noCache) || cacheHandled(cmd, script, run)) continue;
          const at = cmd.actionWord.span.end;
          ctx.report({ messageId: 'cache', span: cmd.actionWord.span, fix: { edits: [argumentInsertion(run, at, '--no-cache-dir')] } });
        }
      },
    };
  },
});
