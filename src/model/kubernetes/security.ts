/**
 * A container's effective security settings: each field of the container's
 * securityContext overrides the pod's field of the same name (runAsUser, runAsGroup,
 * runAsNonRoot, seccompProfile); the rest exist only on the container. Each effective
 * value keeps the node it was written at, pod-level or container-level.
 */
import type { PodSecurityContext, SecurityContext } from 'kubernetes-types/core/v1.js';
import type { SecuritySpec, Sourced } from '../container.js';
import type { YView } from './view.js';

export function mergeSecurity(pod: YView<PodSecurityContext> | undefined, container: YView<SecurityContext> | undefined): SecuritySpec {
  const security: SecuritySpec = { capabilitiesAdd: [], capabilitiesDrop: [] };
  const set = <K extends keyof SecuritySpec>(key: K, value: SecuritySpec[K] | undefined) => {
    if (value !== undefined) security[key] = value;
  };
  set('runAsUser', container?.integer('runAsUser') ?? pod?.integer('runAsUser'));
  set('runAsGroup', container?.integer('runAsGroup') ?? pod?.integer('runAsGroup'));
  set('runAsNonRoot', container?.boolean('runAsNonRoot') ?? pod?.boolean('runAsNonRoot'));
  set('seccompProfile', seccompOf(container) ?? seccompOf(pod));
  if (container) {
    set('privileged', container.boolean('privileged'));
    set('allowPrivilegeEscalation', container.boolean('allowPrivilegeEscalation'));
    set('readOnlyRootFilesystem', container.boolean('readOnlyRootFilesystem'));
    const capabilities = container.object('capabilities');
    if (capabilities) {
      security.capabilitiesAdd = capabilities.strings('add');
      security.capabilitiesDrop = capabilities.strings('drop');
    }
  }
  return security;
}

/** `seccompProfile.type` (RuntimeDefault, Localhost, Unconfined). */
function seccompOf(context: YView<PodSecurityContext | SecurityContext> | undefined): Sourced<string> | undefined {
  return (context as YView<SecurityContext> | undefined)?.object('seccompProfile')?.string('type');
}
