/** Service ports → container ports: a targetPort by number, or by name looked up in the pod's containers. */
import type { ServicePort, Workload } from './types.js';

/** The container port a Service port sends to on this workload's pods; undefined when a name does not resolve. */
export function resolveTargetPort(port: ServicePort, w: Workload): number | undefined {
  const target = port.targetPort?.value ?? port.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  for (const c of w.pod.containers) {
    if (c.role === 'initContainer' || c.role === 'ephemeralContainer') continue;
    const found = c.ports.find((p) => p.name === target && p.protocol === port.protocol);
    if (found) return found.port;
  }
  return undefined;
}

/** Every port the workload's (long-running) containers declare. */
export function declaredPorts(w: Workload): { port: number; name?: string; protocol: string }[] {
  return w.pod.containers.filter((c) => c.role === 'container').flatMap((c) => c.ports);
}
