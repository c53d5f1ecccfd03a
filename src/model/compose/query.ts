/** Questions several compose rules ask of the model. */
import type { ComposePort, ComposeProject, ComposeReference, ComposeService } from './types.js';

/** Two services can run at the same time: neither is limited to profiles, or they share one. */
export function activeTogether(a: ComposeService, b: ComposeService): boolean {
  if (a.profiles.length === 0 || b.profiles.length === 0) return true;
  return a.profiles.some((p) => b.profiles.includes(p));
}

/** The references that make a service start after another one (what Compose orders by). */
export function serviceDependencies(service: ComposeService): ComposeReference[] {
  return service.references.filter((r) => r.kind === 'service');
}

/** Whether a resource a service refers to is declared (the `default` network always is). */
export function isDeclared(project: ComposeProject, ref: ComposeReference): boolean {
  const name = ref.name.value;
  switch (ref.kind) {
    case 'service':
      return project.servicesByName.has(name);
    case 'network':
      return name === 'default' || project.networks.has(name);
    case 'volume':
      return project.volumes.has(name);
    case 'secret':
      return project.secrets.has(name);
    case 'config':
      return project.configs.has(name);
    case 'model':
      return project.models.has(name);
  }
}

/** Host ports a mapping publishes, as [first, last], or undefined when it publishes none. */
export function hostPorts(port: ComposePort): [number, number] | undefined {
  if (port.error || port.published === undefined) return undefined;
  // A host range with one container port binds a single port of the range: only an exact range is certain.
  return [port.published, port.publishedEnd ?? port.published];
}

export function replicasOf(service: ComposeService): number {
  return service.replicas?.value ?? 1;
}
