import { defineRule } from '../../src/core/rule.js';
import { normalizeHostPath as normalize } from '../../src/model/host-paths.js';

interface Options {
  /** Host paths of container runtime sockets. */
  sockets: string[];
}

const SOCKETS = [
  '/var/run/docker.sock',
  '/run/docker.sock',
  '/var/run/containerd/containerd.sock',
  '/run/containerd/containerd.sock',
  '/var/run/crio/crio.sock',
  '/run/crio/crio.sock',
  '/var/run/cri-dockerd.sock',
  '/run/cri-dockerd.sock',
  '/run/podman/podman.sock',
  '/var/run/podman/podman.sock',
];


// create() runs once per file: normalise each configured list once.
const normalized = new WeakMap<readonly string[], ReadonlySet<string>>();
function socketSet(list: readonly string[]): ReadonlySet<string> {
  let set = normalized.get(list);
  if (!set) normalized.set(list, (set = new Set(list.map(normalize))));
  return set;
}

export default defineRule<'kubernetes' | 'compose', Options>({
  id: 'docker-socket-mount',
  meta: {
    description: 'Containers should not mount the container runtime socket',
    formats: ['kubernetes', 'compose'],
    severity: 'error',
    recommended: true,
    category: 'security',
    sources: [
      { tool: 'kube-linter', id: 'docker-sock' },
      { tool: 'checkov', id: 'CKV_K8S_27' },
      { tool: 'trivy', id: 'KSV006' },
    ],
    messages: {
      kubernetes:
        'Container "{{name}}" mounts the container runtime socket {{path}}: whoever can talk to it can start a privileged container and own the node; remove the hostPath volume, or use a narrower API.',
      compose:
        'Service "{{name}}" mounts the container runtime socket {{path}}: whoever can talk to it controls every container and the host; remove the bind mount, or put a filtering proxy in front of it.',
    },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: { sockets: { type: 'array', items: { type: 'string' }, description: 'Host paths of runtime sockets.' } },
    },
    defaults: { sockets: SOCKETS },
    fixable: false,
  },
  create(ctx, options) {
    const sockets = socketSet(options.sockets);
    return {
      Container(c) {
        if (c.origin.format === 'dockerfile') return;
        for (const mount of c.mounts) {
          if (mount.type !== 'hostPath' && mount.type !== 'bind') continue;
          const source = mount.source;
          if (!source || !sockets.has(normalize(source.value))) continue;
          ctx.report({
            messageId: c.origin.format,
            node: mount.node,
            data: { name: c.origin.name, path: normalize(source.value) },
            related: [{ node: source.node, message: 'The socket is mounted from here.' }],
          });
        }
      },
    };
  },
});
