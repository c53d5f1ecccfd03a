import { defineRule } from '../../src/core/rule.js';
import '../../src/model/graph/kubernetes/part.js';
import { declarationScopes, isTemplatePlaceholder } from '../../src/model/graph/kubernetes/scopes.js';
import { ABSENT_OPTION_SCHEMA, absentSeverity, type AbsentOption } from '../../src/model/graph/kubernetes/naming.js';

/**
 * Classes managed clusters and local distributions create themselves (GKE, EKS, AKS, DigitalOcean,
 * kind/minikube, k3s, Docker Desktop, MicroK8s): a claim may use them without declaring them.
 */
const PROVIDER_DEFAULTS = new Set([
  'standard', 'standard-rwo', 'premium-rwo', 'standard-rwx', 'premium-rwx', 'enterprise-rwx', 'enterprise-multishare-rwx',
  'gp2',
  'default', 'managed', 'managed-csi', 'managed-premium', 'managed-csi-premium', 'azurefile', 'azurefile-csi', 'azurefile-premium', 'azurefile-csi-premium',
  'do-block-storage', 'local-path', 'hostpath', 'microk8s-hostpath',
]);

export default defineRule<'absent', AbsentOption>({
  id: 'storage-class-missing',
  meta: {
    description: 'The StorageClass a claim asks for should exist when the project declares StorageClasses',
    formats: ['kubernetes'],
    severity: 'warning',
    recommended: true,
    category: 'correctness',
    sources: [],
    messages: {
      absent:
        'StorageClass "{{name}}" is not among the StorageClasses the linted files declare ({{declared}}); a claim for a class that does not exist stays Pending. Use one of them, or declare it.',
    },
    options: ABSENT_OPTION_SCHEMA,
    defaults: { absent: 'warning' },
    fixable: false,
  },
  create(ctx, options) {
    return {
      Project({ kubernetes: k }) {
        const severity = absentSeverity(options.absent);
        if (!severity) return;
        // Clusters come with their own classes: only files that declare some say which exist.
        const scopes = declarationScopes(k.objects, 'StorageClass');
        const claims = [
          ...k.pvcs.map((p) => ({ sc: p.storageClassName, path: p.object.file.path })),
          ...k.workloads.flatMap((w) => w.volumeClaimTemplates.map((t) => ({ sc: t.storageClassName, path: w.object.file.path }))),
        ];
        for (const { sc, path } of claims) {
          if (!sc || sc.value === '' || PROVIDER_DEFAULTS.has(sc.value) || isTemplatePlaceholder(sc.value)) continue;
          const covering = scopes.covering(path);
          if (!covering || covering.has(sc.value)) continue;
          ctx.report({ messageId: 'absent', node: sc.at, severity, data: { name: sc.value, declared: [...covering].join(', ') } });
        }
      },
    };
  },
});
