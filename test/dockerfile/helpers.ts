/** Parser test helpers: parse, and read any span back out of the source it came from. */
import type { Span } from '../../src/core/types.js';
import type { Dockerfile, Instruction, InstructionByKeyword } from '../../src/parse/dockerfile/ast.js';
import { parseDockerfile } from '../../src/parse/dockerfile/parser.js';

export interface Parsed {
  df: Dockerfile;
  /** The source text a span covers: comparing it to the expected text makes range bugs visible. */
  text: (span: Span | undefined) => string | undefined;
  /** The n-th instruction (0-based, in source order), checked to have the given keyword. */
  ins: <K extends keyof InstructionByKeyword>(index: number, keyword: K) => InstructionByKeyword[K];
  errors: () => { message: string; text: string }[];
}

export function parse(source: string): Parsed {
  const df = parseDockerfile(source);
  const text = (span: Span | undefined) => (span ? source.slice(span.start, span.end) : undefined);
  return {
    df,
    text,
    ins: <K extends keyof InstructionByKeyword>(index: number, keyword: K) => {
      const found: Instruction | undefined = df.instructions[index];
      if (!found || found.keyword !== keyword) {
        throw new Error(`instruction ${index} is ${found?.keyword ?? 'missing'}, expected ${keyword}`);
      }
      return found as InstructionByKeyword[K];
    },
    errors: () => df.errors.map((e) => ({ message: e.message, text: source.slice(e.span.start, e.span.end) })),
  };
}

/** Line and column (1-based, UTF-16) of an offset, as the JSON output counts them. */
export function lineCol(source: string, offset: number): string {
  const before = source.slice(0, offset);
  const lines = before.split(/\r\n|\r|\n/);
  return `${lines.length}:${lines.at(-1)!.length + 1}`;
}
