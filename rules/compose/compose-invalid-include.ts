import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  id: 'compose-invalid-include',
  meta: {
    description: '`include` must name existing compose files, without cycles or conflicting resources',
    formats: ['compose'],
    severity: 'error',
    recommended: true,
    category: 'correctness',
    sources: [{ tool: 'compose', id: 'include' }],
    messages: {
      missing: 'Cannot include "{{path}}": the file does not exist (paths are relative to this compose file).',
      cycle: 'Including "{{path}}" makes an include cycle; Compose rejects it.',
      conflict: '{{resource}} "{{name}}" is defined here and in the included "{{path}}"; Compose rejects the conflict. Rename one, or use extends instead.',
      unreadable: 'Cannot include "{{path}}": {{reason}}.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      ComposeProject(project) {
        for (const p of project.problems) {
          if (p.kind === 'includeMissingFile') ctx.report({ messageId: 'missing', node: p.node, data: { path: p.path } });
          else if (p.kind === 'includeCycle') ctx.report({ messageId: 'cycle', node: p.node, data: { path: p.path } });
          else if (p.kind === 'includeConflict') ctx.report({ messageId: 'conflict', node: p.node, data: { resource: p.resource.replace(/s$/, ''), name: p.name, path: p.path } });
          else if (p.kind === 'unreadableFile' && !p.reason.startsWith('it has no services')) ctx.report({ messageId: 'unreadable', node: p.node, data: { path: p.path, reason: p.reason } });
        }
      },
    };
  },
});
