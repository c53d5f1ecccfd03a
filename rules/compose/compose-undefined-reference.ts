import { defineRule } from '../../src/core/rule.js';
import { isDeclared } from '../../src/model/compose/query.js';

const TOP_LEVEL = { network: 'networks', volume: 'volumes', secret: 'secrets', config: 'configs', model: 'models', service: 'services' } as const;

export default defineRule({
  id: 'compose-undefined-reference',
  meta: {
    description: 'Services may only use networks, volumes, secrets, configs, models and services the project defines',
    formats: ['compose'],
    severity: 'error',
    recommended: true,
    category: 'correctness',
    sources: [{ tool: 'compose', id: 'undefined-reference' }],
    messages: {
      resource: 'Service "{{service}}" uses {{kind}} "{{name}}", which is not defined; declare it under top-level `{{section}}:` (with `external: true` if it exists outside this project).',
      service: 'Service "{{service}}" refers to service "{{name}}" ({{via}}), which is not defined in this project; fix the name or add the service.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      ComposeProject(project) {
        for (const service of project.services) {
          for (const ref of service.references) {
            if (isDeclared(project, ref)) continue;
            if (ref.via === 'depends_on' && service.dependsOn.some((d) => d.service === ref.name && !d.required)) continue;
            const data = { service: service.name, kind: ref.kind, name: ref.name.value, section: TOP_LEVEL[ref.kind], via: ref.via };
            ctx.report({ messageId: ref.kind === 'service' ? 'service' : 'resource', node: ref.name.node, data, object: service.objectRef });
          }
        }
      },
    };
  },
});
