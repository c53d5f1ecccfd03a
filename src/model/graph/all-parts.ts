/** Every part of the graph, in build order: formats first, then the links between them. */
import { composeGraphPart } from './compose/part.js';
import { dockerfileGraphPart } from './dockerfile.js';
import { kubernetesGraphPart } from './kubernetes/part.js';
import { imageLinksPart } from './links.js';
import type { GraphPart } from './parts.js';

export const GRAPH_PARTS: readonly GraphPart[] = [
  dockerfileGraphPart as GraphPart,
  composeGraphPart as GraphPart,
  kubernetesGraphPart as GraphPart,
  imageLinksPart as GraphPart,
];
