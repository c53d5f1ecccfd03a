/**
 * Port mappings as Docker reads them (go-connections' ParsePortSpec, used by Compose):
 * short syntax `[[HOST_IP:]HOST_PORT:]CONTAINER_PORT[/PROTOCOL]`, where either port may be
 * a range `a-b` and an IPv6 host address is written in brackets; long syntax `target`,
 * `published`, `host_ip`, `protocol`.
 */
export interface PortMapping {
  target: number;
  targetEnd: number;
  /** Undefined: no host port (Docker picks one, or it is only exposed). */
  published?: number;
  publishedEnd?: number;
  hostIp?: string;
  protocol: string;
}

export type PortParse = PortMapping | { error: string };

const PROTOCOLS = new Set(['tcp', 'udp', 'sctp']);

export function parsePortRange(text: string): [number, number] | { error: string } {
  if (text === '') return { error: 'an empty port' };
  const m = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (!m) return { error: `"${text}" is not a port number or range` };
  const start = Number(m[1]);
  const end = m[2] === undefined ? start : Number(m[2]);
  if (start > 65535 || end > 65535) return { error: `${text} is beyond the highest port, 65535` };
  if (end < start) return { error: `the range ${text} ends before it starts` };
  return [start, end];
}

export function parseShortPort(spec: string): PortParse {
  const trimmed = spec.trim();
  let protocol = 'tcp';
  let rest = trimmed;
  const slash = rest.lastIndexOf('/');
  if (slash >= 0) {
    protocol = rest.slice(slash + 1).toLowerCase();
    rest = rest.slice(0, slash);
  }
  const parts = rest.split(':');
  const containerText = parts[parts.length - 1]!;
  let hostText = '';
  let ip: string | undefined;
  if (parts.length === 2) hostText = parts[0]!;
  else if (parts.length >= 3) {
    hostText = parts[parts.length - 2]!;
    ip = parts.slice(0, parts.length - 2).join(':');
  }
  if (ip !== undefined && ip.startsWith('[') && ip.endsWith(']')) ip = ip.slice(1, -1);
  if (ip === '') ip = undefined;
  if (ip !== undefined && !isIp(ip)) return { error: `"${ip}" is not an IP address` };
  if (containerText === '') return { error: 'no container port is given' };
  const container = parsePortRange(containerText);
  if ('error' in container) return { error: `container port: ${container.error}` };
  const out: PortMapping = { target: container[0], targetEnd: container[1], protocol };
  if (hostText !== '') {
    const host = parsePortRange(hostText);
    if ('error' in host) return { error: `host port: ${host.error}` };
    // A host range with a single container port is allowed (Docker picks one host port of it).
    if (host[1] - host[0] !== container[1] - container[0] && container[1] !== container[0]) {
      return { error: `the host range ${hostText} and the container range ${containerText} differ in size` };
    }
    out.published = host[0];
    out.publishedEnd = host[1];
  }
  if (ip !== undefined) out.hostIp = ip;
  if (!PROTOCOLS.has(protocol)) return { error: `"${protocol}" is not a protocol (tcp, udp or sctp)` };
  return out;
}

function isIp(text: string): boolean {
  if (/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(text)) return text.split('.').every((p) => Number(p) <= 255);
  return /^[0-9a-fA-F:.]+$/.test(text) && text.includes(':');
}

/** The host address binds every interface (or none is given). */
export function bindsAllInterfaces(hostIp: string | undefined): boolean {
  return hostIp === undefined || hostIp === '' || hostIp === '0.0.0.0' || hostIp === '::' || hostIp === '[::]';
}
