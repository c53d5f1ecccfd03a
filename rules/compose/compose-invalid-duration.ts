import { defineRule } from '../../src/core/rule.js';
import { isDuration } from '../../src/model/compose/duration.js';

export default defineRule({
  id: 'compose-invalid-duration',
  meta: {
    description: 'Durations must be written with units, as Go reads them: `10s`, `1m30s`, `500ms`',
    formats: ['compose'],
    severity: 'error',
    recommended: true,
    category: 'correctness',
    sources: [{ tool: 'compose', id: 'invalid-duration' }],
    messages: {
      invalid: '"{{value}}" is not a duration ({{field}} of service "{{service}}"); write a number with a unit, such as 10s, 1m30s or 500ms.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      ComposeService(service) {
        for (const { field, value } of service.durations) {
          if (!isDuration(value.value)) ctx.report({ messageId: 'invalid', node: value.node, data: { value: value.value, field, service: service.name } });
        }
      },
    };
  },
});
