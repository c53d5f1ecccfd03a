/** Parser directives (`# syntax=`, `# escape=`, `# check=`), read only at the very top as BuildKit does. */
import { describe, expect, it } from 'vitest';
import { parse } from './helpers.js';

const directives = (source: string) => {
  const p = parse(source);
  return p.df.directives.map((d) => ({
    name: d.name,
    value: d.value,
    span: p.text(d.span),
    nameText: p.text(d.nameSpan),
    valueText: p.text(d.valueSpan),
  }));
};

describe('parser directives', () => {
  it('reads syntax, escape and check with exact spans', () => {
    const source = '# syntax=docker/dockerfile:1.7\n# escape=`\n# check=skip=JSONArgsRecommended;error=true\nFROM alpine\n';
    expect(directives(source)).toEqual([
      { name: 'syntax', value: 'docker/dockerfile:1.7', span: '# syntax=docker/dockerfile:1.7', nameText: 'syntax', valueText: 'docker/dockerfile:1.7' },
      { name: 'escape', value: '`', span: '# escape=`', nameText: 'escape', valueText: '`' },
      {
        name: 'check',
        value: 'skip=JSONArgsRecommended;error=true',
        span: '# check=skip=JSONArgsRecommended;error=true',
        nameText: 'check',
        valueText: 'skip=JSONArgsRecommended;error=true',
      },
    ]);
    const p = parse(source);
    expect(p.df.escapeChar).toBe('`');
    expect(p.df.comments).toEqual([]);
  });

  it('is case-insensitive in the name and allows whitespace around "=" and before "#"', () => {
    expect(directives('#SYNTAX = x \n#\tEsCaPe =`\nFROM a\n')).toEqual([
      { name: 'syntax', value: 'x', span: '#SYNTAX = x ', nameText: 'SYNTAX', valueText: 'x' },
      { name: 'escape', value: '`', span: '#\tEsCaPe =`', nameText: 'EsCaPe', valueText: '`' },
    ]);
    // BuildKit trims leading whitespace from the first line before looking for a directive.
    expect(directives('  # syntax=a\nFROM a\n')).toEqual([{ name: 'syntax', value: 'a', span: '# syntax=a', nameText: 'syntax', valueText: 'a' }]);
  });

  it('stops at the first line that is not a known directive: blank line, comment, instruction or unknown directive', () => {
    for (const stopper of ['', '# a comment', '# unknown=x', 'FROM a']) {
      const p = parse(`# syntax=a\n${stopper}\n# escape=\`\nFROM b\n`);
      expect(p.df.directives.map((d) => d.name), JSON.stringify(stopper)).toEqual(['syntax']);
      expect(p.df.escapeChar).toBe('\\');
      expect(p.df.comments.map((c) => c.text)).toContain('escape=`');
    }
  });

  it('treats a directive after an instruction as a comment', () => {
    const p = parse('FROM a\n# syntax=x\n');
    expect(p.df.directives).toEqual([]);
    expect(p.df.comments.map((c) => p.text(c.span))).toEqual(['# syntax=x']);
  });

  it('is not a directive without a value (BuildKit: a plain comment)', () => {
    const p = parse('# escape=\nFROM a\n');
    expect(p.df.directives).toEqual([]);
    expect(p.errors()).toEqual([]);
    expect(p.df.comments.map((c) => c.text)).toEqual(['escape=']);
  });

  it('reports a repeated directive and an invalid escape character where they are written', () => {
    expect(parse('# syntax=a\n# SYNTAX=b\nFROM a\n').errors()).toEqual([
      { message: 'Only one "syntax" parser directive can be used.', text: '# SYNTAX=b' },
    ]);
    const bad = parse('# escape=x\nFROM a\n');
    expect(bad.errors()).toEqual([{ message: 'Invalid escape character "x": use \\ or `.', text: 'x' }]);
    expect(bad.df.escapeChar).toBe('\\');
  });

  it('reads directives after a BOM and with CRLF line endings', () => {
    const source = '\uFEFF# syntax=docker/dockerfile:1\r\n# escape=`\r\nFROM a\r\n';
    expect(directives(source).map((d) => [d.name, d.value, d.span])).toEqual([
      ['syntax', 'docker/dockerfile:1', '# syntax=docker/dockerfile:1'],
      ['escape', '`', '# escape=`'],
    ]);
    expect(parse(source).ins(0, 'FROM').image?.value).toBe('a');
  });

  it('does not continue a directive line with the escape character', () => {
    const p = parse('# syntax=a \\\nFROM b\n');
    expect(p.df.directives[0]!.value).toBe('a \\');
    expect(p.ins(0, 'FROM').image?.value).toBe('b');
  });
});
