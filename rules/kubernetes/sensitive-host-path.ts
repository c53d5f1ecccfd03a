import { defineRule } from '../../src/core/rule.js';
import { normalizeHostPath } from '../../src/model/host-paths.js';

interface Options {
  /** Host paths (exact, after normalising slashes) that no workload should mount. */
  paths: string[];
}

const PATHS = [
  '/', '/bin', '/boot', '/dev', '/etc', '/lib', '/lib64', '/proc', '/root', '/sbin', '/sys', '/usr', '/var',
  '/var/run', '/run', '/etc/kubernetes', '/etc/kubernetes/pki', '/var/lib/kubelet', '/var/lib/docker', '/var/lib/containerd', '/var/lib/etcd',
];

export default defineRule<'sensitive', Options>({
  id: 'sensitive-host-path',
  meta: {
    description: "Pods should not mount the node's system directories",
    formats: ['kubernetes'],
    severity: 'warning',
    recommended: true,
    category: 'security',
    sources: [
      { tool: 'kube-linter', id: 'sensitive-host-mounts' },
      { tool: 'trivy', id: 'KSV023' },
    ],
    messages: {
      sensitive:
        'Volume "{{volume}}" mounts the node\'s {{path}}, which holds the node\'s system files, credentials or runtime sockets; mount only the specific file needed, read-only, or avoid hostPath.',
    },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: { paths: { type: 'array', items: { type: 'string' }, description: 'Host paths to report (exact match).' } },
    },
    defaults: { paths: PATHS },
    fixable: false,
  },
  create(ctx, options) {
    const sensitive = new Set(options.paths.map(normalizeHostPath));
    return {
      KubernetesPodTemplate(t) {
        for (const volume of t.volumes.values()) {
          if (volume.type !== 'hostPath' || !volume.source) continue;
          const path = normalizeHostPath(volume.source.value);
          if (sensitive.has(path)) ctx.report({ messageId: 'sensitive', node: volume.source.node, data: { volume: volume.name, path } });
        }
      },
    };
  },
});
