/**
 * The configuration's JSON Schema, generated from the rules' option schemas. The build
 * writes it to schemas/config.schema.json for editors; the loader validates with the
 * same object, so the two cannot drift.
 */
import type { RegisteredRule } from './registry.js';

const SEVERITY = { enum: ['off', 'info', 'warning', 'error'] };

/** The schema of one rule's setting: a severity, [severity, options] or { severity, options }. */
export function ruleSettingSchema(options: Record<string, unknown> | undefined): Record<string, unknown> {
  const optionSchema = options ?? { type: 'object', additionalProperties: false, properties: {} };
  return {
    anyOf: [
      SEVERITY,
      { type: 'array', prefixItems: [SEVERITY, optionSchema], minItems: 1, maxItems: 2, items: false },
      {
        type: 'object',
        additionalProperties: false,
        properties: { severity: SEVERITY, options: optionSchema },
      },
    ],
  };
}

/**
 * The whole schema. `rulesSchema` replaces the schema of `rules` objects: the loader checks
 * the rest with `{ type: 'object' }` there and each rule setting on its own (see config-validate.ts).
 */
export function buildConfigSchema(rules: readonly RegisteredRule[], rulesSchemaOverride?: Record<string, unknown>): Record<string, unknown> {
  const ruleProps: Record<string, unknown> = {};
  for (const { rule } of rules) ruleProps[rule.id] = { description: rule.meta.description, ...ruleSettingSchema(rule.meta.options) };
  const rulesSchema = rulesSchemaOverride ?? { type: 'object', additionalProperties: false, properties: ruleProps };
  const settings = {
    kubernetesVersion: { type: 'string', pattern: '^\\d+\\.\\d+$', description: 'Target Kubernetes version, e.g. "1.31".' },
    schemaLocations: { type: 'array', items: { type: 'string' }, description: 'Extra schema folders for custom resources.' },
    images: {
      type: 'object',
      additionalProperties: { type: 'string' },
      description: 'Image name → the Dockerfile in this repository that builds it.',
    },
  };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://plimsoll.dev/schemas/config.schema.json',
    title: 'Plimsoll configuration',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      root: { type: 'boolean', description: 'Stop looking for configuration in parent folders.' },
      extends: {
        description: 'Presets (plimsoll:recommended, plimsoll:strict, plimsoll:all) or paths of other config files.',
        anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
      },
      rules: rulesSchema,
      ignorePatterns: { type: 'array', items: { type: 'string' } },
      overrides: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['files'],
          properties: {
            files: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, minItems: 1 }] },
            excludedFiles: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
            rules: rulesSchema,
            ...settings,
          },
        },
      },
      ...settings,
    },
  };
}
