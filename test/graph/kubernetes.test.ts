/** The Kubernetes graph's semantics, through the library: selectors, NetworkPolicies, admission, quantities, simulation. */
import { describe, expect, it } from 'vitest';
import { buildGraph, describeGraph, simulate } from '../../src/index.js';
import { admitAll } from '../../src/model/graph/kubernetes/admission.js';
import { canReach } from '../../src/model/graph/kubernetes/network.js';
import { formatQuantity, parseQuantity } from '../../src/model/graph/kubernetes/quantity.js';
import { LabelIndex } from '../../src/model/graph/kubernetes/select.js';

const deployment = (name: string, ns: string, labels: string, extra = '', replicas = 1) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: ${ns} }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { ${labels} } }
    spec:
      containers:
        - name: ${name}
          image: "ghcr.io/acme/${name}:1.0"
${extra}
`;

async function graphOf(...files: [path: string, text: string][]) {
  return buildGraph(files.map(([path, text]) => ({ path, text })));
}

describe('label selection', () => {
  const index = new LabelIndex<Map<string, string>>((m) => m);
  const a = new Map([['app', 'web'], ['tier', 'front']]);
  const b = new Map([['app', 'api']]);
  const c = new Map([['app', 'db'], ['tier', 'back']]);
  for (const m of [a, b, c]) index.add(m);

  it('matches matchLabels and every operator, and an empty selector as the caller says', () => {
    expect(index.select({ matchLabels: [['app', 'web']], expressions: [] }, false)).toEqual([a]);
    expect(index.select({ matchLabels: [], expressions: [{ key: 'tier', operator: 'Exists', values: [] }] }, false)).toEqual([a, c]);
    expect(index.select({ matchLabels: [], expressions: [{ key: 'tier', operator: 'DoesNotExist', values: [] }] }, false)).toEqual([b]);
    expect(index.select({ matchLabels: [], expressions: [{ key: 'app', operator: 'In', values: ['api', 'db'] }] }, false)).toEqual([b, c]);
    expect(index.select({ matchLabels: [], expressions: [{ key: 'app', operator: 'NotIn', values: ['api'] }] }, false)).toEqual([a, c]);
    expect(index.select({ matchLabels: [], expressions: [] }, false)).toEqual([]);
    expect(index.select({ matchLabels: [], expressions: [] }, true)).toEqual([a, b, c]);
    expect(index.selectMap([['app', 'web'], ['tier', 'back']])).toEqual([]);
  });
});

describe('quantities', () => {
  it('reads decimal, binary and exponent suffixes', () => {
    expect(parseQuantity('100m')).toBeCloseTo(0.1);
    expect(parseQuantity('1.5')).toBe(1.5);
    expect(parseQuantity('128Mi')).toBe(128 * 2 ** 20);
    expect(parseQuantity('1G')).toBe(1e9);
    expect(parseQuantity('1e3')).toBe(1000);
    expect(parseQuantity('lots')).toBeUndefined();
    expect(formatQuantity('requests.cpu', 0.25)).toBe('250m');
    expect(formatQuantity('memory', 1.5 * 2 ** 30)).toBe('1.5Gi');
  });
});

describe('NetworkPolicy semantics', () => {
  const apps = deployment('web', 'shop', 'app: web, tier: front', '          ports: [{ name: http, containerPort: 8080 }]') +
    '---\n' + deployment('api', 'shop', 'app: api', '          ports: [{ name: grpc, containerPort: 9000 }]') +
    '---\n' + deployment('job', 'batch', 'app: job') +
    '---\napiVersion: v1\nkind: Namespace\nmetadata: { name: batch, labels: { team: data } }\n';

  it('isolates only selected pods, unions allows, resolves named ports and namespace labels', async () => {
    const policies = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: api, namespace: shop }
spec:
  podSelector: { matchLabels: { app: api } }
  ingress:
    - from: [{ podSelector: { matchLabels: { tier: front } } }]
      ports: [{ port: grpc }]
    - from: [{ namespaceSelector: { matchLabels: { team: data } } }]
      ports: [{ port: 8999, endPort: 9001 }]
`;
    const { kubernetes: k } = await graphOf(['apps.yaml', apps], ['policies.yaml', policies]);
    const [web, api, job] = ['web', 'api', 'job'].map((n) => k.workloads.find((w) => w.object.name === n)!);
    expect(canReach(k, web!, api!, { port: 9000, protocol: 'TCP' })).toBe(true);
    expect(canReach(k, job!, api!, { port: 9000, protocol: 'TCP' })).toBe(true);
    expect(canReach(k, api!, web!, { port: 8080, protocol: 'TCP' })).toBe(true); // web is not isolated
    expect(canReach(k, job!, api!, { port: 9002, protocol: 'TCP' })).toBe(false);
    expect(canReach(k, web!, api!, { port: 9000, protocol: 'UDP' })).toBe(false);
  });

  it('implies Egress only when there are egress rules, and needs both ends to allow', async () => {
    const policies = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: web-egress, namespace: shop }
spec:
  podSelector: { matchLabels: { app: web } }
  egress:
    - to: [{ podSelector: { matchLabels: { app: web } } }]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: api-none, namespace: shop }
