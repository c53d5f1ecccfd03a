// Copies the compose-spec JSON schema into schemas/compose-spec.json from the npm package
// that ships a current copy (dclint, a devDependency: schemas/compose.schema.json is
// compose-spec's schema/compose-spec.json). Run `npm run update-compose-schema` after
// upgrading dclint; the copy is committed so builds need no network.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const pkgPath = require.resolve('dclint/package.json');
const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
const schema = JSON.parse(readFileSync(join(dirname(pkgPath), 'schemas', 'compose.schema.json'), 'utf8'));
if (schema.$id !== 'compose_spec.json') throw new Error(`unexpected schema id ${schema.$id}`);
writeFileSync(new URL('../schemas/compose-spec.json', import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
writeFileSync(
  new URL('../schemas/compose-spec.source.json', import.meta.url),
  `${JSON.stringify({ package: pkg.name, version: pkg.version, file: 'schemas/compose.schema.json', upstream: 'compose-spec/compose-spec schema/compose-spec.json' }, null, 2)}\n`,
);
console.log(`schemas/compose-spec.json from ${pkg.name}@${pkg.version}`);
