// Pre-compiles schemas/compose-spec.json into a standalone Ajv validator (run by `npm run build`),
// so that linting one compose file does not pay for compiling the schema.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

const schema = JSON.parse(readFileSync(new URL('../schemas/compose-spec.json', import.meta.url), 'utf8'));
const ajv = new Ajv.default({ allErrors: true, strict: false, validateSchema: false, verbose: true, code: { source: true, esm: false, lines: false } });
const validate = ajv.compile(schema);
const code = standaloneCode.default(ajv, validate);
mkdirSync(new URL('../build/generated/', import.meta.url), { recursive: true });
writeFileSync(new URL('../build/generated/compose-spec-validator.cjs', import.meta.url), code);
