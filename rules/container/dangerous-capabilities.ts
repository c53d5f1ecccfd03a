import { defineRule } from '../../src/core/rule.js';
import { normalizeCapability } from '../../src/model/capabilities.js';

interface Options {
  /** Capabilities that must not be added (without the CAP_ prefix). */
  capabilities: string[];
}

const WHY: Record<string, string> = {
  ALL: 'every capability, which is root on the host',
  SYS_ADMIN: 'mount, namespaces, BPF and more: enough to escape the container',
  NET_ADMIN: 'reconfigure interfaces, routes and firewall rules',
  NET_RAW: 'craft raw packets (ARP and DNS spoofing)',
  SYS_PTRACE: 'trace and read the memory of other processes',
  SYS_MODULE: 'load kernel modules',
  SYS_RAWIO: 'raw access to devices and I/O ports',
  SYS_BOOT: 'reboot the host',
  SYS_TIME: 'set the host clock',
  DAC_READ_SEARCH: 'read any file, bypassing permissions (the "shocker" escape)',
  BPF: 'load BPF programs into the kernel',
  PERFMON: 'observe other processes through perf events',
  MAC_ADMIN: 'change the mandatory access control policy',
  MAC_OVERRIDE: 'bypass the mandatory access control policy',
  SYSLOG: 'read and clear the kernel log',
};

export default defineRule<'added', Options>({
  id: 'dangerous-capabilities',
  meta: {
    description: 'Containers should not add dangerous Linux capabilities',
    formats: ['kubernetes', 'compose'],
    severity: 'warning',
    recommended: true,
    category: 'security',
    sources: [
      { tool: 'polaris', id: 'dangerousCapabilities' },
      { tool: 'checkov', id: 'CKV_K8S_39' },
      { tool: 'checkov', id: 'CKV_K8S_25' },
      { tool: 'trivy', id: 'KSV005' },
      { tool: 'trivy', id: 'KSV022' },
    ],
    messages: {
      added: 'Container "{{name}}" adds the {{capability}} capability ({{why}}); remove it, or grant a narrower one.',
    },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: { capabilities: { type: 'array', items: { type: 'string' }, description: 'Capabilities that must not be added.' } },
    },
    defaults: { capabilities: Object.keys(WHY) },
    fixable: false,
  },
  create(ctx, options) {
    const dangerous = new Set(options.capabilities.map(normalizeCapability));
    return {
      Container(c) {
        if (c.origin.format === 'dockerfile') return;
        for (const cap of c.security.capabilitiesAdd) {
          const name = normalizeCapability(cap.value);
          if (!dangerous.has(name)) continue;
          ctx.report({ messageId: 'added', node: cap.node, data: { name: c.origin.name, capability: name, why: WHY[name] ?? 'not needed by ordinary workloads' } });
        }
      },
    };
  },
});
