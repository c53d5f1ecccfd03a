import { defineRule } from '../../src/core/rule.js';
import type { ArgInstruction, EnvInstruction } from '../../src/parse/dockerfile/ast.js';

interface Options {
  /** Names (case-insensitive) that look like secrets but are not. */
  allowNames: string[];
  /**
   * Extra `_`-separated words that make a name harmless, besides BuildKit's. By default
   * `gpg` and `pgp`: `GPG_KEY`, `PGP_KEY_IDS` hold public key fingerprints.
   */
  allowWords: string[];
}

/**
 * BuildKit's SecretsUsedInArgOrEnv word lists: a name is suspect when one of its
 * `_`-separated words is a secret word, unless one of them is an allowed word.
 */
const SECRET_WORDS = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const ALLOWED_WORDS = /(?:_|^)(?:public|file|version)(?:_|$)/i;

function looksLikeSecretName(name: string, extraAllowed: ReadonlySet<string>): boolean {
  if (!SECRET_WORDS.test(name) || ALLOWED_WORDS.test(name)) return false;
  return !name.toLowerCase().split('_').some((word) => extraAllowed.has(word));
}

export default defineRule<'secret', Options>({
  id: 'secrets-in-arg-or-env',
  meta: {
    description: 'Secrets should not be passed with ARG or ENV, which persist in the image',
    formats: ['dockerfile'],
    severity: 'warning',
    recommended: true,
    category: 'security',
    sources: [{ tool: 'buildkit', id: 'SecretsUsedInArgOrEnv' }],
    messages: {
      secret:
        '{{keyword}} "{{name}}" looks like a secret; ARG and ENV values stay in the image history and metadata. Use a secret mount instead: RUN --mount=type=secret,id={{id}},env={{name}} ….',
    },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allowNames: { type: 'array', items: { type: 'string' } },
        allowWords: { type: 'array', items: { type: 'string' } },
      },
    },
    defaults: { allowNames: [], allowWords: ['gpg', 'pgp'] },
    fixable: false,
  },
  create(ctx, options) {
    const allowed = new Set(options.allowNames.map((n) => n.toLowerCase()));
    const allowedWords = new Set(options.allowWords.map((w) => w.toLowerCase()));
    const check = (ins: ArgInstruction | EnvInstruction) => {
      if (ins.parentOnbuild) return;
      for (const pair of ins.pairs) {
        const name = pair.key.value;
        if (!looksLikeSecretName(name, allowedWords) || allowed.has(name.toLowerCase())) continue;
        ctx.report({ messageId: 'secret', node: pair.key, data: { keyword: ins.keyword, name, id: name.toLowerCase().replace(/_/g, '-') } });
      }
    };
    return { 'DockerfileInstruction:ARG': check, 'DockerfileInstruction:ENV': check };
  },
});