spec:
  podSelector: { matchLabels: { app: api } }
  egress: []
`;
    const { kubernetes: k } = await graphOf(['apps.yaml', apps], ['policies.yaml', policies]);
    const [web, api, job] = ['web', 'api', 'job'].map((n) => k.workloads.find((w) => w.object.name === n)!);
    expect(canReach(k, web!, api!, { port: 9000, protocol: 'TCP' })).toBe(false); // web's egress forbids it
    expect(canReach(k, job!, api!, { port: 9000, protocol: 'TCP' })).toBe(false); // `egress: []` alone makes api-none an Ingress policy
    expect(canReach(k, api!, job!, { protocol: 'TCP' })).toBe(true); // api-none does not restrict egress
  });
});

describe('admission', () => {
  it('applies LimitRange defaults before the quota and admits pods until the totals are used', async () => {
    const quota = `apiVersion: v1
kind: LimitRange
metadata: { name: defaults, namespace: shop }
spec:
  limits: [{ type: Container, default: { memory: 256Mi }, defaultRequest: { cpu: 200m } }]
---
apiVersion: v1
kind: ResourceQuota
metadata: { name: compute, namespace: shop }
spec:
  hard: { requests.cpu: "1", limits.memory: 1Gi, pods: "10" }
`;
    const apps = deployment('web', 'shop', 'app: web', '', 3) + '---\n' + deployment('api', 'shop', 'app: api', '          resources: { requests: { cpu: 500m } }', 2);
    const { kubernetes: k } = await graphOf(['quota.yaml', quota], ['apps.yaml', apps]);
    const [admission] = admitAll(k);
    expect(admission!.rejections.map((r) => [r.kind, r.workload.object.name, r.kind === 'quota-exceeded' ? r.admitted : -1])).toEqual([['quota-exceeded', 'api', 0]]);
    expect(admission!.used.get(k.quotas[0]!)?.get('requests.cpu')).toBeCloseTo(0.6);
    expect(admission!.used.get(k.quotas[0]!)?.get('limits.memory')).toBe(3 * 256 * 2 ** 20);
  });
});

describe('simulation and description', () => {
  it('names pods as the controllers would, lists endpoints and rejections, and prints typed edges', async () => {
    const apps = deployment('web', 'shop', 'app: web', '          ports: [{ name: http, containerPort: 8080 }]', 2);
    const svc = 'apiVersion: v1\nkind: Service\nmetadata: { name: web, namespace: shop }\nspec:\n  selector: { app: web }\n  ports: [{ port: 80, targetPort: http }]\n';
    const graph = await graphOf(['deploy/web.yaml', apps], ['svc/web.yaml', svc]);
    const sim = simulate(graph);
    expect(sim.kubernetes!.replicaSets).toHaveLength(1);
    const rs = sim.kubernetes!.replicaSets[0]!.name;
    expect(rs).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{10}$/);
    expect(sim.kubernetes!.pods.map((p) => p.name)).toEqual([expect.stringMatching(new RegExp(`^${rs}-[a-z0-9]{5}$`)), expect.stringMatching(new RegExp(`^${rs}-`))]);
    expect(sim.kubernetes!.services[0]!.endpoints).toHaveLength(2);
    expect(sim.kubernetes!.services[0]!.endpoints[0]).toMatch(/:8080$/);
    const { edges } = describeGraph(graph);
    expect(edges).toContainEqual({ type: 'selects', from: 'k8s:Service/shop/web', to: 'pods:shop/Deployment/web' });
    expect(edges).toContainEqual({ type: 'owns', from: 'k8s:Deployment/shop/web', to: 'pods:shop/Deployment/web' });
    // Deterministic: the same input gives the same names.
    expect(simulate(await graphOf(['deploy/web.yaml', apps], ['svc/web.yaml', svc]))).toEqual(sim);
  });
});
