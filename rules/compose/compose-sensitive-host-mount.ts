import { defineRule } from '../../src/core/rule.js';

interface Options {
  /** Host paths (and their sub-paths) that should not be mounted into containers. */
  paths: string[];
}

export default defineRule<'sensitive', Options>({
  id: 'compose-sensitive-host-mount',
  meta: {
    description: 'Sensitive host folders (/, /etc, /proc, /root, …) should not be mounted into containers',
    formats: ['compose'],
    severity: 'warning',
    recommended: true,
    category: 'security',
    sources: [{ tool: 'kics', id: '1c1325ff-831d-43a1-973e-839ae57dfcc0' }],
    messages: {
      sensitive: 'Service "{{service}}" mounts the host\'s "{{path}}"{{mode}}: a compromised container can read{{write}} the host\'s {{what}}. Mount only the files it needs, read-only.',
    },
    options: { type: 'object', additionalProperties: false, properties: { paths: { type: 'array', items: { type: 'string' } } } },
    defaults: { paths: ['/', '/etc', '/proc', '/sys', '/root', '/boot', '/dev', '/var/lib/docker', '/var/lib/kubelet', '/home', '/usr', '/lib', '/bin', '/sbin'] },
    fixable: false,
  },
  create(ctx, options) {
    const sensitive = options.paths.map((p) => (p.length > 1 ? p.replace(/\/+$/, '') : p));
    return {
      ComposeService(service) {
        for (const m of service.mounts) {
          if (m.type !== 'bind' || !m.source) continue;
          const path = m.source.value.length > 1 ? m.source.value.replace(/\/+$/, '') : m.source.value;
          if (!path.startsWith('/')) continue;
          const hit = sensitive.find((s) => path === s || (s !== '/' && path.startsWith(`${s}/`) && !/^\/(?:etc\/localtime|etc\/timezone|dev\/(?:null|zero|u?random|shm|kmsg|fuse|net\/tun|dri|snd))$/.test(path)));
          if (!hit) continue;
          ctx.report({
            messageId: 'sensitive',
            node: m.source.node,
            data: { service: service.name, path, mode: m.readOnly ? ' (read-only)' : '', write: m.readOnly ? '' : ' and change', what: path === '/' ? 'whole file system' : 'system files' },
          });
        }
      },
    };
  },
});
