/** `plimsoll graph --format mermaid`: a flowchart for Markdown (GitHub renders it). */
import type { GraphDescription } from '../../model/graph/types.js';
import { caption, MERMAID_SHAPE } from './style.js';

/** Mermaid labels are quoted; quotes and markup characters become entities. */
function text(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '#quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/[|]/g, '#124;');
}

export function graphMermaid(graph: GraphDescription): string {
  const ids = new Map(graph.nodes.map((n, i) => [n.id, `n${i}`]));
  const lines = ['flowchart LR'];
  for (const node of graph.nodes) {
    const [open, close] = MERMAID_SHAPE[node.kind];
    const [what, name] = caption(node);
    lines.push(`  ${ids.get(node.id)}${open}"${text(what)}<br/>${text(name)}"${close}`);
  }
  for (const edge of graph.edges) {
    const label = text(edge.label ? `${edge.type} ${edge.label}` : edge.type);
    const arrow = edge.type === 'can-reach' ? '-.->' : '-->';
    lines.push(`  ${ids.get(edge.from)} ${arrow}|"${label}"| ${ids.get(edge.to)}`);
  }
  return `${lines.join('\n')}\n`;
}
