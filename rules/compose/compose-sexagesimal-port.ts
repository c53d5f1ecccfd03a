import { defineRule } from '../../src/core/rule.js';
import type { YScalar } from '../../src/parse/yaml/nodes.js';

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
      ComposeService(service) {
        for (const port of service.ports) {
          const node = port.scalar;
          if (node?.kind !== 'scalar' || node.style !== 'plain' || !SEXAGESIMAL.test(node.source)) continue;
          const scalar = node as YScalar;
          const value = scalar.source.split(':').reduce((acc, part) => acc * 60 + Number(part.replace(/_/g, '')), 0);
          ctx.report({
            messageId: 'sexagesimal',
            node: scalar,
            data: { text: scalar.source, value },
            fix: { edits: [{ span: { start: scalar.span.start, end: scalar.span.start }, text: '"' }, { span: { start: scalar.span.end, end: scalar.span.end }, text: '"' }] },
          });
        }
      },
    };
  },
});
