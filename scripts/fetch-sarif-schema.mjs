// Writes test/assets/sarif-schema-2.1.0.json, the SARIF 2.1.0 JSON Schema the SARIF tests
// validate against, from the npm package that ships it: @microsoft/jest-sarif (MIT,
// Microsoft's sarif-js-sdk), lib/schemas/sarif-2.1.0-rtm.5.json — the 2.1.0 schema
// (release candidate 5, the last before the OASIS standard) that Microsoft's own SARIF
// matchers validate with. Run by hand: node scripts/fetch-sarif-schema.mjs
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PACKAGE = '@microsoft/jest-sarif@1.0.0-beta.0';
const MEMBER = 'package/lib/schemas/sarif-2.1.0-rtm.5.json';
const target = new URL('../test/assets/sarif-schema-2.1.0.json', import.meta.url);

const dir = mkdtempSync(join(tmpdir(), 'plimsoll-sarif-'));
try {
  const tarball = execFileSync('npm', ['pack', PACKAGE, '--silent', '--pack-destination', dir], { encoding: 'utf8' }).trim().split('\n').pop();
  execFileSync('tar', ['-xzf', join(dir, tarball), '-C', dir, MEMBER]);
  const text = readFileSync(join(dir, MEMBER), 'utf8');
  JSON.parse(text); // fail here rather than in the tests
  writeFileSync(target, text);
  console.log(`wrote ${target.pathname} from ${PACKAGE} (${MEMBER}), sha256 ${createHash('sha256').update(text).digest('hex')}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
