import { defineRule } from '../../src/core/rule.js';
import type { CopyInstruction } from '../../src/parse/dockerfile/ast.js';

/** Extensions of the archives ADD unpacks (gzip, bzip2, xz, zstd, lzma, compress). */
const ARCHIVE = /\.(tar|tgz|tbz2?|tb2|txz|tzst|tlz|tZ|taz|gz|bz2|xz|zst|lz|lzma|Z)$/i;
/** Sources ADD fetches: URLs and git repositories. */
const REMOTE = /^([a-z][a-z0-9+.-]*:\/\/|git@)/i;
/** Flags only ADD has: they make the source remote or an archive on purpose. */
const ADD_ONLY_FLAGS = new Set(['checksum', 'keep-git-dir', 'unpack']);

export default defineRule({
  id: 'add-instead-of-copy',
  meta: {
    description: 'Use COPY rather than ADD for local files and folders',
    formats: ['dockerfile'],
    severity: 'warning',
    recommended: true,
    category: 'reliability',
    sources: [{ tool: 'hadolint', id: 'DL3020' }],
    messages: {
      useCopy:
        'ADD of a local file or folder: use COPY, which only copies. ADD also fetches URLs and unpacks archives, which makes the step harder to predict.',
    },
    fixable: 'unsafe',
  },
  create(ctx) {
    return {
      'DockerfileInstruction:ADD'(ins: CopyInstruction) {
        if (ins.heredocs.length > 0 || ins.sources.length === 0) return;
        if (ins.flags.some((f) => ADD_ONLY_FLAGS.has(f.name))) return;
        for (const source of ins.sources) {
          const value = source.value;
          // A source that depends on an unresolved variable may be a URL or an archive.
          if (/\$\{?[A-Za-z_]/.test(value)) return;
          if (REMOTE.test(value) || ARCHIVE.test(value)) return;
        }
        // Unsafe: ADD unpacks a local tar archive whatever its name, COPY never does.
        const keyword = ins.keywordText === ins.keywordText.toLowerCase() ? 'copy' : 'COPY';
        ctx.report({ messageId: 'useCopy', span: ins.keywordSpan, fix: { edits: [{ span: ins.keywordSpan, text: keyword }] } });
      },
    };
  },
});
