/** Every part of the graph, in build order: formats first, then the links between them. */
import { dockerfileGraphPart } from './dockerfile.js';
import { kubernetesGraphPart } from './kubernetes/part.js';
import type { GraphPart } from './parts.js';

export const GRAPH_PARTS: readonly GraphPart[] = [dockerfileGraphPart as GraphPart, kubernetesGraphPart as GraphPart];
