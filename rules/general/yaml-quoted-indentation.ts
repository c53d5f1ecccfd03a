import { defineRule } from '../../src/core/rule.js';
import { QUOTED_CONTINUATION } from '../../src/parse/yaml/quoted-continuations.js';

export default defineRule({
  id: 'yaml-quoted-indentation',
  meta: {
    description: 'The continuation lines of a quoted scalar should be indented deeper than the line it starts on',
    formats: ['compose', 'kubernetes'],
    severity: 'warning',
    recommended: true,
    category: 'style',
    sources: [],
    messages: {
      underIndented:
        'This line continues a quoted string but is indented no deeper than the line the string starts on. kubectl (go-yaml) and PyYAML read it, but YAML 1.2 parsers, editors and formatters reject the file; indent it further.',
    },
    fixable: 'safe',
  },
  create(ctx) {
    return {
      YamlDocument(document) {
        for (const warning of document.warnings) {
          if (warning.code !== QUOTED_CONTINUATION) continue;
          // Indenting the lines changes no value: line folding drops their leading spaces.
          ctx.report({ messageId: 'underIndented', span: warning.span, ...(warning.edits ? { fix: { edits: warning.edits } } : {}) });
        }
      },
    };
  },
});
