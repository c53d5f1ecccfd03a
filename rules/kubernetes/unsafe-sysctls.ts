import { defineRule } from '../../src/core/rule.js';

interface Options {
  /** Sysctls that are safe (namespaced and isolated), besides the Pod Security Standards' list. */
  allow: string[];
}

/** The Pod Security Standards' safe set (Kubernetes 1.29). */
const SAFE = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
]);

/** `net/ipv4/ip_forward` is `net.ipv4.ip_forward`. */
const canonical = (name: string) => name.trim().replaceAll('/', '.');

export default defineRule<'unsafe', Options>({
  id: 'unsafe-sysctls',
  meta: {
    description: 'Pods should set only safe sysctls',
    formats: ['kubernetes'],
    severity: 'warning',
    recommended: true,
    category: 'security',
    sources: [
      { tool: 'kube-linter', id: 'unsafe-sysctls' },
      { tool: 'trivy', id: 'KSV026' },
    ],
    messages: {
      unsafe:
        'The sysctl {{sysctl}} is not in the safe set: it can affect other pods or the node, and the kubelet refuses the pod unless it is started with --allowed-unsafe-sysctls; remove it or tune it on the node.',
    },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: { allow: { type: 'array', items: { type: 'string' }, description: 'More sysctls to treat as safe.' } },
    },
    defaults: { allow: [] },
    fixable: false,
  },
  create(ctx, options) {
    const allowed = new Set([...SAFE, ...options.allow.map(canonical)]);
    return {
      KubernetesPodTemplate(t) {
        for (const sysctl of t.spec.object('securityContext')?.list('sysctls') ?? []) {
          const name = sysctl.string('name');
          if (name && !allowed.has(canonical(name.value))) ctx.report({ messageId: 'unsafe', node: name.node, data: { sysctl: name.value } });
        }
      },
    };
  },
});
