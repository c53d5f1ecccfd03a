import { defineRule } from '../../src/core/rule.js';
import { bindsAllInterfaces } from '../../src/model/compose/ports.js';

interface Options {
  /** Container ports of databases, caches and brokers that should not be reachable from other hosts. */
  ports: number[];
}

const NAMES: Record<number, string> = {
  5432: 'PostgreSQL', 3306: 'MySQL/MariaDB', 6379: 'Redis', 27017: 'MongoDB', 9200: 'Elasticsearch', 9300: 'Elasticsearch',
  5672: 'RabbitMQ', 15672: 'RabbitMQ management', 1433: 'SQL Server', 1521: 'Oracle', 11211: 'Memcached', 5984: 'CouchDB',
  9042: 'Cassandra', 8086: 'InfluxDB', 2379: 'etcd', 9092: 'Kafka', 2181: 'ZooKeeper', 6380: 'Redis', 26257: 'CockroachDB',
};

export default defineRule<'exposed', Options>({
  id: 'compose-database-port-exposed',
  meta: {
    description: 'Database, cache and broker ports should not be published on every host interface',
    formats: ['compose'],
    severity: 'warning',
    recommended: true,
    category: 'security',
    sources: [],
    messages: {
      exposed: 'Service "{{service}}" publishes {{what}} port {{port}} on all host interfaces, so anyone who can reach the host can reach it; bind it to 127.0.0.1 ("127.0.0.1:{{host}}:{{port}}") or drop the mapping and connect over the compose network.',
    },
    options: { type: 'object', additionalProperties: false, properties: { ports: { type: 'array', items: { type: 'integer', minimum: 1, maximum: 65535 } } } },
    defaults: { ports: Object.keys(NAMES).map(Number) },
    fixable: false,
  },
  create(ctx, options) {
    const watched = new Set(options.ports);
    return {
      ComposeService(service) {
        for (const p of service.ports) {
          if (p.error || p.published === undefined || p.target === undefined || !bindsAllInterfaces(p.hostIp)) continue;
          for (let port = p.target; port <= (p.targetEnd ?? p.target); port++) {
            if (!watched.has(port)) continue;
            ctx.report({ messageId: 'exposed', node: p.node, data: { service: service.name, what: NAMES[port] ?? 'database', port, host: p.published } });
            break;
          }
        }
      },
    };
  },
});
