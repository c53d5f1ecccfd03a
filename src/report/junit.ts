/**
 * `--format junit`: one test suite per linted file, one failing test case per finding
 * (a clean file is one passing case), as CI systems that read JUnit XML expect.
 */
import type { Finding } from '../core/types.js';
import { findingsByFile } from './group.js';
import { XML_DECLARATION, attributes, escapeXml } from './xml.js';
import type { Formatter } from './types.js';

const position = (f: Finding): string => `${f.range.start.line + 1}:${f.range.start.character + 1}`;

export const formatJunit: Formatter = (result) => {
  const byFile = findingsByFile(result);

  const suites: string[] = [];
  for (const [file, findings] of byFile) {
    const cases =
      findings.length === 0
        ? [`    <testcase${attributes({ classname: file, name: 'plimsoll' })}/>`]
        : findings.map((f) =>
            [
              `    <testcase${attributes({ classname: file, name: `${f.ruleId} at ${position(f)}` })}>`,
              `      <failure${attributes({ type: f.ruleId, message: f.message })}>` +
                escapeXml(`${f.severity}: ${f.message} (${f.ruleId}) at ${file}:${position(f)}`) +
                '</failure>',
              '    </testcase>',
            ].join('\n'),
          );
    suites.push(
      [
        `  <testsuite${attributes({ name: file, tests: Math.max(1, findings.length), failures: findings.length, errors: 0 })}>`,
        ...cases,
        '  </testsuite>',
      ].join('\n'),
    );
  }
  const total = [...byFile.values()].reduce((n, list) => n + Math.max(1, list.length), 0);
  return [
    XML_DECLARATION,
    `<testsuites${attributes({ name: 'plimsoll', tests: total, failures: result.findings.length, errors: 0 })}>`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
};
