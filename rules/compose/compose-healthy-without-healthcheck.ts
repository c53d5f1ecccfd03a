import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  id: 'compose-healthy-without-healthcheck',
  meta: {
    description: '`condition: service_healthy` needs a dependency that has a health check',
    formats: ['compose'],
    severity: 'error',
    recommended: true,
    category: 'correctness',
    sources: [],
    messages: {
      none: 'Service "{{service}}" waits for "{{name}}" to be healthy, but "{{name}}" has no health check{{why}}, so it never becomes healthy and "{{service}}" never starts; add a `healthcheck:` to "{{name}}" or use `condition: service_started`.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      ComposeProject(project) {
        for (const service of project.services) {
          for (const dep of service.dependsOn) {
            if (dep.condition !== 'service_healthy') continue;
            const target = project.servicesByName.get(dep.service.value);
            if (!target) continue;
            let why: string | undefined;
            if (target.healthcheck?.disabled) why = ' (it is disabled)';
            else if (!target.healthcheck && target.imageHealthcheck === 'absent') why = ' (neither in compose nor in its Dockerfile)';
            else if (!target.healthcheck && target.imageHealthcheck === 'disabled') why = ' (its Dockerfile says HEALTHCHECK NONE)';
            if (why === undefined) continue;
            ctx.report({ messageId: 'none', node: dep.conditionNode ?? dep.service.node, data: { service: service.name, name: target.name, why }, object: service.objectRef });
          }
        }
      },
    };
  },
});
