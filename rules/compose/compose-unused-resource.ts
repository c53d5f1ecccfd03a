import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  id: 'compose-unused-resource',
  meta: {
    description: 'Top-level networks, volumes, secrets and configs should be used by a service',
    formats: ['compose'],
    severity: 'info',
    recommended: false,
    category: 'style',
    sources: [],
    messages: {
      unused: '{{kind}} "{{name}}" is defined but no service uses it; remove it or attach it to the service that needs it.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      ComposeProject(project) {
        const used = new Set<string>();
        for (const s of project.services) for (const r of s.references) used.add(`${r.kind}:${r.name.value}`);
        const kinds = [['network', project.networks], ['volume', project.volumes], ['secret', project.secrets], ['config', project.configs]] as const;
        for (const [kind, map] of kinds) {
          for (const r of map.values()) {
            // `default` is used implicitly by every service without `networks:`.
            if (kind === 'network' && r.name === 'default') continue;
            if (!used.has(`${kind}:${r.name}`)) ctx.report({ messageId: 'unused', node: r.key, data: { kind: kind[0]!.toUpperCase() + kind.slice(1), name: r.name } });
          }
        }
      },
    };
  },
});
