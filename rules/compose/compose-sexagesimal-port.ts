import { defineRule } from '../../src/core/rule.js';
import { entry } from '../../src/parse/compose/tree.js';

/** YAML 1.1 base-60 integers: `22:22` is 1342 to a YAML 1.1 reader. */
const SEXAGESIMAL = /^[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+$/;

export default defineRule({
  id: 'compose-sexagesimal-port',
  meta: {
    description: 'Quote `HOST:CONTAINER` port mappings that YAML 1.1 reads as base-60 numbers',
    formats: ['compose'],
    severity: 'warning',
    recommended: true,
    category: 'correctness',
    sources: [{ tool: 'dclint', id: 'require-quotes-in-ports' }],
    messages: {
      sexagesimal: 'Unquoted port mapping {{text}} is a base-60 number ({{value}}) to YAML 1.1 readers (docker-compose v1, PyYAML, many tools); quote it: "{{text}}".',
    },
    fixable: 'safe',
  },
  create(ctx) {
    return {
      // The file as written: how a scalar is quoted is a property of the text, not of the merged project.
      ComposeFile(file) {
        const services = entry(file.tree, 'services');
        if (services?.kind !== 'map') return;
        for (const { value: service } of services.entries.values()) {
          const ports = entry(service, 'ports');
          if (ports?.kind !== 'seq') continue;
          for (const item of ports.items) {
            const node = item.node;
            if (item.kind !== 'scalar' || node.kind !== 'scalar' || node.style !== 'plain' || !SEXAGESIMAL.test(node.source)) continue;
            const value = node.source.split(':').reduce((acc, part) => acc * 60 + Number(part.replace(/_/g, '')), 0);
            ctx.report({
              messageId: 'sexagesimal',
              node,
              data: { text: node.source, value },
              fix: { edits: [{ span: { start: node.span.start, end: node.span.start }, text: '"' }, { span: { start: node.span.end, end: node.span.end }, text: '"' }] },
            });
          }
        }
      },
    };
  },
});
