/** What the diagram formats share: a node's caption and the look of each kind. */
import type { GraphNode, GraphNodeKind } from '../../model/graph/types.js';

/** Two lines: what it is, then its name (`Deployment` / `default/web`). */
export function caption(node: GraphNode): [string, string] {
  const space = node.label.indexOf(' ');
  return space > 0 ? [node.label.slice(0, space), node.label.slice(space + 1)] : [node.kind, node.label];
}

export const DOT_STYLE: Record<GraphNodeKind, string> = {
  object: 'shape=box, style="rounded,filled", fillcolor="#dbeafe"',
  pod: 'shape=ellipse, style=filled, fillcolor="#dcfce7"',
  container: 'shape=box, style=filled, fillcolor="#f0fdf4"',
  service: 'shape=box, style="rounded,filled", fillcolor="#fef9c3"',
  network: 'shape=hexagon, style=filled, fillcolor="#f3e8ff"',
  volume: 'shape=cylinder, style=filled, fillcolor="#fee2e2"',
  secret: 'shape=folder, style=filled, fillcolor="#ffedd5"',
  config: 'shape=folder, style=filled, fillcolor="#fef3c7"',
  image: 'shape=note, style=filled, fillcolor="#e5e7eb"',
  stage: 'shape=component, style=filled, fillcolor="#e0f2fe"',
  external: 'shape=box, style=dashed',
};

/** Mermaid shapes: [open, close] around the label. */
export const MERMAID_SHAPE: Record<GraphNodeKind, [string, string]> = {
  object: ['(', ')'],
  pod: ['([', '])'],
  container: ['[', ']'],
  service: ['(', ')'],
  network: ['{{', '}}'],
  volume: ['[(', ')]'],
  secret: ['[/', '/]'],
  config: ['[/', '/]'],
  image: ['[[', ']]'],
  stage: ['[[', ']]'],
  external: ['>', ']'],
};
