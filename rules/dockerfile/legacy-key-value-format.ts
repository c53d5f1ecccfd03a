import { defineRule } from '../../src/core/rule.js';
import type { EnvInstruction } from '../../src/parse/dockerfile/ast.js';

export default defineRule({
  id: 'legacy-key-value-format',
  meta: {
    description: 'ENV and LABEL should use the key=value form',
    formats: ['dockerfile'],
    severity: 'warning',
    recommended: true,
    category: 'style',
    sources: [{ tool: 'buildkit', id: 'LegacyKeyValueFormat' }],
    messages: {
      legacy: 'Use "{{keyword}} {{key}}=value" instead of the legacy "{{keyword}} {{key}} value" form, which is deprecated and takes the whole rest of the line as the value.',
    },
    fixable: 'safe',
  },
  create(ctx) {
    const check = (ins: EnvInstruction) => {
      if (!ins.legacyForm) return;
      const pair = ins.pairs[0];
      if (!pair) return;
      let fix;
      const value = pair.value;
      const escapeChar = ctx.file.dockerfile?.escapeChar ?? '\\';
      // Only one-line values with an obvious equivalent: a single word, or plain words that can be double-quoted.
      if (value && !ctx.file.text.slice(pair.span.start, pair.span.end).includes('\n')) {
        let text: string | undefined;
        // One word: whitespace only inside quotes, no escapes.
        if (/^(?:[^\s"'`\\]|"[^"`\\]*"|'[^']*')+$/.test(value.raw) && !value.raw.includes(escapeChar)) text = value.raw;
        else if (!/["'`]/.test(value.raw) && !value.raw.includes(escapeChar)) text = `"${value.raw}"`;
        if (text !== undefined) fix = { edits: [{ span: pair.span, text: `${pair.key.raw}=${text}` }] };
      }
      ctx.report({ messageId: 'legacy', node: pair.key, data: { keyword: ins.keyword, key: pair.key.value }, ...(fix ? { fix } : {}) });
    };
    return { 'DockerfileInstruction:ENV': check, 'DockerfileInstruction:LABEL': check };
  },
});
