import { defineRule } from '../../src/core/rule.js';
import type { ShellScript } from '../../src/parse/dockerfile/shell.js';
import { packageCommands, type PackageCommand, type PackageManager } from '../../src/model/packages.js';
import { commandSpan, viewCommand } from '../../src/model/shell-query.js';

/** Commands that refresh the package index, and the commands of the same family that use it. */
const FAMILIES: { managers: PackageManager[]; refresh: string[]; use: string[] }[] = [
  { managers: ['apt-get', 'apt'], refresh: ['update'], use: ['install', 'reinstall', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'source', 'satisfy'] },
  { managers: ['apk'], refresh: ['update'], use: ['add', 'upgrade', 'fix'] },
  { managers: ['zypper'], refresh: ['refresh'], use: ['install', 'update', 'dist-upgrade', 'patch', 'source-install'] },
  {
    managers: ['yum', 'dnf', 'microdnf'],
    refresh: ['makecache'],
    use: ['install', 'reinstall', 'localinstall', 'groupinstall', 'update', 'upgrade', 'distro-sync', 'module install', 'group install', 'builddep'],
  },
];

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'source', '.']);

/** A command after the refresh whose effect we cannot see (`./install-deps.sh`, `bash setup.sh`) may be the install. */
function runsScriptAfter(script: ShellScript, offset: number): boolean {
  return script.commands.some((c) => {
    if (c.span.start <= offset) return false;
    const view = viewCommand(c);
    if (!view) return false;
    const name = view.nameWord.value ?? view.nameWord.text;
    return (SHELLS.has(view.name) && view.args.length > 0) || (name.includes('/') && !name.startsWith('/usr/bin/') && !name.startsWith('/bin/')) || name.endsWith('.sh');
  });
}

export default defineRule({
  id: 'update-without-install',
  meta: {
    description: 'Refresh the package index in the same RUN as the install that uses it',
    formats: ['dockerfile'],
    severity: 'warning',
    recommended: true,
    category: 'reliability',
    sources: [
      { tool: 'trivy', id: 'DS017' },
      { tool: 'checkov', id: 'CKV_DOCKER_5' },
    ],
    messages: {
      alone:
        '`{{command}}` runs in a RUN without an install: the refreshed index is cached in its own layer, so a later install can use a stale one. Run `{{command}} && {{manager}} {{install}} …` in one RUN.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      'DockerfileInstruction:RUN'(run) {
        const script = ctx.file.shell(run);
        const commands = packageCommands(script);
        for (const family of FAMILIES) {
          const own = commands.filter((c) => family.managers.includes(c.manager));
          const refreshes = own.filter((c) => family.refresh.includes(c.action));
          const last = refreshes.at(-1);
          if (!last) continue;
          const used = own.some((c: PackageCommand) => family.use.includes(c.action) && c.view.command.span.start > last.view.command.span.start);
          if (used || runsScriptAfter(script, last.view.command.span.start)) continue;
          ctx.report({
            messageId: 'alone',
            span: commandSpan(last.view),
            data: { command: `${last.manager} ${last.action}`, manager: last.manager, install: last.manager === 'apk' ? 'add' : 'install' },
          });
        }
      },
    };
  },
});
