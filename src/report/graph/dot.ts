/** `plimsoll graph --format dot`: Graphviz, one cluster per file, typed edges as labels. */
import type { GraphDescription, GraphNode } from '../../model/graph/types.js';
import { caption, DOT_STYLE } from './style.js';

/** A DOT double-quoted string: backslashes and quotes escaped, newlines as `\n`. */
function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}

export function graphDot(graph: GraphDescription): string {
  const lines = [
    'digraph plimsoll {',
    '  rankdir=LR;',
    // The classic ranker fails ("trouble in init_rank") on edges between clusters; newrank does not.
    '  newrank=true;',
    '  node [fontname="Helvetica", fontsize=10];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ];
  const byFile = new Map<string, GraphNode[]>();
  for (const node of graph.nodes) {
    const key = node.file ?? '';
    byFile.set(key, [...(byFile.get(key) ?? []), node]);
  }
  let cluster = 0;
  for (const [file, nodes] of byFile) {
    const indent = file ? '    ' : '  ';
    if (file) lines.push(`  subgraph cluster_${cluster++} {`, `    label=${quote(file)};`, '    style=dashed;', '    color="#9ca3af";');
    for (const node of nodes) {
      const [what, name] = caption(node);
      lines.push(`${indent}${quote(node.id)} [label=${quote(`${what}\n${name}`)}, ${DOT_STYLE[node.kind]}];`);
    }
    if (file) lines.push('  }');
  }
  for (const edge of graph.edges) {
    const label = edge.label ? `${edge.type} ${edge.label}` : edge.type;
    const style = edge.type === 'can-reach' ? ', style=dashed, color="#16a34a"' : '';
    lines.push(`  ${quote(edge.from)} -> ${quote(edge.to)} [label=${quote(label)}${style}];`);
  }
  lines.push('}', '');
  return lines.join('\n');
}
