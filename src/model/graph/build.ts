/** Assembles the project graph from the parsed files of a run (see parts.ts). */
import { GRAPH_PARTS } from './all-parts.js';
import { DescriptionBuilder, type GraphBuildContext, type GraphInput, type GraphPart } from './parts.js';
import type { GraphDescription, GraphFile, ProjectGraph } from './types.js';

export class GraphCollector {
  private readonly files = new Map<string, GraphFile>();
  private readonly extracted: unknown[][];

  constructor(private readonly parts: readonly GraphPart[] = GRAPH_PARTS) {
    this.extracted = parts.map(() => []);
  }

  /** Reads one parsed file; call while its tree is alive. Never throws. */
  add(input: GraphInput): void {
    this.addExtracted(input.file, this.extract(input));
  }

  /** What each part reads from one file (undefined where it reads nothing); `--jobs` workers send it back. */
  extract(input: GraphInput): unknown[] {
    return this.parts.map((part) => {
      if (!part.extract) return undefined;
      try {
        return part.extract(input);
      } catch {
        // A file the part cannot read adds nothing; its own rules report what is wrong with it.
        return undefined;
      }
    });
  }

  /** Adds what `extract` read from a file. */
  addExtracted(file: GraphFile, extracted: readonly unknown[]): void {
    this.files.set(file.path, file);
    extracted.forEach((e, i) => {
      if (e !== undefined) this.extracted[i]!.push(e);
    });
  }

  build(context: GraphBuildContext): ProjectGraph {
    const memos = new Map<string, unknown>();
    // Each part sets its own fields below; until then the graph is incomplete by design.
    const graph = {
      files: this.files,
      memo<T>(key: string, compute: () => T): T {
        if (memos.has(key)) return memos.get(key) as T;
        const value = compute();
        memos.set(key, value);
        return value;
      },
    } as unknown as ProjectGraph;
    this.parts.forEach((part, i) => {
      try {
        part.build(graph, this.extracted[i]!, context);
      } catch {
        part.build(graph, [], context);
      }
    });
    return graph;
  }
}

/** Nodes and typed edges of the whole graph, for `plimsoll graph`. */
export function describeGraph(graph: ProjectGraph, parts: readonly GraphPart[] = GRAPH_PARTS): GraphDescription {
  const out = new DescriptionBuilder();
  for (const part of parts) part.describe?.(graph, out);
  return out.result();
}
