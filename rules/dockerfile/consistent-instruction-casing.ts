import { defineRule } from '../../src/core/rule.js';
import type { Instruction, OnbuildInstruction } from '../../src/parse/dockerfile/ast.js';

const isLower = (s: string) => s === s.toLowerCase();
const isUpper = (s: string) => s === s.toUpperCase();

export default defineRule({
  id: 'consistent-instruction-casing',
  meta: {
    description: 'Instruction keywords should all use the same casing, upper or lower',
    formats: ['dockerfile'],
    severity: 'info',
    recommended: true,
    category: 'style',
    sources: [{ tool: 'buildkit', id: 'ConsistentInstructionCasing' }],
    messages: {
      casing: 'Write "{{keyword}}" in {{casing}} case, like most instructions of this file: {{fixed}}.',
    },
    fixable: 'safe',
  },
  create(ctx) {
    return {
      Dockerfile(dockerfile) {
        const top = dockerfile.instructions.filter((i) => !('unknown' in i));
        // As BuildKit: the majority among self-consistent keywords decides; a tie means upper case.
        let lower = 0;
        let upper = 0;
        for (const ins of top) {
          if (isLower(ins.keywordText)) lower++;
          else if (isUpper(ins.keywordText)) upper++;
        }
        const majorityLower = lower > upper;
        const check = (ins: Instruction) => {
          const text = ins.keywordText;
          const wanted = majorityLower ? text.toLowerCase() : text.toUpperCase();
          if (text !== wanted) {
            ctx.report({
              messageId: 'casing',
              span: ins.keywordSpan,
              data: { keyword: text, casing: majorityLower ? 'lower' : 'upper', fixed: wanted },
              fix: { edits: [{ span: ins.keywordSpan, text: wanted }] },
            });
          }
          const trigger = (ins as OnbuildInstruction).trigger;
          if (ins.keyword === 'ONBUILD' && trigger && !('unknown' in trigger)) check(trigger);
        };
        for (const ins of top) check(ins);
      },
    };
  },
});
