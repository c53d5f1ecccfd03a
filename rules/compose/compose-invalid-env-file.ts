import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  id: 'compose-invalid-env-file',
  meta: {
    description: 'Env files used for interpolation (.env, --env-file, include env_file) must exist and be readable',
    formats: ['compose'],
    severity: 'error',
    recommended: true,
    category: 'correctness',
    sources: [{ tool: 'compose', id: 'env-file' }],
    messages: {
      missing: 'The env file "{{path}}" does not exist; Compose stops. Fix the path.',
      unreadable: 'The env file "{{path}}" cannot be read (binary or unreadable), so its variables are missing; Compose stops.',
      syntax: 'Syntax error in env file "{{path}}": {{message}}. Write KEY=VALUE, one per line.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      ComposeProject(project) {
        // A problem with the project's own .env has no place in YAML: the first line of the main file.
        const root = project.files.find((f) => f.role === 'main')?.roots[0];
        const where = root?.kind === 'map' && root.pairs[0] ? root.pairs[0].key : project.tree.node;
        for (const p of project.problems) {
          if (p.kind === 'envFileMissing') ctx.report({ messageId: 'missing', node: p.node ?? where, data: { path: p.path } });
          else if (p.kind === 'envFileUnreadable') ctx.report({ messageId: 'unreadable', node: p.node ?? where, data: { path: p.path } });
          else if (p.kind === 'envFileSyntax') ctx.report({ messageId: 'syntax', node: p.node, data: { path: p.path, message: p.message } });
        }
      },
    };
  },
});
