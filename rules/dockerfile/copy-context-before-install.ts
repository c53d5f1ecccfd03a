import { defineRule } from '../../src/core/rule.js';
import type { CopyInstruction, Instruction, RunInstruction } from '../../src/parse/dockerfile/ast.js';
import type { ShellScript, ShellWord } from '../../src/parse/dockerfile/shell.js';
import { parseOptions, subcommand, viewCommand, wordValue } from '../../src/model/shell-query.js';
import { stageLineage } from '../../src/model/dockerfile-query.js';

/** Sources that copy the whole build context. */
const WHOLE_CONTEXT = new Set(['.', './', './.', '*', './*']);

/** What a command installs from a manifest, e.g. "npm ci"; undefined when it is not a dependency install. */
function dependencyInstall(name: string, args: readonly ShellWord[]): string | undefined {
  const values = args.map(wordValue);
  const sub = subcommand(args);
  const operands = (rest: readonly ShellWord[]) => parseOptions(rest).operands;
  switch (name) {
    case 'npm':
      if (sub.name === 'ci') return 'npm ci';
      if ((sub.name === 'install' || sub.name === 'i') && operands(sub.rest).length === 0 && !values.some((v) => v === '-g' || v === '--global')) return 'npm install';
      return undefined;
    case 'yarn':
      if (sub.name === undefined || (sub.name === 'install' && operands(sub.rest).length === 0)) return 'yarn install';
      return undefined;
    case 'pnpm':
      if ((sub.name === 'install' || sub.name === 'i') && operands(sub.rest).length === 0) return 'pnpm install';
      return sub.name === 'fetch' ? 'pnpm fetch' : undefined;
    case 'pip':
    case 'pip3':
      return sub.name === 'install' && values.some((v) => v === '-r' || v.startsWith('--requirement') || /^-r\S/.test(v)) ? `${name} install -r` : undefined;
    case 'uv':
      if (sub.name === 'sync') return 'uv sync';
      if (sub.name === 'pip' && values.includes('install') && values.some((v) => v === '-r' || v.startsWith('--requirement'))) return 'uv pip install -r';
      return undefined;
    case 'pipenv':
      return sub.name === 'install' && operands(sub.rest).length === 0 ? 'pipenv install' : undefined;
    case 'poetry':
      return sub.name === 'install' ? 'poetry install' : undefined;
    case 'go':
      return sub.name === 'mod' && values.includes('download') ? 'go mod download' : undefined;
    case 'bundle':
      return sub.name === 'install' ? 'bundle install' : undefined;
    case 'composer':
      return sub.name === 'install' ? 'composer install' : undefined;
    case 'mix':
      return sub.name === 'deps.get' ? 'mix deps.get' : undefined;
    case 'dotnet':
      return sub.name === 'restore' ? 'dotnet restore' : undefined;
    default:
      if (/^python[\d.]*$/.test(name) && values[0] === '-m' && /^pip3?$/.test(values[1] ?? '')) return dependencyInstall('pip', args.slice(2));
      return undefined;
  }
}

function installIn(script: ShellScript): { what: string; word: ShellWord } | undefined {
  for (const command of script.commands) {
    const view = viewCommand(command);
    if (!view) continue;
    const what = dependencyInstall(view.name, view.args);
    if (what) return { what, word: view.nameWord };
  }
  return undefined;
}

export default defineRule({
  id: 'copy-context-before-install',
  meta: {
    description: 'Copy the dependency manifests and install dependencies before copying the whole context',
    formats: ['dockerfile'],
    severity: 'info',
    recommended: true,
    category: 'efficiency',
    sources: [],
    messages: {
      cacheBust:
        'The whole build context is copied before "{{what}}" (line {{line}}), so any change to any file re-runs the install. Copy only the dependency manifests first (package.json and lock file, requirements.txt, go.mod/go.sum, Gemfile.lock, …), install, then copy the rest.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      DockerfileStage(stage) {
        const dockerfile = ctx.file.dockerfile;
        if (!dockerfile) return;
        const installs = new Map<Instruction, { what: string; word: ShellWord } | undefined>();
        const installOf = (ins: Instruction) => {
          if (ins.keyword !== 'RUN') return undefined;
          if (!installs.has(ins)) installs.set(ins, installIn(ctx.file.shell(ins as RunInstruction)));
          return installs.get(ins);
        };
        // Dependencies installed before the copy (the good pattern) may be installed again after it,
        // e.g. the project itself. Scanned lazily and once, in order: installs before, the next one after.
        let installedBefore: boolean | undefined;
        let scanned = 0;
        const installBefore = (index: number): boolean => {
          installedBefore ??= stageLineage(stage, dockerfile)
            .slice(0, -1)
            .some((s) => s.instructions.some((i) => installOf(i)));
          for (; !installedBefore && scanned < index; scanned++) if (installOf(stage.instructions[scanned]!)) installedBefore = true;
          return installedBefore;
        };
        let next = 0;
        stage.instructions.forEach((ins, index) => {
          if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') return;
          const copy = ins as CopyInstruction;
          if (copy.from || !copy.sources.some((s) => WHOLE_CONTEXT.has(s.value)) || installBefore(index)) return;
          next = Math.max(next, index + 1);
          while (next < stage.instructions.length && !installOf(stage.instructions[next]!)) next++;
          const later = stage.instructions[next];
          const install = later && installOf(later);
          if (!install) return;
          const line = ctx.file.source.positionAt(install.word.span.start).line + 1;
          ctx.report({
            messageId: 'cacheBust',
            span: copy.keywordSpan,
            data: { what: install.what, line },
            related: [{ span: install.word.span, message: 'Dependencies are installed here' }],
          });
        });
      },
    };
  },
});
