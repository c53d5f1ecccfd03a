import { defineRule } from '../../src/core/rule.js';
import type { ExposeInstruction } from '../../src/parse/dockerfile/ast.js';

export default defineRule({
  id: 'expose-protocol-casing',
  meta: {
    description: 'EXPOSE protocols should be written in lower case',
    formats: ['dockerfile'],
    severity: 'info',
    recommended: true,
    category: 'style',
    sources: [{ tool: 'buildkit', id: 'ExposeProtoCasing' }],
    messages: { casing: 'Write the protocol in lower case: "{{fixed}}".' },
    fixable: 'safe',
  },
  create(ctx) {
    return {
      'DockerfileInstruction:EXPOSE'(ins: ExposeInstruction) {
        for (const port of ins.ports) {
          // The protocol as written, at the end of the word (not from a variable).
          const m = /\/([A-Za-z]+)(["']?)$/.exec(port.raw);
          if (!m || m[1] === m[1]!.toLowerCase()) continue;
          const end = port.span.end - m[2]!.length;
          const start = end - m[1]!.length;
          ctx.report({
            messageId: 'casing',
            node: port,
            data: { fixed: port.raw.slice(0, port.raw.length - m[0].length) + '/' + m[1]!.toLowerCase() + m[2] },
            fix: { edits: [{ span: { start, end }, text: m[1]!.toLowerCase() }] },
          });
        }
      },
    };
  },
});
