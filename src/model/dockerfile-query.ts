/**
 * Questions about a Dockerfile that several rules ask: which stages a stage is built
 * on, what was set before an instruction in that chain, how --from resolves, what a
 * FROM gives with default ARGs, whether bracketed text was meant as JSON.
 */
import type { TextEdit } from '../core/types.js';
import type { ArgInstruction, Dockerfile, EnvInstruction, Instruction, Stage } from '../parse/dockerfile/ast.js';
import { expandVariables, MapScope } from '../parse/dockerfile/expand.js';
import { PLATFORM_ARGS } from '../parse/dockerfile/parser.js';

/** The stage and the stages it is built FROM, root first. Stops at a cycle. */
export function stageLineage(stage: Stage, dockerfile: Dockerfile): Stage[] {
  const out: Stage[] = [];
  const seen = new Set<number>();
  for (let s: Stage | undefined = stage; s && !seen.has(s.index); s = s.baseStage === undefined ? undefined : dockerfile.stages[s.baseStage]) {
    seen.add(s.index);
    out.unshift(s);
  }
  return out;
}

/** The instructions of the stage's lineage that come before `instruction` (all of them when it is undefined). */
export function instructionsBefore(stage: Stage, dockerfile: Dockerfile, instruction?: Instruction): Instruction[] {
  const out: Instruction[] = [];
  for (const s of stageLineage(stage, dockerfile)) {
    for (const ins of s.instructions) {
      if (instruction && ins === instruction) return out;
      out.push(ins);
    }
  }
  return out;
}

/** Per stage and question: the offset of the first instruction of the lineage that answers yes. */
const firstOffsets = new WeakMap<Stage, Map<string, number | undefined>>();

/**
 * Whether an instruction of the stage's lineage before `instruction` satisfies `test`: the
 * same as instructionsBefore(…).some(test), but found once per stage and question (`key`
 * names the question), because rules ask it for every instruction of large files.
 */
export function hasBeforeWhere(
  stage: Stage,
  dockerfile: Dockerfile,
  instruction: Instruction,
  key: string,
  test: (ins: Instruction) => boolean,
): boolean {
  let answers = firstOffsets.get(stage);
  if (!answers) firstOffsets.set(stage, (answers = new Map()));
  if (!answers.has(key)) {
    let first: number | undefined;
    for (const s of stageLineage(stage, dockerfile)) {
      // Instructions of base stages all come before this stage's: they count as offset -1.
      const found = s.instructions.find(test);
      if (found) {
        first = s === stage ? found.span.start : -1;
        break;
      }
    }
    answers.set(key, first);
  }
  const first = answers.get(key);
  return first !== undefined && first < instruction.span.start;
}

/** Whether an instruction with `keyword` comes before `instruction` in the stage's lineage. */
export function hasBefore(stage: Stage, dockerfile: Dockerfile, instruction: Instruction, keyword: string): boolean {
  return hasBeforeWhere(stage, dockerfile, instruction, `keyword:${keyword}`, (i) => i.keyword === keyword);
}

/** Per stage and variable name: where ENV/ARG set it in the lineage (offset -1 for base stages), in order. */
const assignments = new WeakMap<Stage, Map<string, { at: number; value: string }[]>>();

/**
 * The value the last ENV (or ARG with a default) of the stage's lineage before `instruction`
 * gives `name`; undefined when none does. Indexed once per stage and name.
 */
export function declaredValueBefore(stage: Stage, dockerfile: Dockerfile, instruction: Instruction, name: string): string | undefined {
  let byName = assignments.get(stage);
  if (!byName) assignments.set(stage, (byName = new Map()));
  let list = byName.get(name);
  if (!list) {
    list = [];
    for (const s of stageLineage(stage, dockerfile)) {
      for (const ins of s.instructions) {
        if (ins.keyword !== 'ENV' && ins.keyword !== 'ARG') continue;
        for (const pair of (ins as EnvInstruction | ArgInstruction).pairs) {
          if (pair.key.value === name && (pair.value || ins.keyword === 'ENV')) list.push({ at: s === stage ? ins.span.start : -1, value: pair.value?.value ?? '' });
        }
      }
    }
    byName.set(name, list);
  }
  let value: string | undefined;
  for (const entry of list) {
    if (entry.at >= instruction.span.start) break;
    value = entry.value;
  }
  return value;
}

