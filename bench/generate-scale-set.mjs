// Writes a synthetic, realistic Kubernetes project: many namespaces, each with workloads,
// Services, Ingresses, NetworkPolicies, quotas and the objects they reference.
// Deterministic: the same scale always produces the same files.
//   node bench/generate-scale-set.mjs <out-dir> <documents>
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Small deterministic PRNG (mulberry32). */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const IMAGES = ['nginx:1.27.3', 'redis:7.4.1', 'postgres:16.4', 'ghcr.io/acme/api:2.3.1', 'ghcr.io/acme/worker:2.3.1', 'busybox:1.36'];

function app(ns, name, rnd) {
  const port = 8000 + Math.floor(rnd() * 100);
  const replicas = 1 + Math.floor(rnd() * 4);
  const image = IMAGES[Math.floor(rnd() * IMAGES.length)];
  const docs = [];
  docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${ns}
  labels: { app.kubernetes.io/name: ${name}, app.kubernetes.io/part-of: ${ns} }
spec:
  replicas: ${replicas}
  selector:
    matchLabels: { app: ${name} }
  template:
    metadata:
      labels: { app: ${name}, tier: ${rnd() < 0.5 ? 'web' : 'backend'} }
    spec:
      serviceAccountName: ${name}
      securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: RuntimeDefault } }
      containers:
        - name: ${name}
          image: ${image}
          ports: [{ name: http, containerPort: ${port} }]
          env:
            - { name: LOG_LEVEL, value: info }
            - name: DB_PASSWORD
              valueFrom: { secretKeyRef: { name: ${name}-db, key: password } }
          envFrom: [{ configMapRef: { name: ${name}-config } }]
          resources:
            requests: { cpu: 100m, memory: 128Mi }
            limits: { cpu: 500m, memory: 256Mi }
          readinessProbe: { httpGet: { path: /ready, port: http }, periodSeconds: 10 }
          livenessProbe: { httpGet: { path: /live, port: http }, periodSeconds: 20 }
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities: { drop: [ALL] }
          volumeMounts: [{ name: config, mountPath: /etc/${name} }]
      volumes:
        - name: config
          configMap: { name: ${name}-config }`);
  docs.push(`apiVersion: v1
kind: Service
metadata: { name: ${name}, namespace: ${ns} }
spec:
  selector: { app: ${name} }
  ports: [{ name: http, port: 80, targetPort: http }]`);
  docs.push(`apiVersion: v1
kind: ConfigMap
metadata: { name: ${name}-config, namespace: ${ns} }
data:
  LISTEN_PORT: "${port}"
  FEATURE_FLAGS: "a,b,c"`);
  docs.push(`apiVersion: v1
kind: Secret
metadata: { name: ${name}-db, namespace: ${ns} }
type: Opaque
data:
  password: c2VjcmV0LXBhc3N3b3Jk`);
  docs.push(`apiVersion: v1
kind: ServiceAccount
metadata: { name: ${name}, namespace: ${ns} }
automountServiceAccountToken: false`);
  if (replicas > 1) {
    docs.push(`apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: ${name}, namespace: ${ns} }
spec:
  minAvailable: 1
  selector: { matchLabels: { app: ${name} } }`);
    docs.push(`apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: ${name}, namespace: ${ns} }
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: ${name} }
  minReplicas: ${replicas}
  maxReplicas: ${replicas * 3}
  metrics:
    - type: Resource
      resource: { name: cpu, target: { type: Utilization, averageUtilization: 70 } }`);
  }
  docs.push(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: ${name}-ingress, namespace: ${ns} }
spec:
  podSelector: { matchLabels: { app: ${name} } }
  policyTypes: [Ingress]
  ingress:
    - from:
        - podSelector: { matchLabels: { tier: web } }
        - namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: ingress-nginx } }
      ports: [{ port: http }]`);
  return docs;
}

function namespace(ns, apps, rnd) {
  const docs = [
    `apiVersion: v1
kind: Namespace
metadata: { name: ${ns}, labels: { team: ${ns} } }`,
    `apiVersion: v1
kind: ResourceQuota
metadata: { name: quota, namespace: ${ns} }
spec:
  hard: { requests.cpu: "20", requests.memory: 40Gi, limits.cpu: "40", limits.memory: 80Gi, pods: "100" }`,
    `apiVersion: v1
kind: LimitRange
metadata: { name: defaults, namespace: ${ns} }
spec:
  limits:
    - type: Container
      default: { cpu: 500m, memory: 256Mi }
      defaultRequest: { cpu: 100m, memory: 128Mi }`,
    `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: default-deny, namespace: ${ns} }
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]`,
  ];
  const files = [['namespace.yaml', docs]];
  const names = Array.from({ length: apps }, (_, i) => `svc-${i}`);
  for (const name of names) files.push([`${name}.yaml`, app(ns, name, rnd)]);
  files.push([
    'ingress.yaml',
    [
      `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: ${ns}, namespace: ${ns} }
spec:
  ingressClassName: nginx
  tls: [{ hosts: [${ns}.example.com], secretName: ${ns}-tls }]
  rules:
    - host: ${ns}.example.com
      http:
        paths:
${names
  .slice(0, 4)
  .map((n) => `          - { path: /${n}, pathType: Prefix, backend: { service: { name: ${n}, port: { name: http } } } }`)
  .join('\n')}`,
    ],
  ]);
  return files;
}

/** Writes about `targetDocuments` YAML documents under `out`; returns the counts. */
export function generateScaleSet(out, targetDocuments, seed = 42) {
  const rnd = random(seed);
  let documents = 0;
  let files = 0;
  for (let n = 0; documents < targetDocuments; n++) {
    const ns = `team-${n}`;
    for (const [name, docs] of namespace(ns, 6, rnd)) {
      const dir = join(out, ns);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, name), `${docs.join('\n---\n')}\n`);
      documents += docs.length;
      files++;
    }
  }
  return { documents, files };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [out, docs] = process.argv.slice(2);
  if (!out || !docs) {
    console.error('usage: node bench/generate-scale-set.mjs <out-dir> <documents>');
    process.exit(2);
  }
  console.log(generateScaleSet(out, Number(docs)));
}
