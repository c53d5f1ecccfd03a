import { defineRule } from '../../src/core/rule.js';
import { serviceDependencies } from '../../src/model/compose/query.js';
import type { ComposeReference, ComposeService } from '../../src/model/compose/types.js';

export default defineRule({
  id: 'compose-dependency-cycle',
  meta: {
    description: 'Services must not depend on each other in a cycle',
    formats: ['compose'],
    severity: 'error',
    recommended: true,
    category: 'correctness',
    sources: [{ tool: 'compose', id: 'dependency-cycle' }],
    messages: {
      cycle: 'Dependency cycle: {{cycle}}. Compose cannot decide which service to start first; remove one of these dependencies.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      ComposeProject(project) {
        // Depth-first search; an edge back to a service still on the stack closes a cycle, reported once on that edge.
        const state = new Map<string, 'open' | 'done'>();
        const stack: string[] = [];
        const visit = (service: ComposeService): void => {
          state.set(service.name, 'open');
          stack.push(service.name);
          const seen = new Set<string>();
          for (const edge of serviceDependencies(service)) {
            const target = project.servicesByName.get(edge.name.value);
            if (!target || seen.has(target.name)) continue;
            seen.add(target.name);
            const s = state.get(target.name);
            if (s === 'open') report(service, edge, [...stack.slice(stack.indexOf(target.name)), target.name]);
            else if (s === undefined) visit(target);
          }
          stack.pop();
          state.set(service.name, 'done');
        };
        const report = (service: ComposeService, edge: ComposeReference, cycle: string[]) =>
          ctx.report({ messageId: 'cycle', node: edge.name.node, data: { cycle: cycle.join(' → ') }, object: service.objectRef });
        for (const service of project.services) if (!state.has(service.name)) visit(service);
      },
    };
  },
});
