import { defineRule } from '../../src/core/rule.js';
import type { Instruction } from '../../src/parse/dockerfile/ast.js';
import type { Span } from '../../src/core/types.js';
import { looksLikeJsonArray } from '../../src/model/dockerfile-query.js';

/** The array with single quotes made double, when that is all that is wrong. */
function repaired(text: string): string | undefined {
  const t = text.trim();
  if (t.includes('"') || t.includes('\\')) return undefined;
  try {
    const values: unknown = JSON.parse(t.replace(/'/g, '"'));
    if (Array.isArray(values) && values.length > 0 && values.every((v) => typeof v === 'string')) {
      return `[${values.map((v) => JSON.stringify(v)).join(', ')}]`;
    }
  } catch {
    // not just a quoting problem
  }
  return undefined;
}

/** Valid JSON that is not an array of strings is a syntax error, which the parser reports. */
function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The text that BuildKit tried and failed to read as JSON, and where it is. */
function jsonCandidate(ins: Instruction): { text: string; span: Span } | undefined {
  switch (ins.keyword) {
    case 'CMD':
    case 'ENTRYPOINT':
    case 'RUN':
    case 'VOLUME':
    case 'COPY':
    case 'ADD':
      if ((ins as { form?: string }).form === 'json' || ins.heredocs.length > 0) return undefined;
      if (ins.keyword === 'VOLUME' && ins.argsText.trim().startsWith('["')) {
        try {
          JSON.parse(ins.argsText);
          return undefined;
        } catch {
          // malformed
        }
      }
      return { text: ins.argsText, span: ins.argsSpan };
    case 'HEALTHCHECK': {
      const hc = ins as Extract<Instruction, { keyword: 'HEALTHCHECK' }>;
      if (hc.form !== 'shell' || !hc.commandText || !hc.commandSpan) return undefined;
      return { text: hc.commandText, span: hc.commandSpan };
    }
    default:
      return undefined;
  }
}

export default defineRule({
  id: 'malformed-json-args',
  meta: {
    description: 'Arguments written as a JSON array must be valid JSON, or they run in shell form',
    formats: ['dockerfile'],
    severity: 'error',
    recommended: true,
    category: 'correctness',
    sources: [],
    messages: {
      malformed:
        '{{keyword}} arguments look like a JSON array but are not valid JSON (strings need double quotes, no trailing comma), so Docker reads them in shell form and runs the brackets as a command.',
    },
    fixable: 'unsafe',
  },
  create(ctx) {
    return {
      DockerfileInstruction(ins) {
        const candidate = jsonCandidate(ins);
        if (!candidate || !looksLikeJsonArray(candidate.text) || isJson(candidate.text)) return;
        const text = repaired(candidate.text);
        ctx.report({
          messageId: 'malformed',
          span: candidate.span,
          data: { keyword: ins.keyword },
          ...(text ? { fix: { edits: [{ span: candidate.span, text }] } } : {}),
        });
      },
    };
  },
});
