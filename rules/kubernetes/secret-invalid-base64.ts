import { defineRule } from '../../src/core/rule.js';
import { objectView } from '../../src/model/kubernetes/view.js';
import { deref } from '../../src/parse/yaml/nodes.js';

/** Standard base64 with padding, as Go's encoding/json decodes []byte; it ignores CR and LF. */
function isBase64(text: string): boolean {
  const s = text.replace(/[\r\n]/g, '');
  return s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s);
}

export default defineRule<'secret' | 'configMap'>({
  id: 'secret-invalid-base64',
  meta: {
    description: 'Secret data (and ConfigMap binaryData) must be base64-encoded',
    formats: ['kubernetes'],
    severity: 'error',
    recommended: true,
    category: 'correctness',
    sources: [],
    messages: {
      secret:
        'The value of "{{key}}" in the Secret\'s data is not valid base64, so the API server rejects the Secret; encode it (printf %s "$value" | base64 -w0), or move the plain text to stringData.',
      configMap: 'The value of "{{key}}" in binaryData is not valid base64, so the API server rejects the ConfigMap; encode it, or move text to data.',
    },
    fixable: false,
  },
  create(ctx) {
    const check = (object: Parameters<typeof objectView>[0], field: 'data' | 'binaryData', messageId: 'secret' | 'configMap') => {
      for (const pair of objectView(object).entries(field)) {
        const value = deref(pair.value);
        if (value?.kind !== 'scalar' || typeof value.value !== 'string') continue;
        if (!isBase64(value.value)) ctx.report({ messageId, node: pair.value!, data: { key: pair.keyText } });
      }
    };
    return {
      'KubernetesObject:Secret'(object) {
        if (object.apiVersion === 'v1') check(object, 'data', 'secret');
      },
      'KubernetesObject:ConfigMap'(object) {
        if (object.apiVersion === 'v1') check(object, 'binaryData', 'configMap');
      },
    };
  },
});
