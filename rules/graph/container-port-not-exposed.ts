import { defineRule } from '../../src/core/rule.js';
import '../../src/model/graph/links.js';

export default defineRule<'notExposed'>({
  id: 'container-port-not-exposed',
  meta: {
    description: 'Container ports should match the ports the image EXPOSEs',
    formats: ['kubernetes'],
    severity: 'info',
    recommended: true,
    category: 'correctness',
    sources: [],
    messages: {
      notExposed:
        'Container "{{container}}" declares port {{port}}/{{protocol}}, but the image built by {{dockerfile}} EXPOSEs {{exposed}}; check which port the application listens on.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      Project(graph) {
        for (const [container, build] of graph.links.containers) {
          const exposes = build.stage.image.exposes.filter((e) => e.port !== undefined);
          if (exposes.length === 0) continue;
          const exposed = exposes.map((e) => `${e.port}${e.endPort ? `-${e.endPort}` : ''}/${e.protocol}`).join(', ');
          for (const p of container.ports) {
            const protocol = p.protocol.toLowerCase();
            const matches = exposes.some((e) => e.protocol.toLowerCase() === protocol && p.port >= e.port! && p.port <= (e.endPort ?? e.port!));
            if (matches) continue;
            ctx.report({
              messageId: 'notExposed',
              node: p.at,
              data: { container: container.name, port: p.port, protocol, dockerfile: build.model.file.path, exposed },
              related: [{ node: exposes[0]!.at, message: `EXPOSE in ${build.model.file.path}.` }],
            });
          }
        }
      },
    };
  },
});
