/**
 * The shell script a Dockerfile instruction runs, ready for the shell parser: continued
 * lines joined with an exact map back to the source, heredoc bodies appended.
 */
import type {
  Dockerfile,
  ExecFormInstruction,
  HealthcheckInstruction,
  Instruction,
  RunInstruction,
  ShellInstruction,
  Stage,
} from '../parse/dockerfile/ast.js';
import { joinContinuations, linesIn, MappedText } from '../parse/dockerfile/lexer.js';
import { parseShell, type ShellCommand, type ShellScript } from '../parse/dockerfile/shell.js';

export type ShellBearing = RunInstruction | ExecFormInstruction | HealthcheckInstruction;

const POSIX_SHELLS = /(^|\/)(sh|bash|ash|dash|zsh|ksh|mksh|busybox)$/;
const WINDOWS_IMAGE = /(windows|nanoserver|servercore)/i;

export function shellOfInstruction(instruction: ShellBearing, source: string, dockerfile?: Dockerfile): ShellScript {
  const shell = dockerfile ? effectiveShell(instruction, dockerfile) : undefined;
  if (shell && !POSIX_SHELLS.test(shell)) {
    return { text: '', commands: [], errors: [], skipped: `the stage's SHELL is ${shell}` };
  }
  if (instruction.keyword === 'HEALTHCHECK') {
    const hc = instruction as HealthcheckInstruction;
    if (hc.form === 'json' && hc.json) return execForm(hc.json.values);
    if (!hc.commandSpan) return { text: '', commands: [], errors: [] };
    return parseSpan(source, hc.commandSpan, dockerfile?.escapeChar ?? '\\');
  }
  const json = (instruction as RunInstruction | ExecFormInstruction).json;
  if (json) return execForm(json.values);

  const run = instruction as RunInstruction;
  if (run.keyword === 'RUN' && run.form === 'heredoc') {
    const doc = run.heredocs[0]!;
    if (/^#!/.test(doc.body) && !/^#!\S*(sh|bash)\b/.test(doc.body)) {
      return { text: doc.body, commands: [], errors: [], skipped: 'the heredoc runs a non-shell interpreter' };
    }
    const text = new MappedText();
    text.append(source.slice(doc.bodySpan.start, doc.bodySpan.end), doc.bodySpan.start);
    return parseShell(text.text, text);
  }
  const text = joined(source, instruction.argsSpan, dockerfile?.escapeChar ?? '\\');
  if (instruction.heredocs.length > 0) {
    const first = instruction.heredocs[0]!;
    const last = instruction.heredocs.at(-1)!;
    text.appendSynthetic('\n', first.bodySpan.start);
    text.append(source.slice(first.bodySpan.start, last.span.end), first.bodySpan.start);
  }
  return parseShell(text.text, text);
}

function parseSpan(source: string, span: { start: number; end: number }, escapeChar: string): ShellScript {
  const text = joined(source, span, escapeChar);
  return parseShell(text.text, text);
}

function joined(source: string, span: { start: number; end: number }, escapeChar: string): MappedText {
  return joinContinuations(linesIn(source, span), 0, escapeChar).text;
}

/** Exec form runs no shell: the words are the command line. */
function execForm(values: { value: string; span: { start: number; end: number } }[]): ShellScript {
  const [name, ...args] = values;
  if (!name) return { text: '', commands: [], errors: [] };
  const word = (v: (typeof values)[number]) => ({ text: v.value, value: v.value, span: v.span });
  const command: ShellCommand = {
    name: word(name),
    args: args.map(word),
    assignments: [],
    span: { start: name.span.start, end: (args.at(-1) ?? name).span.end },
    inSubshell: false,
    conditional: false,
  };
  return { text: values.map((v) => v.value).join(' '), commands: [command], errors: [] };
}

/** Each stage's SHELL instructions, found once per Dockerfile: asking per RUN must not rescan the stage. */
const shellsOfStages = new WeakMap<Dockerfile, ShellInstruction[][]>();

function stageShells(dockerfile: Dockerfile): ShellInstruction[][] {
  let shells = shellsOfStages.get(dockerfile);
  if (!shells) {
    shells = dockerfile.stages.map((s) => s.instructions.filter((i): i is ShellInstruction => i.keyword === 'SHELL'));
    shellsOfStages.set(dockerfile, shells);
  }
  return shells;
}

/** The SHELL in effect for an instruction: the stage's last SHELL before it, inherited through FROM <stage>. */
export function effectiveShell(instruction: Instruction, dockerfile: Dockerfile): string | undefined {
  const shell = shellInstructionFor(instruction, dockerfile);
  if (shell) return shell.json?.values[0]?.value.toLowerCase().replace(/\.exe$/, '');
  const root = rootStage(instruction, dockerfile);
  return root && WINDOWS_IMAGE.test(root.from.imageExpanded ?? '') ? 'cmd' : undefined;
}

/** The SHELL instruction in effect for an instruction, if any (its stage's, or a base stage's). */
export function shellInstructionFor(instruction: Instruction, dockerfile: Dockerfile): ShellInstruction | undefined {
  const shells = stageShells(dockerfile);
  let stage = dockerfile.stages[instruction.stageIndex];
  let before = instruction.span.start;
  const seen = new Set<number>();
  while (stage && !seen.has(stage.index)) {
    seen.add(stage.index);
    const list = shells[stage.index] ?? [];
    for (let i = list.length - 1; i >= 0; i--) if (list[i]!.span.start < before) return list[i];
    if (stage.baseStage === undefined) return undefined;
    before = Infinity;
    stage = dockerfile.stages[stage.baseStage];
  }
  return undefined;
}

function rootStage(instruction: Instruction, dockerfile: Dockerfile): Stage | undefined {
  let stage = dockerfile.stages[instruction.stageIndex];
  const seen = new Set<number>();
  while (stage && stage.baseStage !== undefined && !seen.has(stage.index)) {
    seen.add(stage.index);
    stage = dockerfile.stages[stage.baseStage];
  }
  return stage;
}
