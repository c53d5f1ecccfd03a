import { defineRule } from '../../src/core/rule.js';

/** What each list holds, for the message. */
const WHAT: Record<string, string> = {
  environment: 'environment variable',
  labels: 'label',
  annotations: 'annotation',
  ports: 'port mapping',
  volumes: 'mount at',
  expose: 'exposed port',
  cap_add: 'capability',
  cap_drop: 'capability',
  sysctls: 'sysctl',
  secrets: 'secret at',
  configs: 'config at',
};

export default defineRule({
  id: 'compose-duplicate-entry',
  meta: {
    description: 'A list in one compose file should not name the same variable, label, port or mount twice',
    formats: ['compose'],
    severity: 'warning',
    recommended: true,
    category: 'correctness',
    sources: [],
    messages: {
      duplicate:
        'Service "{{service}}" lists {{what}} "{{key}}" twice in `{{list}}`; Compose keeps only the last one, so remove the other.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      ComposeProject(project) {
        for (const r of project.redefinitions) {
          // Across files a redefinition is what an override file is for.
          if (r.earlier.node.file !== r.later.node.file) continue;
          const [, service, list] = r.path;
          if (service === undefined || list === undefined) continue;
          ctx.report({
            messageId: 'duplicate',
            node: r.later.node,
            data: { service, list: r.path.slice(2).join('.'), key: r.key, what: WHAT[list] ?? 'entry' },
            related: [{ node: r.earlier.node, message: 'First listed here.' }],
          });
        }
      },
    };
  },
});
