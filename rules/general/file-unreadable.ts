import { defineRule } from '../../src/core/rule.js';

/**
 * Reported by the core when a file cannot be read as text: binary content, invalid
 * UTF-8 or an I/O error. It has no listeners; it exists so the finding has a
 * documented id, a severity users can change, and a place in the catalog.
 */
export default defineRule({
  id: 'file-unreadable',
  meta: {
    description: 'The file could not be read as UTF-8 text',
    formats: ['dockerfile', 'compose', 'kubernetes'],
    severity: 'error',
    recommended: true,
    category: 'correctness',
    sources: [],
    messages: {
      binary: 'This is a binary file, not text; it was not linted.',
      io: 'The file could not be read ({{reason}}).',
      invalidUtf8: 'The file is not valid UTF-8; invalid bytes were replaced before linting. Save it as UTF-8.',
    },
    fixable: false,
  },
  create() {
    return {};
  },
});
