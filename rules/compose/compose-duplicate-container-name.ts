import { defineRule } from '../../src/core/rule.js';
import { activeTogether } from '../../src/model/compose/query.js';
import type { ComposeService } from '../../src/model/compose/types.js';

export default defineRule({
  id: 'compose-duplicate-container-name',
  meta: {
    description: 'Container names must be unique across services',
    formats: ['compose'],
    severity: 'error',
    recommended: true,
    category: 'correctness',
    sources: [{ tool: 'dclint', id: 'no-duplicate-container-names' }],
    messages: {
      duplicate: 'Service "{{service}}" uses container_name "{{name}}", which service "{{other}}" uses already; Docker cannot create the second container. Give each service its own name.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      ComposeProject(project) {
        const byName = new Map<string, ComposeService[]>();
        for (const service of project.services) {
          const name = service.containerName?.value;
          if (!name) continue;
          const earlier = byName.get(name) ?? [];
          const other = earlier.find((s) => activeTogether(s, service));
          if (other) ctx.report({ messageId: 'duplicate', node: service.containerName!.node, data: { service: service.name, name, other: other.name }, object: service.objectRef });
          earlier.push(service);
          byName.set(name, earlier);
        }
      },
    };
  },
});
