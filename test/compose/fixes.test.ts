import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/types.js';
import { lintMemory } from './helpers.js';

function apply(text: string, findings: Finding[]): string {
  const edits = findings.flatMap((f) => f.fix?.edits ?? []).sort((a, b) => b.span.start - a.span.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.span.start) + e.text + out.slice(e.span.end);
  return out;
}

describe('compose fixes', () => {
  it('removes the obsolete version line and nothing else', () => {
    const text = '# project\nversion: "3.8"\nservices:\n  web:\n    image: nginx:1.27\n';
    const { findings } = lintMemory({ 'compose.yaml': text }, { rules: { 'compose-obsolete-version': 'warning' } });
    expect(findings[0]!.fix?.safe).toBe(true);
    expect(apply(text, findings)).toBe('# project\nservices:\n  web:\n    image: nginx:1.27\n');
  });
  it('keeps a comment on the version line', () => {
    const text = "version: '2' # legacy\nservices: {web: {image: x:1}}\n";
    const { findings } = lintMemory({ 'compose.yaml': text }, { rules: { 'compose-obsolete-version': 'warning' } });
    expect(apply(text, findings)).toBe('# legacy\nservices: {web: {image: x:1}}\n');
  });
  it('quotes base-60 port mappings', () => {
    const text = 'services:\n  ssh:\n    image: x:1\n    ports:\n      - 22:22\n      - 8080:80\n';
    const { findings } = lintMemory({ 'compose.yaml': text }, { rules: { 'compose-sexagesimal-port': 'warning' } });
    expect(apply(text, findings)).toBe('services:\n  ssh:\n    image: x:1\n    ports:\n      - "22:22"\n      - 8080:80\n');
  });
  it('offers no fix for a finding in a file that is not being linted', () => {
    const { findings } = lintMemory(
      { 'compose.yaml': 'services:\n  web:\n    image: x:1\n', 'compose.override.yaml': 'version: "3"\nservices: {}\n' },
      { rules: { 'compose-obsolete-version': 'warning' }, lint: ['compose.yaml'] },
    );
    expect(findings.map((f) => [f.file, Boolean(f.fix)])).toEqual([['compose.override.yaml', false]]);
  });
});
