import { defineRule } from '../../src/core/rule.js';

/**
 * Reported by the core for a YAML file with Helm / Go template actions, or a Dockerfile
 * template (`FROM debian:{{ env.variant }}`, lines that are template actions): it is not YAML
 * or a Dockerfile until rendered, so it is skipped with this one note instead of a flood of
 * syntax errors.
 */
export default defineRule({
  id: 'templated-file-skipped',
  meta: {
    description: 'Files with Helm or Go template syntax, and Dockerfile templates, are skipped until rendered',
    formats: ['compose', 'dockerfile', 'kubernetes'],
    severity: 'info',
    recommended: true,
    category: 'correctness',
    sources: [],
    messages: { skipped: 'This file contains template syntax ({{ … }}) and was not linted; lint the rendered output (e.g. `helm template … | plimsoll --stdin --stdin-filename out.yaml`, or the Dockerfile the template generates).' },
    fixable: false,
  },
  create() {
    return {};
  },
});
