import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  id: 'host-path-volume',
  meta: {
    description: 'Pods should not use hostPath volumes',
    formats: ['kubernetes'],
    severity: 'info',
    recommended: false,
    category: 'security',
    sources: [
      { tool: 'trivy', id: 'KSV023' },
      { tool: 'kube-linter', id: 'writable-host-mount' },
    ],
    messages: {
      hostPath:
        'Volume "{{volume}}" mounts {{path}} from the node: the pod depends on that node\'s files and can change them; use a ConfigMap, Secret, emptyDir or PersistentVolumeClaim instead.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      KubernetesPodTemplate(t) {
        for (const volume of t.volumes.values()) {
          if (volume.type !== 'hostPath') continue;
          ctx.report({ messageId: 'hostPath', node: volume.source?.node ?? volume.view.object('hostPath')?.anchor ?? volume.view.anchor, data: { volume: volume.name, path: volume.source?.value ?? '(no path)' } });
        }
      },
    };
  },
});
