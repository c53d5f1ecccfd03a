import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  id: 'compose-invalid-extends',
  meta: {
    description: '`extends` must name an existing service (and file), without cycles',
    formats: ['compose'],
    severity: 'error',
    recommended: true,
    category: 'correctness',
    sources: [{ tool: 'compose', id: 'extends' }],
    messages: {
      missingService: 'Cannot extend service "{{name}}": {{file}} has no such service; fix the name or the file.',
      missingFile: 'Cannot extend from "{{path}}": the file does not exist (paths are relative to this compose file).',
      cycle: 'Circular `extends`: {{chain}}; Compose rejects it. Break the chain.',
      unreadable: 'Cannot extend from "{{path}}": {{reason}}.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      ComposeProject(project) {
        for (const p of project.problems) {
          if (p.kind === 'extendsMissingService') ctx.report({ messageId: 'missingService', node: p.node, data: { name: p.service, file: p.file } });
          else if (p.kind === 'extendsMissingFile') ctx.report({ messageId: 'missingFile', node: p.node, data: { path: p.path } });
          else if (p.kind === 'extendsCycle') ctx.report({ messageId: 'cycle', node: p.node, data: { chain: p.chain.join(' → ') } });
          else if (p.kind === 'unreadableFile' && p.reason.startsWith('it has no services')) ctx.report({ messageId: 'unreadable', node: p.node, data: { path: p.path, reason: p.reason } });
        }
      },
    };
  },
});
