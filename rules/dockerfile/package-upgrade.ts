import { defineRule } from '../../src/core/rule.js';
import { packageCommands, type PackageManager } from '../../src/model/packages.js';
import { commandSpan } from '../../src/model/shell-query.js';

/** Subcommands that upgrade everything installed when no package is named. */
const UPGRADES: Partial<Record<PackageManager, readonly string[]>> = {
  'apt-get': ['upgrade', 'dist-upgrade', 'full-upgrade'],
  apt: ['upgrade', 'dist-upgrade', 'full-upgrade'],
  apk: ['upgrade'],
  yum: ['update', 'distro-sync'],
  dnf: ['upgrade', 'distro-sync'],
  microdnf: ['upgrade', 'distro-sync'],
  zypper: ['update', 'patch'],
};

export default defineRule({
  id: 'package-upgrade',
  meta: {
    description: 'Upgrading every installed package in a build makes the image depend on the day it was built',
    formats: ['dockerfile'],
    severity: 'info',
    recommended: false,
    category: 'reliability',
    sources: [
      { tool: 'hadolint', id: 'DL3005' },
      { tool: 'hadolint', id: 'DL3017' },
      { tool: 'hadolint', id: 'DL3031' },
      { tool: 'hadolint', id: 'DL3039' },
      { tool: 'trivy', id: 'DS024' },
    ],
    messages: {
      upgrade:
        '`{{command}}` upgrades whatever the repositories hold on the day of the build, so two builds of this Dockerfile differ; prefer a newer (or digest-pinned, regularly rebuilt) base image.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      'DockerfileInstruction:RUN'(run) {
        for (const cmd of packageCommands(ctx.file.shell(run))) {
          if (!UPGRADES[cmd.manager]?.includes(cmd.action) || cmd.args.operands.length > 0) continue;
          ctx.report({ messageId: 'upgrade', span: commandSpan(cmd.view), data: { command: `${cmd.manager} ${cmd.action}` } });
        }
      },
    };
  },
});
