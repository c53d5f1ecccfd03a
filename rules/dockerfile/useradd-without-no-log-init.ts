import { defineRule } from '../../src/core/rule.js';
import { argumentInsertion } from '../../src/model/dockerfile-query.js';
import { findCommands, parseOptions } from '../../src/model/shell-query.js';

/** useradd options that take a value. */
const VALUE_OPTIONS = ['-b', '--base-dir', '-c', '--comment', '-d', '--home-dir', '-e', '--expiredate', '-f', '--inactive', '-g', '--gid', '-G', '--groups', '-k', '--skel', '-K', '--key', '-p', '--password', '-R', '--root', '-P', '--prefix', '-s', '--shell', '-u', '--uid', '-Z', '--selinux-user'];

export default defineRule({
  id: 'useradd-without-no-log-init',
  meta: {
    description: 'useradd with a high UID needs -l (--no-log-init), or the image grows by a huge sparse log file',
    formats: ['dockerfile'],
    severity: 'warning',
    recommended: true,
    category: 'efficiency',
    sources: [{ tool: 'hadolint', id: 'DL3046' }],
    messages: {
      logInit:
        '`useradd -u {{uid}}` without -l writes lastlog and faillog entries at offset {{uid}}: sparse files that image layers store in full (hundreds of MB). Add -l (--no-log-init).',
    },
    fixable: 'safe',
  },
  create(ctx) {
    return {
      'DockerfileInstruction:RUN'(run) {
        for (const view of findCommands(ctx.file.shell(run), 'useradd')) {
          const parsed = parseOptions(view.args, { withValue: VALUE_OPTIONS });
          if (parsed.options.some((o) => o.name === '-l' || o.name === '--no-log-init')) continue;
          const uid = parsed.options.find((o) => o.name === '-u' || o.name === '--uid')?.value;
          if (uid === undefined || !/^\d+$/.test(uid) || Number(uid) < 100000) continue;
          const at = view.nameWord.span.end;
          ctx.report({ messageId: 'logInit', span: view.nameWord.span, data: { uid }, fix: { edits: [argumentInsertion(run, at, '-l')] } });
        }
      },
    };
  },
});
