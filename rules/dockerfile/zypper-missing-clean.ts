import { defineRule } from '../../src/core/rule.js';
import { commandsOf, type PackageCommand } from '../../src/model/packages.js';
import { layerIsShipped, mountCovers, removalOf } from '../../src/model/run-cleanup.js';
import { commandSpan } from '../../src/model/shell-query.js';

const INSTALLS = new Set(['install', 'source-install', 'update', 'dist-upgrade', 'patch']);
const CACHE_DIRS = ['/var/cache/zypp'];

const cleans = (c: PackageCommand): boolean => c.action === 'clean';

export default defineRule({
  id: 'zypper-missing-clean',
  meta: {
    description: 'Run zypper clean after zypper install in the same RUN',
    formats: ['dockerfile'],
    severity: 'warning',
    recommended: true,
    category: 'efficiency',
    sources: [
      { tool: 'hadolint', id: 'DL3036' },
      { tool: 'trivy', id: 'DS020' },
    ],
    messages: {
      clean: 'The metadata and packages \`{{command}}\` downloads stay in this layer; end the RUN with \`zypper clean --all\` (or mount a cache at /var/cache/zypp).',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      'DockerfileInstruction:RUN'(run) {
        if (!layerIsShipped(run, ctx.file.dockerfile) || CACHE_DIRS.some((d) => mountCovers(run, d))) return;
        const script = ctx.file.shell(run);
        const last = commandsOf(script, 'zypper').filter((c) => INSTALLS.has(c.action)).at(-1);
        if (!last) return;
        const after = last.view.command.span.end;
        const cleaned = commandsOf(script, 'zypper').some((c) => c.view.command.span.start > after && cleans(c)) || removalOf(script, CACHE_DIRS, after);
        if (cleaned) return;
        ctx.report({ messageId: 'clean', span: commandSpan(last.view), data: { command: `${last.manager} ${last.action}` } });
      },
    };
  },
});
