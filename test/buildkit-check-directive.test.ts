/** BuildKit's `# check=skip=…` parser directive suppresses the rules that cite those checks. */
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';

const ids = (text: string) =>
  lintText(text, { filename: 'Dockerfile', config: { extends: [], rules: { 'json-args-recommended': 'warning', 'maintainer-deprecated': 'warning' } } })
    .findings.map((f) => f.ruleId)
    .sort();

describe('# check=skip=', () => {
  const body = 'FROM a:1\nMAINTAINER x\nCMD node y.js\n';
  it('skips the named checks for the whole file', () => {
    expect(ids(body)).toEqual(['json-args-recommended', 'maintainer-deprecated']);
    expect(ids(`# check=skip=JSONArgsRecommended\n${body}`)).toEqual(['maintainer-deprecated']);
    expect(ids(`# syntax=docker/dockerfile:1\n# check=skip=MaintainerDeprecated,JSONArgsRecommended;error=true\n${body}`)).toEqual([]);
  });
  it('skips every BuildKit check with skip=all, and nothing when it is not a directive', () => {
    expect(ids(`# check=skip=all\n${body}`)).toEqual([]);
    expect(ids(`FROM a:1\n# check=skip=all\nMAINTAINER x\nCMD node y.js\n`)).toEqual(['json-args-recommended', 'maintainer-deprecated']);
  });
});
