/**
 * What a RUN leaves in its layer: whether the stage's layers are shipped in the image at
 * all, which paths a cache or tmpfs mount keeps out of the layer, which paths a later
 * command removes, and which environment variables are set for a command.
 */
import type { CopyInstruction, Dockerfile, Instruction, RunInstruction, Stage } from '../parse/dockerfile/ast.js';
import type { ShellCommand, ShellScript } from '../parse/dockerfile/shell.js';
import { declaredValueBefore, resolveFrom, stageLineage } from './dockerfile-query.js';
import { parseOptions, viewCommand, wordValue } from './shell-query.js';

const shippedMemo = new WeakMap<Dockerfile, Set<number>>();

/**
 * The stages whose layers make up the image a plain `docker build` produces: the last
 * stage and the stages it is built FROM, plus any stage whose whole filesystem one of
 * those copies (`COPY --from=build / /`). A builder stage's caches never reach the image.
 */
export function shippedStages(dockerfile: Dockerfile): Set<number> {
  let set = shippedMemo.get(dockerfile);
  if (set) return set;
  set = new Set<number>();
  const pending: Stage[] = dockerfile.stages.length > 0 ? [dockerfile.stages.at(-1)!] : [];
  while (pending.length > 0) {
    const stage = pending.pop()!;
    for (const s of stageLineage(stage, dockerfile)) {
      if (set.has(s.index)) continue;
      set.add(s.index);
      for (const ins of s.instructions) {
        const copy = ins as CopyInstruction;
        if (ins.keyword !== 'COPY' || !copy.from?.value || !copy.sources.some((src) => /^\/+(\.|\*)?$/.test(src.value))) continue;
        const target = resolveFrom(copy.from.value.value, dockerfile);
        if (target.kind === 'stage') pending.push(target.stage);
      }
    }
  }
  shippedMemo.set(dockerfile, set);
  return set;
}

/** The instruction's layer ends up in the image (ONBUILD triggers run in the image built from it). */
export function layerIsShipped(instruction: Instruction, dockerfile: Dockerfile | undefined): boolean {
  if (!dockerfile || instruction.parentOnbuild) return true;
  return shippedStages(dockerfile).has(instruction.stageIndex);
}

/** Targets of the RUN's mounts of these types, without a trailing slash. */
export function mountTargets(run: RunInstruction, types: readonly string[] = ['cache', 'tmpfs']): string[] {
  return run.mounts
    .filter((m) => types.includes(m.type))
    .map((m) => m.options.target ?? m.options.dst ?? m.options.destination)
    .filter((t): t is string => t !== undefined && t !== '')
    .map(trimSlashes);
}

/** A cache or tmpfs mount keeps `path` out of the layer: it is mounted at the path or above it. */
export function mountCovers(run: RunInstruction, path: string): boolean {
  return mountTargets(run).some((t) => within(path, t));
}

function trimSlashes(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/** `path` is `dir` or below it. */
export function within(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir === '/' ? '/' : `${dir}/`);
}

/**
 * The first command after offset `after` that deletes `path` or everything in it:
 * `rm -rf path`, `rm -rf path/*`, `rm -r <a parent>`, `find path … -delete`.
 */
export function removalOf(script: ShellScript, paths: readonly string[], after = -1): ShellCommand | undefined {
  for (const command of script.commands) {
    if (command.span.start <= after) continue;
    const view = viewCommand(command);
    if (!view) continue;
    if (view.name === 'rm') {
      const { operands } = parseOptions(view.args);
      for (const op of operands) {
        if (op.value === undefined) continue;
        const target = trimSlashes(op.value.replace(/\/\*+$/, '').replace(/\/+$/, '') || '/');
        if (paths.some((p) => within(p, target))) return command;
      }
    } else if (view.name === 'find') {
      const start = view.args[0]?.value;
      const deletes = view.args.some((a) => a.value === '-delete' || a.value === '-exec' || a.value === '-execdir');
      if (start !== undefined && deletes && paths.some((p) => within(trimSlashes(start), p) || within(p, trimSlashes(start)))) return command;
    }
  }
  return undefined;
}

/**
 * The value of an environment variable for a command: set on the command line
 * (`X=1 pip …`), earlier in the script (`export X=1`, `X=1;`), or by ENV/ARG before
 * the instruction in its stage lineage. Undefined when it is not set anywhere we can see.
 */
export function envValueFor(
  name: string,
  command: ShellCommand,
  script: ShellScript,
  instruction: Instruction,
  dockerfile: Dockerfile | undefined,
): string | undefined {
  const own = command.assignments.find((a) => a.name === name);
  if (own) return own.value ? wordValue(own.value) : '';
  let value: string | undefined;
  for (const c of script.commands) {
    if (c.span.start >= command.span.start) break;
    if (c.inSubshell) continue;
    if (!c.name) for (const a of c.assignments) if (a.name === name) value = a.value ? wordValue(a.value) : '';
    if (c.name && ['export', 'declare', 'typeset', 'readonly'].includes(wordValue(c.name))) {
      for (const arg of c.args) {
        const v = wordValue(arg);
        if (v.startsWith(`${name}=`)) value = v.slice(name.length + 1);
      }
      for (const a of c.assignments) if (a.name === name) value = a.value ? wordValue(a.value) : '';
    }
  }
  if (value !== undefined) return value;
  if (!dockerfile || instruction.stageIndex < 0) return undefined;
  const stage = dockerfile.stages[instruction.stageIndex];
  if (!stage) return undefined;
  return declaredValueBefore(stage, dockerfile, instruction, name);
}

const TRUTHY = new Set(['1', 'true', 'yes', 'on']);

export function isTruthy(value: string | undefined): boolean {
  return value !== undefined && TRUTHY.has(value.toLowerCase());
}
