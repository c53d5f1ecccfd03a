import { defineRule } from '../../src/core/rule.js';
import type { RunInstruction } from '../../src/parse/dockerfile/ast.js';
import type { ShellWord } from '../../src/parse/dockerfile/shell.js';
import { viewCommand } from '../../src/model/shell-query.js';

type Tool = 'curl' | 'wget';

export default defineRule({
  id: 'wget-and-curl',
  meta: {
    description: 'Use either wget or curl in a stage, not both',
    formats: ['dockerfile'],
    severity: 'info',
    recommended: false,
    category: 'efficiency',
    sources: [
      { tool: 'hadolint', id: 'DL4001' },
      { tool: 'trivy', id: 'DS014' },
    ],
    messages: {
      both: 'This stage already downloads with `{{other}}` (line {{line}}); use one tool for every download, so the image needs only one of them.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      DockerfileStage(stage) {
        const uses: { tool: Tool; word: ShellWord }[] = [];
        for (const ins of stage.instructions) {
          if (ins.keyword !== 'RUN') continue;
          const inRun: { tool: Tool; word: ShellWord; conditional: boolean }[] = [];
          for (const command of ctx.file.shell(ins as RunInstruction).commands) {
            const view = viewCommand(command);
            if (view && (view.name === 'curl' || view.name === 'wget')) inRun.push({ tool: view.name, word: view.nameWord, conditional: command.conditional });
          }
          // `curl … || wget …` falls back to whichever tool the image has: neither side counts.
          const fallbackFor = new Set(inRun.filter((u) => u.conditional).map((u) => u.tool));
          for (const use of inRun) {
            if (!use.conditional && !(fallbackFor.size > 0 && !fallbackFor.has(use.tool))) uses.push(use);
          }
        }
        const first = uses[0];
        const other = first && uses.find((u) => u.tool !== first.tool);
        if (!first || !other) return;
        const line = ctx.file.source.positionAt(first.word.span.start).line + 1;
        for (const use of uses) {
          if (use.tool === other.tool) ctx.report({ messageId: 'both', span: use.word.span, data: { other: first.tool, line } });
        }
      },
    };
  },
});
