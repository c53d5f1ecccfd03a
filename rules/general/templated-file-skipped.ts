import { defineRule } from '../../src/core/rule.js';

/**
 * Reported by the core for a YAML file with Helm / Go template actions: it is not YAML
 * until rendered, so it is skipped with this one note instead of a flood of syntax errors.
 */
export default defineRule({
  id: 'templated-file-skipped',
  meta: {
    description: 'Files with Helm or Go template syntax are skipped until rendered',
    formats: ['compose', 'kubernetes'],
    severity: 'info',
    recommended: true,
    category: 'correctness',
    sources: [],
    messages: { skipped: 'This file contains template syntax ({{ … }}) and was not linted; lint the rendered output (e.g. helm template … | plimsoll --stdin --stdin-filename out.yaml).' },
    fixable: false,
  },
  create() {
    return {};
  },
});
