/** Every rule's documented failing example fails, and its passing example passes. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lintFiles, lintText, type LibraryFinding } from '../src/index.js';
import { registeredRules } from '../src/core/registry.js';
import { docExamples, exampleFilename, type DocExample } from './helpers/docs.js';

const root = join(import.meta.dirname, '..');
const scratch = mkdtempSync(join(tmpdir(), 'plimsoll-doc-examples-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A project example is written out and linted as a folder, the way a user would lint it. */
async function lintProjectExample(example: DocExample, config: object, name: string): Promise<LibraryFinding[]> {
  const dir = join(scratch, name);
  for (const file of example.files!) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.code);
  }
  return (await lintFiles(['.'], { cwd: dir, config })).findings;
}

describe('rule documentation examples', () => {
  for (const { rule, docs } of registeredRules()) {
    const examples = docExamples(readFileSync(join(root, docs), 'utf8'));
    const runnable = examples.filter((e) => e.files || exampleFilename(e.lang, e.code));
    if (runnable.length === 0) continue;
    describe(rule.id, () => {
      runnable.forEach((example, i) => {
        it(`${example.kind} example ${i + 1}`, async () => {
          const config = { extends: [], rules: { [rule.id]: rule.meta.severity } };
          const findings = example.files
            ? await lintProjectExample(example, config, `${rule.id}-${i}`)
            : lintText(example.code, { filename: join(root, '.doc-examples', exampleFilename(example.lang, example.code)!), config }).findings;
          const own = findings.filter((f) => f.ruleId === rule.id);
          if (example.kind === 'failing') expect(own.length, 'the failing example must be reported').toBeGreaterThan(0);
          else expect(own.map((f) => f.message), 'the passing example must be clean').toEqual([]);
        });
      });
    });
  }
});
