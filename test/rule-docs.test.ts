/** Every rule's documented failing example fails, and its passing example passes. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { registeredRules } from '../src/core/registry.js';
import { docExamples, exampleFilename } from './helpers/docs.js';

const root = join(import.meta.dirname, '..');

describe('rule documentation examples', () => {
  for (const { rule, docs } of registeredRules()) {
    const examples = docExamples(readFileSync(join(root, docs), 'utf8'));
    const runnable = examples.filter((e) => exampleFilename(e.lang, e.code));
    if (runnable.length === 0) continue;
    describe(rule.id, () => {
      runnable.forEach((example, i) => {
        it(`${example.kind} example ${i + 1}`, () => {
          const filename = join(root, '.doc-examples', exampleFilename(example.lang, example.code)!);
          const config = { extends: [], rules: { [rule.id]: rule.meta.severity } };
          const { findings } = lintText(example.code, { filename, config });
          const own = findings.filter((f) => f.ruleId === rule.id);
          if (example.kind === 'failing') expect(own.length, 'the failing example must be reported').toBeGreaterThan(0);
          else expect(own.map((f) => f.message), 'the passing example must be clean').toEqual([]);
        });
      });
    });
  }
});
