/**
 * Validates a configuration object. Compiling the whole generated schema takes Ajv about a
 * second with a few hundred rules, on every run with a config file; so the structure is
 * checked with the schema minus the rule settings, and each rule setting that appears is
 * checked with its own small schema, compiled on first use. Errors are reported in the whole
 * schema's terms (paths as in schemas/config.schema.json), for describeSchemaErrors.
 */
import { createRequire } from 'node:module';
import type { SchemaError } from './config-errors.js';
import { buildConfigSchema, ruleSettingSchema } from './config-schema.js';
import { findRule } from './registry.js';

type Validator = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };
type Ajv = { compile(schema: object): Validator };

let ajv: Ajv | undefined;
let structure: Validator | undefined;
const settingValidators = new Map<string, Validator>();

/** Ajv is loaded on first use (synchronously, it is CommonJS): a run without a config never pays for it. */
function getAjv(): Ajv {
  if (ajv) return ajv;
  const { Ajv2020 } = createRequire(import.meta.url)('ajv/dist/2020') as typeof import('ajv/dist/2020.js');
  ajv = new Ajv2020({ allErrors: true, strict: false }) as unknown as Ajv;
  return ajv;
}

function settingValidator(id: string, options: Record<string, unknown> | undefined): Validator {
  let validate = settingValidators.get(id);
  if (!validate) {
    validate = getAjv().compile(ruleSettingSchema(options));
    settingValidators.set(id, validate);
  }
  return validate;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Errors of the rule settings in one `rules` object at `pointer` (`/rules`, `/overrides/0/rules`). */
function ruleErrors(rules: Record<string, unknown>, pointer: string): SchemaError[] {
  const errors: SchemaError[] = [];
  for (const [id, setting] of Object.entries(rules)) {
    const registered = findRule(id);
    if (!registered) {
      errors.push({ instancePath: pointer, schemaPath: '#/properties/rules/additionalProperties', keyword: 'additionalProperties', params: { additionalProperty: id } });
      continue;
    }
    const validate = settingValidator(id, registered.rule.meta.options);
    if (validate(setting)) continue;
    const at = `${pointer}/${id.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    for (const e of validate.errors ?? []) {
      errors.push({ ...e, instancePath: at + e.instancePath, schemaPath: `#/properties/rules/properties/${id}/${e.schemaPath.replace(/^#\//, '')}` });
    }
  }
  return errors;
}

/** The schema errors of `config` (an object), empty when it is valid. */
export function configErrors(config: Record<string, unknown>): SchemaError[] {
  structure ??= getAjv().compile(buildConfigSchema([], { type: 'object' }));
  const errors = structure(config) ? [] : [...(structure.errors ?? [])];
  if (isObject(config.rules)) errors.push(...ruleErrors(config.rules, '/rules'));
  if (Array.isArray(config.overrides)) {
    config.overrides.forEach((o: unknown, i) => {
      if (isObject(o) && isObject(o.rules)) errors.push(...ruleErrors(o.rules, `/overrides/${i}/rules`));
    });
  }
  return errors;
}
