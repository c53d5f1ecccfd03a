/** The API lifecycle table: removals from the deprecation guide, replacements served by the target. */
import { describe, expect, it } from 'vitest';
import { API_LIFECYCLE, apiStatus } from '../../src/model/kubernetes/api-lifecycle.js';

describe('apiStatus', () => {
  it('reports an extensions/v1beta1 Ingress deprecated in 1.20 and removed in 1.22+', () => {
    expect(apiStatus('extensions/v1beta1', 'Ingress', '1.20')?.status).toBe('deprecated');
    expect(apiStatus('extensions/v1beta1', 'Ingress', '1.22')?.status).toBe('removed');
    expect(apiStatus('extensions/v1beta1', 'Ingress', '1.30')?.status).toBe('removed');
  });

  it('suggests the newest replacement the target serves', () => {
    expect(apiStatus('extensions/v1beta1', 'Ingress', '1.16')?.replacement?.apiVersion).toBe('networking.k8s.io/v1beta1');
    expect(apiStatus('extensions/v1beta1', 'Ingress', '1.20')?.replacement?.apiVersion).toBe('networking.k8s.io/v1');
    expect(apiStatus('flowcontrol.apiserver.k8s.io/v1beta1', 'FlowSchema', '1.26')?.replacement?.apiVersion).toBe('flowcontrol.apiserver.k8s.io/v1beta3');
  });

  it('has no replacement for PodSecurityPolicy', () => {
    const psp = apiStatus('policy/v1beta1', 'PodSecurityPolicy', '1.25');
    expect(psp?.status).toBe('removed');
    expect(psp?.replacement).toBeUndefined();
  });

  it('is silent for current APIs and for targets before the deprecation', () => {
    expect(apiStatus('apps/v1', 'Deployment', '1.30')).toBeUndefined();
    expect(apiStatus('batch/v1beta1', 'CronJob', '1.20')).toBeUndefined();
    expect(apiStatus('batch/v1beta1', 'CronJob', '1.21')?.status).toBe('deprecated');
  });

  it('covers every removal release of the deprecation guide from 1.16 through 1.32', () => {
    const removals = new Set(API_LIFECYCLE.map((e) => e.removed).filter(Boolean));
    for (const release of ['1.16', '1.22', '1.25', '1.26', '1.27', '1.29', '1.32']) expect(removals, release).toContain(release);
    const removedIn = (apiVersion: string, kind: string) => API_LIFECYCLE.find((e) => e.apiVersion === apiVersion && e.kinds.includes(kind))?.removed;
    expect(removedIn('extensions/v1beta1', 'Deployment')).toBe('1.16');
    expect(removedIn('extensions/v1beta1', 'DaemonSet')).toBe('1.16');
    expect(removedIn('policy/v1beta1', 'PodDisruptionBudget')).toBe('1.25');
    expect(removedIn('autoscaling/v2beta1', 'HorizontalPodAutoscaler')).toBe('1.25');
    expect(removedIn('autoscaling/v2beta2', 'HorizontalPodAutoscaler')).toBe('1.26');
    expect(removedIn('storage.k8s.io/v1beta1', 'CSIStorageCapacity')).toBe('1.27');
    expect(removedIn('flowcontrol.apiserver.k8s.io/v1beta3', 'PriorityLevelConfiguration')).toBe('1.32');
    for (const e of API_LIFECYCLE) if (e.removed) expect(Number(e.removed.split('.')[1]), e.apiVersion).toBeGreaterThan(Number(e.deprecated.split('.')[1]));
  });
});
