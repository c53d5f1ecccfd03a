/** Host paths as Kubernetes and Docker compare them: `//var/run/` is `/var/run`. */
export function normalizeHostPath(path: string): string {
  const collapsed = path.trim().replace(/\/+/g, '/');
  return collapsed.length > 1 ? collapsed.replace(/\/$/, '') : collapsed;
}
