/**
 * How the graph is assembled: each format contributes a part that reads what it needs from
 * a parsed file while its tree is alive (so the trees can be dropped — the graph keeps only
 * small records and the nodes findings point at), then builds its piece of the graph from
 * everything read. Parts run in order; a later one (cross-format links) sees the earlier ones.
 */
import type { LintEnvironment } from '../../core/environment.js';
import type { ParsedFile } from '../../core/parsed-file.js';
import type { Simulation } from './simulate.js';
import type { GraphDescription, GraphEdge, GraphFile, GraphNode, ProjectGraph } from './types.js';

/** One parsed file as a part's extractor sees it. */
export interface GraphInput {
  parsed: ParsedFile;
  file: GraphFile;
  /** Image name → absolute path of the Dockerfile that builds it (config `images`). */
  images?: ReadonlyMap<string, string>;
}

export interface GraphBuildContext {
  env: LintEnvironment;
}

export interface GraphPart<Extracted = unknown> {
  name: string;
  /** Reads what the graph needs from one file; undefined when the file adds nothing. */
  extract?(input: GraphInput): Extracted | undefined;
  /** Sets this part's fields on the graph from everything extracted. */
  build(graph: ProjectGraph, extracted: readonly Extracted[], context: GraphBuildContext): void;
  /** Adds this part's nodes and edges to the printed graph. */
  describe?(graph: ProjectGraph, out: DescriptionBuilder): void;
  /** Adds this part's section to the simulation (`plimsoll simulate`). */
  simulate?(graph: ProjectGraph, out: Simulation): void;
}

/** Collects nodes and edges once each; the result is sorted so output is deterministic. */
export class DescriptionBuilder {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly edges = new Map<string, GraphEdge>();

  node(node: GraphNode): string {
    if (!this.nodes.has(node.id)) this.nodes.set(node.id, node);
    return node.id;
  }

  has(id: string): boolean {
    return this.nodes.has(id);
  }

  edge(edge: GraphEdge): void {
    const key = `${edge.type}\u0000${edge.from}\u0000${edge.to}\u0000${edge.label ?? ''}`;
    if (!this.edges.has(key)) this.edges.set(key, edge);
  }

  result(): GraphDescription {
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const nodes = [...this.nodes.values()].sort((a, b) => cmp(a.id, b.id));
    // An edge to a node nobody declared would render as a bare id; drop it.
    const edges = [...this.edges.values()]
      .filter((e) => this.nodes.has(e.from) && this.nodes.has(e.to))
      .sort((a, b) => cmp(a.from, b.from) || cmp(a.to, b.to) || cmp(a.type, b.type) || cmp(a.label ?? '', b.label ?? ''));
    return { nodes, edges };
  }
}
