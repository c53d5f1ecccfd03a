import type { KeyToPath, PodSpec, Volume } from 'kubernetes-types/core/v1.js';
import { defineRule } from '../../src/core/rule.js';
import type { YView } from '../../src/model/kubernetes/view.js';
import { deref, type YNode } from '../../src/parse/yaml/nodes.js';

/** Written in decimal, these are the modes people mean in octal (0400 …); as decimals they are nonsense (0620 …). */
const LIKELY_OCTAL = new Set([400, 440, 444, 500]);
const MAX_MODE = 0o777;

type Sourced = { raw: YNode; where: string };

function modes(spec: YView<PodSpec>): Sourced[] {
  const out: Sourced[] = [];
  const add = (view: YView<{ defaultMode?: number; items?: KeyToPath[] }> | undefined, where: string) => {
    if (!view) return;
    const d = view.raw('defaultMode');
    if (d) out.push({ raw: d, where: `${where}.defaultMode` });
    for (const item of view.list('items')) {
      const m = item.raw('mode');
      if (m) out.push({ raw: m, where: `${where}.items[].mode` });
    }
  };
  for (const volume of spec.list('volumes') as YView<Volume>[]) {
    add(volume.object('configMap'), 'configMap');
    add(volume.object('secret'), 'secret');
    add(volume.object('downwardAPI'), 'downwardAPI');
    const projected = volume.object('projected');
    add(projected, 'projected');
    for (const source of projected?.list('sources') ?? []) {
      add(source.object('configMap'), 'projected.configMap');
      add(source.object('secret'), 'projected.secret');
      add(source.object('downwardAPI'), 'projected.downwardAPI');
    }
  }
  return out;
}

export default defineRule<'invalid' | 'likelyOctal'>({
  id: 'decimal-file-mode',
  meta: {
    description: 'File modes of volumes should be written in octal (0644), not as decimal digits (644)',
    formats: ['kubernetes'],
    severity: 'error',
    recommended: true,
    category: 'correctness',
    sources: [],
    messages: {
      invalid:
        '{{where}}: {{text}} is the decimal number {{text}}, above the largest mode (0777 = 511), so the API server rejects it; write the octal 0{{text}} (or its decimal value {{decimal}}).',
      likelyOctal:
        '{{where}}: {{text}} is read as a decimal number, which is the mode {{actual}}, not 0{{text}}; write the octal 0{{text}} (or its decimal value {{decimal}}).',
    },
    fixable: 'safe',
  },
  create(ctx) {
    return {
      KubernetesPodTemplate(t) {
        for (const { raw, where } of modes(t.spec)) {
          const scalar = deref(raw);
          if (scalar?.kind !== 'scalar' || scalar.style !== 'plain' || typeof scalar.value !== 'number') continue;
          const text = scalar.source;
          // Three octal-looking digits written without the leading 0 that makes YAML 1.1 read them as octal.
          if (!/^[1-7][0-7]{2}$/.test(text)) continue;
          const value = Number(text);
          const decimal = String(Number.parseInt(text, 8));
          const fix = raw === scalar ? { edits: [{ span: scalar.span, text: `0${text}` }] } : undefined;
          const base = { node: raw, ...(fix ? { fix } : {}) };
          if (value > MAX_MODE) ctx.report({ ...base, messageId: 'invalid', data: { where, text, decimal } });
          else if (LIKELY_OCTAL.has(value)) ctx.report({ ...base, messageId: 'likelyOctal', data: { where, text, decimal, actual: `0${value.toString(8)}` } });
        }
      },
    };
  },
});
