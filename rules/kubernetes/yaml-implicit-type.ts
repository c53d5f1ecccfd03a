import { defineRule } from '../../src/core/rule.js';
import { readPlainScalar } from '../../src/model/kubernetes/go-yaml.js';
import { stringFields } from '../../src/model/kubernetes/string-fields.js';
import { deref, type YNode } from '../../src/parse/yaml/nodes.js';

const FORMS = { octal: 'octal', hex: 'hexadecimal', binary: 'binary' } as const;

export default defineRule<'boolean' | 'number' | 'numberChanged' | 'key'>({
  id: 'yaml-implicit-type',
  meta: {
    description: 'Unquoted values that YAML 1.1 reads as booleans or numbers must not stand where Kubernetes expects a string',
    formats: ['kubernetes'],
    severity: 'error',
    recommended: true,
    category: 'correctness',
    sources: [],
    messages: {
      boolean:
        'Kubernetes reads {{text}} as the boolean {{value}} (YAML 1.1), but {{what}} must be a string, so the object is rejected; quote it: "{{text}}".',
      number: '{{text}} is read as a number, but {{what}} must be a string, so the object is rejected; quote it: "{{text}}".',
      numberChanged:
        '{{text}} is read as the {{how}}number {{value}}, not the text "{{text}}", and {{what}} must be a string; quote it: "{{text}}".',
      key: 'The key {{text}} is read as {{how}} and becomes "{{value}}"; quote it: "{{text}}".',
    },
    fixable: 'safe',
    // The schema rule sees the same values as type errors; this rule says why, and fixes them.
    supersedes: ['kubernetes-schema'],
  },
  create(ctx) {
    return {
      KubernetesObject(object) {
        const seen = new Set<YNode>();
        for (const field of stringFields(object)) {
          // A value merged in (`<<: *common`) is also listed where it is written: report it once.
          if (seen.has(field.node)) continue;
          seen.add(field.node);
          const scalar = deref(field.node);
          if (scalar?.kind !== 'scalar' || scalar.style !== 'plain' || scalar.tag !== undefined) continue;
          const text = scalar.source;
          const reading = readPlainScalar(text);
          if (reading.type === 'string' || reading.type === 'null') continue;
          const quoted = JSON.stringify(text);
          // Quoting an aliased scalar would change every alias of it: fix only the scalar itself.
          const fix = field.node === scalar ? { edits: [{ span: scalar.span, text: quoted }] } : undefined;
          const report = (messageId: 'boolean' | 'number' | 'numberChanged' | 'key', data: Record<string, string>) =>
            ctx.report({ messageId, node: field.node, data: { text, what: field.what, ...data }, ...(fix ? { fix } : {}) });
          if (field.isKey) {
            const value = reading.type === 'bool' ? String(reading.value) : reading.text;
            if (value === text) continue; // `8080:` stays "8080"
            report('key', { how: reading.type === 'bool' ? 'a boolean' : 'a number', value });
          } else if (reading.type === 'bool') report('boolean', { value: String(reading.value) });
          else if (reading.text === text) report('number', {});
          else report('numberChanged', { value: reading.text, how: reading.type === 'int' && reading.form !== 'decimal' ? `${FORMS[reading.form]} ` : '' });
        }
      },
    };
  },
});
