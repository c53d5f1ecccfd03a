// Writes schemas/config.schema.json from the rules' option schemas (run by `npm run build`).
// The loader validates with the same generated object, so this file is for editors.
import { mkdirSync, writeFileSync } from 'node:fs';

const { buildConfigSchema } = await import('../build/src/core/config-schema.js');
const { registeredRules } = await import('../build/src/core/registry.js');
const schema = buildConfigSchema(registeredRules());
mkdirSync(new URL('../schemas/', import.meta.url), { recursive: true });
writeFileSync(new URL('../schemas/config.schema.json', import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