/** The stage is built, through its base stages, on `scratch`: nothing in its environment comes from an image. */
export function rootedInScratch(stage: Stage, dockerfile: Dockerfile): boolean {
  const root = stageLineage(stage, dockerfile)[0]!;
  return root.baseStage === undefined && root.from.imageExpanded?.trim().toLowerCase() === 'scratch';
}

export type FromTarget =
  | { kind: 'stage'; stage: Stage }
  | { kind: 'image' }
  | { kind: 'unknown' }
  | { kind: 'dynamic' };

/**
 * What `COPY --from=<value>` names, as BuildKit resolves it: a stage by name
 * (case-insensitive) or by index, otherwise an image. A bare word that is neither a
 * stage nor looks like an image reference (no tag, digest or registry path) is `unknown`.
 */
export function resolveFrom(value: string, dockerfile: Dockerfile): FromTarget {
  const v = value.trim();
  if (hasUnresolvedVariable(v)) return { kind: 'dynamic' };
  const byName = dockerfile.stages.find((s) => s.name === v.toLowerCase());
  if (byName) return { kind: 'stage', stage: byName };
  if (/^\d+$/.test(v)) {
    const byIndex = dockerfile.stages[Number(v)];
    return byIndex ? { kind: 'stage', stage: byIndex } : { kind: 'unknown' };
  }
  if (/[:@/]/.test(v)) return { kind: 'image' };
  return { kind: 'unknown' };
}

/** An absolute path on Linux (`/x`) or Windows (`C:\x`, `C:/x`, `\x`). */
export function isAbsolutePath(path: string): boolean {
  return /^(\/|\\|[A-Za-z]:[\\/])/.test(path);
}

/** The text still holds a variable reference the parser could not resolve. */
export function hasUnresolvedVariable(text: string): boolean {
  return /\$\{?[A-Za-z_]/.test(text);
}

/** Values BuildKit gives the platform ARGs, for expanding with defaults (any real platform will do). */
const PLATFORM_VALUES: Record<string, string> = {
  TARGETPLATFORM: 'linux/amd64', TARGETOS: 'linux', TARGETARCH: 'amd64', TARGETVARIANT: '',
  BUILDPLATFORM: 'linux/amd64', BUILDOS: 'linux', BUILDARCH: 'amd64', BUILDVARIANT: '',
};

/**
 * `text` (a FROM image) expanded as a build without --build-arg would: global ARGs take
 * their defaults, an ARG without a default is empty. Undefined when a variable is not a
 * declared global ARG (that is undefined-arg-in-from's business).
 */
export function expandWithDefaults(text: string, dockerfile: Dockerfile): string | undefined {
  const scope = new MapScope(new Map(PLATFORM_ARGS.map((n) => [n, PLATFORM_VALUES[n] ?? ''] as const)));
  for (const arg of dockerfile.globalArgs) {
    for (const pair of arg.pairs) {
      // A default may use earlier global ARGs.
      const value = pair.value ? expandVariables(pair.value.raw, scope).value : '';
      scope.set(pair.key.value, unquote(value));
    }
  }
  const result = expandVariables(text, scope);
  return result.resolved ? unquote(result.value) : undefined;
}

function unquote(text: string): string {
  return text.replace(/^"(.*)"$/s, '$1').replace(/^'(.*)'$/s, '$1');
}

/**
 * Text that was meant as a JSON array (exec form): `[…]` with a quote right after the
 * bracket or a comma inside. The shell's test command (`[ -f x ] && …`) is neither.
 */
export function looksLikeJsonArray(text: string): boolean {
  const t = text.trim();
  if (!t.startsWith('[') || !t.endsWith(']')) return false;
  return /^\[["'“”‘’]/.test(t) || t.includes(',');
}

/**
 * An edit adding an argument after the word that ends at `at`: ` -y` in a shell-form RUN,
 * `, "-y"` in an exec-form one (`RUN ["apt-get", "install", "-y", …]`), which must stay JSON.
 */
export function argumentInsertion(run: { form: string }, at: number, argument: string): TextEdit {
  return { span: { start: at, end: at }, text: run.form === 'json' ? `, ${JSON.stringify(argument)}` : ` ${argument}` };
}
