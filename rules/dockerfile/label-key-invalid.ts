import { defineRule } from '../../src/core/rule.js';
import type { EnvInstruction } from '../../src/parse/dockerfile/ast.js';

const RESERVED = ['com.docker.', 'io.docker.', 'org.dockerproject.'];

/** What is wrong with a label key by Docker's naming guidelines, if anything. */
function problem(key: string): 'reserved' | 'format' | undefined {
  if (RESERVED.some((ns) => key.startsWith(ns))) return 'reserved';
  if (!/^[a-z]([a-z0-9.-]*[a-z0-9])?$/.test(key) || key.includes('..') || key.includes('--')) return 'format';
  return undefined;
}

export default defineRule({
  id: 'label-key-invalid',
  meta: {
    description: "Label keys should follow Docker's naming guidelines",
    formats: ['dockerfile'],
    severity: 'info',
    recommended: false,
    category: 'style',
    sources: [{ tool: 'hadolint', id: 'DL3048' }],
    messages: {
      reserved: 'The label namespace of "{{key}}" is reserved for Docker itself (com.docker.*, io.docker.*, org.dockerproject.*); use your own reverse-DNS prefix.',
      format:
        'Label key "{{key}}" does not follow Docker\'s guidelines: lower-case letters, digits, "." and "-", starting with a letter and ending with a letter or digit, no ".." or "--" (e.g. org.opencontainers.image.version).',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      'DockerfileInstruction:LABEL'(ins: EnvInstruction) {
        for (const pair of ins.pairs) {
          const key = pair.key.value;
          if (!key || key.includes('$')) continue;
          const messageId = problem(key);
          if (messageId) ctx.report({ messageId, node: pair.key, data: { key } });
        }
      },
    };
  },
});
