import { defineRule } from '../../src/core/rule.js';
import '../../src/model/graph/kubernetes/part.js';
import { ABSENT_OPTION_SCHEMA, absentSeverity, type AbsentOption } from '../../src/model/graph/kubernetes/naming.js';

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
        // Clusters come with their own classes: only a project that declares some says which exist.
        const declared = k.objects.filter((o) => o.kind === 'StorageClass').map((o) => o.name);
        if (!severity || declared.length === 0) return;
        const claims = [...k.pvcs.map((p) => p.storageClassName), ...k.workloads.flatMap((w) => w.volumeClaimTemplates.map((t) => t.storageClassName))];
        for (const sc of claims) {
          if (!sc || sc.value === '' || declared.includes(sc.value)) continue;
          ctx.report({ messageId: 'absent', node: sc.at, severity, data: { name: sc.value, declared: declared.join(', ') } });
        }
      },
    };
  },
});
