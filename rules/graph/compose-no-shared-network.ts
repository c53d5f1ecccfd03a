import { defineRule } from '../../src/core/rule.js';
import { networksOf, shareNetwork } from '../../src/model/graph/compose/network.js';
import '../../src/model/graph/compose/part.js';

export default defineRule<'dependsOn' | 'link'>({
  id: 'compose-no-shared-network',
  meta: {
    description: 'A compose service should share a network with the services it depends on or links to',
    formats: ['compose'],
    severity: 'warning',
    recommended: true,
    category: 'correctness',
    sources: [],
    messages: {
      dependsOn:
        'Service "{{service}}" depends on "{{other}}" but they share no network ({{mine}} vs {{theirs}}), so "{{other}}" does not resolve from "{{service}}"; put both on a common network.',
      link: 'Service "{{service}}" links to "{{other}}" but they share no network ({{mine}} vs {{theirs}}), so the link cannot work; put both on a common network.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      Project(graph) {
        for (const p of graph.compose) {
          const byName = new Map(p.services.map((s) => [s.name, s]));
          for (const s of p.services) {
            const check = (other: string, at: typeof s.at, messageId: 'dependsOn' | 'link') => {
              const target = byName.get(other);
              if (!target) return;
              const mine = networksOf(p, s);
              const theirs = networksOf(p, target);
              // network_mode none or an unknown container: nothing to compare.
              if (mine.length === 0 || theirs.length === 0 || shareNetwork(p, s, target)) return;
              // A dependency that shows no sign of serving anything (no ports, expose or health check) may be waited for only.
              if (messageId === 'dependsOn' && target.ports.length === 0 && !target.exposes && target.healthcheck !== 'defined') return;
              ctx.report({ messageId, node: at, data: { service: s.name, other, mine: mine.join(', '), theirs: theirs.join(', ') } });
            };
            // Waiting for a one-off job to finish implies no connection to it.
            for (const d of s.dependsOn) if (d.condition !== 'service_completed_successfully') check(d.service, d.at, 'dependsOn');
            for (const l of s.links) check(l.service, l.at, 'link');
          }
        }
      },
    };
  },
});
