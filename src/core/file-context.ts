/**
 * Everything rules may read about the file being linted, with derived data computed
 * once and shared by all rules (a RUN's parsed shell, the extracted containers, …).
 */
import type { ContainerSpec } from '../model/container.js';
import { shellOfInstruction, type ShellBearing } from '../model/dockerfile-shell.js';
import type { Dockerfile } from '../parse/dockerfile/ast.js';
import type { ShellScript } from '../parse/dockerfile/shell.js';
import { createEnvironment, type LintEnvironment } from './environment.js';
import type { SourceText } from './source.js';
import type { FileFormat } from './types.js';

export class FileContext {
  private readonly memos = new Map<unknown, unknown>();

  constructor(
    readonly source: SourceText,
    readonly format: FileFormat,
    /** Dockerfile AST, when the file is a Dockerfile. */
    readonly dockerfile: Dockerfile | undefined,
    readonly containers: readonly ContainerSpec[],
    /** The run's settings and project facts (target Kubernetes version, schema locations, CRDs). */
    readonly env: LintEnvironment = createEnvironment(),
  ) {}

  /** Display path, relative to the working directory, `/`-separated. */
  get path(): string {
    return this.source.path;
  }

  get text(): string {
    return this.source.text;
  }

  /** Computes a value once per file per key. */
  memo<T>(key: unknown, compute: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const value = compute();
    this.memos.set(key, value);
    return value;
  }

  /** The parsed shell of a RUN, shell-form CMD/ENTRYPOINT or HEALTHCHECK CMD. */
  shell(instruction: ShellBearing): ShellScript {
    return this.memo(instruction, () => shellOfInstruction(instruction, this.source.text, this.dockerfile));
  }
}
