import { defineRule } from '../../src/core/rule.js';

/** `./data:/data`, `/srv:/srv:ro`, `8080:80`, `127.0.0.1:80:80`: lines that belong under volumes or ports. */
const VOLUME = /^(?:\.{0,2}\/|~\/)[^=\s]*:\/[^=\s]*$/;
const PORT = /^(?:\d{1,3}(?:\.\d{1,3}){3}:)?\d{1,5}(?:-\d{1,5})?:\d{1,5}(?:-\d{1,5})?(?:\/(?:tcp|udp|sctp))?$/;

export default defineRule({
  id: 'compose-env-misplaced',
  meta: {
    description: 'An `environment` entry that is a volume or port mapping belongs under `volumes` or `ports`',
    formats: ['compose'],
    severity: 'warning',
    recommended: true,
    category: 'correctness',
    sources: [],
    messages: {
      volume: '"{{text}}" under `environment` looks like a volume mapping, but it only sets a variable named "{{text}}"; move it to `volumes:`.',
      port: '"{{text}}" under `environment` looks like a port mapping, but it only sets a variable named "{{text}}"; move it to `ports:`.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      ComposeService(service) {
        for (const e of service.environment) {
          if (!e.fromList || e.value !== undefined) continue;
          const text = e.name.value.trim();
          const kind = VOLUME.test(text) ? 'volume' : PORT.test(text) ? 'port' : undefined;
          if (kind) ctx.report({ messageId: kind, node: e.node, data: { text } });
        }
      },
    };
  },
});
