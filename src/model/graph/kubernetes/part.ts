/** The Kubernetes part of the project graph: records from every file, merged and indexed. */
import type { ParsedFile } from '../../../core/parsed-file.js';
import type { KubernetesObject } from '../../kubernetes/object.js';
import type { GraphPart } from '../parts.js';
import { describeKubernetes } from './describe.js';
import { extractKubernetesRecords } from './extract.js';
import { KubernetesGraph } from './graph.js';
import { simulateKubernetes } from './simulate.js';
import type { KubernetesFileRecords } from './types.js';

declare module '../types.js' {
  interface ProjectGraph {
    kubernetes: KubernetesGraph;
  }
}

export const kubernetesGraphPart: GraphPart<KubernetesFileRecords> = {
  name: 'kubernetes',
  extract({ parsed, file }) {
    const objects = (parsed as ParsedFile & { objects?: readonly KubernetesObject[] }).objects;
    if (parsed.format !== 'kubernetes' || !objects || objects.length === 0) return undefined;
    return extractKubernetesRecords(objects, file);
  },
  build(graph, records) {
    const k = new KubernetesGraph();
    for (const r of records) k.add(r);
    k.index();
    graph.kubernetes = k;
  },
  describe(graph, out) {
    describeKubernetes(graph.kubernetes, out);
  },
  simulate(graph, out) {
    simulateKubernetes(graph.kubernetes, out);
  },
};
