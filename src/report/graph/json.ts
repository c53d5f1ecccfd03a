/** `plimsoll graph --format json`: nodes and typed edges, as the library's describeGraph returns them. */
import { packageVersion } from '../../core/package-info.js';
import type { GraphDescription } from '../../model/graph/types.js';

export function graphJson(graph: GraphDescription): string {
  return `${JSON.stringify({ tool: { name: 'plimsoll', version: packageVersion() }, nodes: graph.nodes, edges: graph.edges }, null, 2)}\n`;
}
