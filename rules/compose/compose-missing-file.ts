import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  id: 'compose-missing-file',
  meta: {
    description: 'Files a service needs (env_file, build context and Dockerfile, secret and config files) must exist',
    formats: ['compose'],
    severity: 'error',
    recommended: true,
    category: 'correctness',
    sources: [{ tool: 'compose', id: 'missing-file' }],
    messages: {
      envFile: 'env_file "{{path}}" of service "{{service}}" does not exist, so Compose stops; create it, fix the path, or mark it `required: false`.',
      context: 'The build context "{{path}}" of service "{{service}}" does not exist; fix the path (it is relative to the compose file).',
      dockerfile: 'The Dockerfile "{{path}}" of service "{{service}}" does not exist in its build context; fix `build.dockerfile` (it is relative to the context).',
      resource: 'The file "{{path}}" of {{kind}} "{{name}}" does not exist; Compose cannot create the {{kind}}.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      ComposeProject(project) {
        for (const service of project.services) {
          const data = { service: service.name };
          for (const f of service.envFiles) {
            if (f.required && f.exists === false) ctx.report({ messageId: 'envFile', node: f.path.node, data: { ...data, path: f.path.value }, object: service.objectRef });
          }
          const build = service.build;
          if (build?.contextExists === false) {
            ctx.report({ messageId: 'context', node: build.context?.node ?? build.node, data: { ...data, path: build.context?.value ?? '.' }, object: service.objectRef });
          } else if (build?.dockerfileExists === false) {
            ctx.report({ messageId: 'dockerfile', node: build.dockerfile?.node ?? build.node, data: { ...data, path: build.dockerfile?.value ?? 'Dockerfile' }, object: service.objectRef });
          }
        }
        for (const [kind, map] of [['secret', project.secrets], ['config', project.configs]] as const) {
          for (const r of map.values()) {
            if (r.file && r.fileExists === false) ctx.report({ messageId: 'resource', node: r.file.node, data: { kind, name: r.name, path: r.file.value } });
          }
        }
      },
    };
  },
});
