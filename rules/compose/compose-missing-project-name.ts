import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  id: 'compose-missing-project-name',
  meta: {
    description: 'A top-level `name` fixes the project name instead of deriving it from the folder',
    formats: ['compose'],
    severity: 'info',
    recommended: false,
    category: 'style',
    sources: [{ tool: 'dclint', id: 'require-project-name-field' }],
    messages: {
      missing: 'No top-level `name`: the project (and its containers, networks and volumes) is named after the folder, which changes when the repository is cloned elsewhere; add `name: <project>`.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      ComposeProject(project) {
        if (project.tree.entries.has('name') || project.services.length === 0) return;
        const first = project.files.find((f) => f.role === 'main');
        const root = first?.roots[0];
        if (root && root.kind === 'map' && root.pairs[0]) ctx.report({ messageId: 'missing', node: root.pairs[0].key });
      },
    };
  },
});
