import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  id: 'compose-bind-mount-missing',
  meta: {
    description: 'Relative bind-mount sources should exist beside the compose file',
    formats: ['compose'],
    severity: 'warning',
    recommended: true,
    category: 'correctness',
    sources: [],
    messages: {
      created: 'Bind-mount source "{{path}}" of service "{{service}}" does not exist: Docker creates an empty, root-owned folder there and the container sees nothing. Fix the path (it is relative to the compose file) or create it.',
      fails: 'Bind-mount source "{{path}}" of service "{{service}}" does not exist, so the container fails to start ("bind source path does not exist"); fix the path or set `bind: { create_host_path: true }`.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      ComposeService(service) {
        for (const m of service.mounts) {
          if (m.type !== 'bind' || m.sourceExists !== false || !m.source) continue;
          ctx.report({ messageId: m.createHostPath ? 'created' : 'fails', node: m.source.node, data: { path: m.source.value, service: service.name } });
        }
      },
    };
  },
});
