/** Linux capability names as Kubernetes and Docker write them (`NET_RAW`, `cap_net_raw`, `CAP_NET_RAW`). */

/** `cap_sys_admin` → `SYS_ADMIN`. */
export function normalizeCapability(name: string): string {
  return name.trim().toUpperCase().replace(/^CAP_/, '');
}
