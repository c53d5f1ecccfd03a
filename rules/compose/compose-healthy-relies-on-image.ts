import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  id: 'compose-healthy-relies-on-image',
  meta: {
    description: '`condition: service_healthy` on a service whose only health check could be in its image',
    formats: ['compose'],
    severity: 'warning',
    recommended: true,
    category: 'reliability',
    sources: [],
    messages: {
      image: 'Service "{{service}}" waits for "{{name}}" to be healthy, but "{{name}}" declares no `healthcheck:`; unless its image "{{image}}" defines a HEALTHCHECK, "{{service}}" never starts. Add a `healthcheck:` to "{{name}}" to make it explicit.',
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
            if (!target || target.healthcheck || target.imageHealthcheck !== 'unknown') continue;
            const image = target.image?.value ?? (target.build ? 'built from a remote or unreadable Dockerfile' : 'unknown');
            ctx.report({ messageId: 'image', node: dep.conditionNode ?? dep.service.node, data: { service: service.name, name: target.name, image }, object: service.objectRef });
          }
        }
      },
    };
  },
});
