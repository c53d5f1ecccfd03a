/** The pod-template extractor: every workload kind, every container role, every field with its node. */
import { describe, expect, it } from 'vitest';
import { SourceText } from '../../src/core/source.js';
import type { Locatable } from '../../src/core/types.js';
import { parseKubernetesFile } from '../../src/formats/kubernetes.js';
import { podTemplateOf, podTemplateOfContainer } from '../../src/model/extract/kubernetes.js';

function parse(text: string) {
  const source = new SourceText('test.yaml', text);
  const file = parseKubernetesFile(source);
  const at = (node: Locatable | undefined) => (node ? text.slice(node.span.start, node.span.end) : undefined);
  return { file, at, text };
}

const container = (name: string, extra = '') => `      - name: ${name}\n        image: ${name}:1${extra}`;

function workload(kind: string, apiVersion: string, templatePrefix: string[], indent: string) {
  // Builds `kind` with its pod template at the right depth.
  const lines = [`apiVersion: ${apiVersion}`, `kind: ${kind}`, 'metadata:', `  name: ${kind.toLowerCase()}`, '  namespace: shop'];
  let pad = '';
  for (const key of templatePrefix) {
    lines.push(`${pad}${key}:`);
    pad += '  ';
  }
  lines.push(`${pad}spec:`, `${pad}  containers:`, ...container('app').split('\n').map((l) => pad + l.slice(4 - indent.length)));
  return lines.join('\n');
}

describe('pod-template extraction', () => {
  const kinds: [string, string, string[], string, boolean][] = [
    ['Pod', 'v1', [], 'spec.containers[0]', false],
    ['Deployment', 'apps/v1', ['spec', 'template'], 'spec.template.spec.containers[0]', false],
    ['ReplicaSet', 'apps/v1', ['spec', 'template'], 'spec.template.spec.containers[0]', false],
    ['ReplicationController', 'v1', ['spec', 'template'], 'spec.template.spec.containers[0]', false],
    ['StatefulSet', 'apps/v1', ['spec', 'template'], 'spec.template.spec.containers[0]', false],
    ['DaemonSet', 'apps/v1', ['spec', 'template'], 'spec.template.spec.containers[0]', false],
    ['Job', 'batch/v1', ['spec', 'template'], 'spec.template.spec.containers[0]', true],
    ['CronJob', 'batch/v1', ['spec', 'jobTemplate', 'spec', 'template'], 'spec.jobTemplate.spec.template.spec.containers[0]', true],
  ];
  for (const [kind, apiVersion, prefix, path, batch] of kinds) {
    it(`extracts the containers of a ${kind}`, () => {
      const { file, at } = parse(workload(kind, apiVersion, prefix, '    '));
      expect(file.containers).toHaveLength(1);
      const c = file.containers[0]!;
      expect(c.origin).toMatchObject({ format: 'kubernetes', role: 'container', name: 'app', runsToCompletion: batch });
      expect(c.origin.object).toEqual({ kind, name: kind.toLowerCase(), namespace: 'shop' });
      expect((c.origin.path ?? []).map(String).join('.')).toBe(path.replace(/\[(\d+)\]/g, '.$1'));
      expect(at(c.image?.node)).toBe('app:1');
      expect(c.image?.value.tag).toBe('1');
      // "The container" is its `name:` pair.
      expect(at(c.node)).toBe('name: app');
    });
  }

  it('ignores custom resources that reuse a workload kind name', () => {
    const { file } = parse(workload('Job', 'batch.volcano.sh/v1alpha1', ['spec', 'template'], '    '));
    expect(file.containers).toEqual([]);
  });

  it('reads init, sidecar and ephemeral containers, and bare Pods that run to completion', () => {
    const { file } = parse(`apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  restartPolicy: OnFailure
  initContainers:
    - {name: init, image: init:1}
    - {name: proxy, image: proxy:1, restartPolicy: Always}
  containers:
    - {name: app, image: app:1}
  ephemeralContainers:
    - {name: debug, image: busybox:1}
`);
    expect(file.containers.map((c) => [c.origin.name, c.origin.role, c.origin.sidecar ?? false, c.origin.runsToCompletion])).toEqual([
      ['app', 'container', false, true],
      ['init', 'initContainer', false, true],
      ['proxy', 'initContainer', true, true],
      ['debug', 'ephemeralContainer', false, true],
    ]);
  });

  it('merges pod and container security contexts, keeping the node of each effective value', () => {
    const { file, at } = parse(`apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext:
    runAsUser: 1000
    runAsNonRoot: true
    seccompProfile: {type: RuntimeDefault}
  containers:
    - name: a
      image: a:1
    - name: b
      image: b:1
      securityContext:
        runAsUser: 0
        privileged: false
        allowPrivilegeEscalation: true
        readOnlyRootFilesystem: true
        seccompProfile: {type: Unconfined}
        capabilities:
          add: [NET_ADMIN]
          drop: [ALL]
`);
    const [a, b] = file.containers;
    expect(a!.security.runAsUser?.value).toBe(1000);
    expect(a!.security.runAsNonRoot?.value).toBe(true);
    expect(a!.security.seccompProfile?.value).toBe('RuntimeDefault');
    expect(at(a!.security.runAsUser?.node)).toBe('1000');
    expect(b!.security.runAsUser?.value).toBe(0);
    expect(at(b!.security.runAsUser?.node)).toBe('0');
    expect(b!.security.runAsUser?.node.span.start).toBeGreaterThan(a!.security.runAsUser!.node.span.start);
    expect(b!.security.runAsNonRoot?.node).toBe(a!.security.runAsNonRoot?.node); // inherited from the pod
    expect(b!.security.seccompProfile?.value).toBe('Unconfined');
    expect(b!.security.privileged?.value).toBe(false);
    expect(b!.security.allowPrivilegeEscalation?.value).toBe(true);
    expect(b!.security.readOnlyRootFilesystem?.value).toBe(true);
    expect(b!.security.capabilitiesAdd.map((s) => s.value)).toEqual(['NET_ADMIN']);
    expect(b!.security.capabilitiesDrop.map((s) => s.value)).toEqual(['ALL']);
    expect(a!.security.privileged).toBeUndefined();
  });

  it('resolves volume mounts against the pod volumes, reads ports, env, envFrom, probes, resources and pull policy', () => {
    const { file, at } = parse(`apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  selector: {matchLabels: {app: d}}
  template:
    metadata: {labels: {app: d}}
    spec:
      containers:
        - name: app
          image: registry.example.com:5000/team/app:2.1@sha256:abc
          imagePullPolicy: IfNotPresent
          command: [/bin/app]
          args: [--port, "8080"]
          ports:
            - {name: http, containerPort: 8080, hostPort: 80, protocol: UDP}
            - containerPort: 9090
          env:
            - {name: MODE, value: fast}
            - {name: COUNT, value: 3}
            - name: PASSWORD
              valueFrom: {secretKeyRef: {name: creds, key: password}}
          envFrom:
            - configMapRef: {name: settings}
            - prefix: DB_
              secretRef: {name: db, optional: true}
          volumeMounts:
            - {name: sock, mountPath: /var/run/docker.sock}
            - {name: config, mountPath: /etc/app, readOnly: true, subPath: app.yaml}
            - {name: missing, mountPath: /x}
          livenessProbe:
            httpGet: {path: /healthz, port: http}
          readinessProbe:
            tcpSocket: {port: 8080}
          resources:
            limits: {cpu: 1, memory: 512Mi}
            requests: {cpu: 250m}
      volumes:
        - name: sock
          hostPath: {path: /var/run/docker.sock}
        - name: config
          configMap: {name: app-config}
`);
    const c = file.containers[0]!;
    expect(c.image?.value).toMatchObject({ registry: 'registry.example.com:5000', repository: 'team/app', tag: '2.1', digest: 'sha256:abc' });
    expect(c.imagePullPolicy?.value).toBe('IfNotPresent');
    expect(c.entrypoint?.value).toEqual(['/bin/app']);
    expect(c.command?.value).toEqual(['--port', '8080']);
    expect(c.ports.map((p) => [p.name, p.containerPort, p.hostPort, p.protocol])).toEqual([
      ['http', 8080, 80, 'UDP'],
      [undefined, 9090, undefined, 'TCP'],
    ]);
    expect(c.env.map((e) => [e.name.value, e.value?.value, e.fromReference ?? false])).toEqual([
      ['MODE', 'fast', false],
      ['COUNT', '3', false],
      ['PASSWORD', undefined, true],
    ]);
    expect(c.env[2]!.valueFrom).toEqual({ kind: 'secretKeyRef', name: 'creds', key: 'password' });
    expect(c.envFrom?.map((e) => [e.kind, e.name?.value, e.prefix, e.optional])).toEqual([
      ['configMap', 'settings', undefined, undefined],
      ['secret', 'db', 'DB_', true],
    ]);
    expect(c.mounts.map((m) => [m.type, m.source?.value, m.target?.value, m.readOnly, m.subPath])).toEqual([
      ['hostPath', '/var/run/docker.sock', '/var/run/docker.sock', false, undefined],
      ['configMap', 'app-config', '/etc/app', true, 'app.yaml'],
      ['unknown', undefined, '/x', false, undefined],
    ]);
    expect(at(c.mounts[0]!.source?.node)).toBe('/var/run/docker.sock');
    expect(c.livenessProbe).toMatchObject({ handler: 'httpGet', port: { value: 'http' } });
    expect(c.readinessProbe).toMatchObject({ handler: 'tcpSocket', port: { value: 8080 } });
    expect(at(c.livenessProbe?.port?.node)).toBe('http');
    expect(c.resources.limits.cpu?.value).toBe('1');
    expect(c.resources.limits.memory?.value).toBe('512Mi');
    expect(c.resources.requests.cpu?.value).toBe('250m');
    expect(c.resources.requests.memory).toBeUndefined();
  });

  it('memoizes the pod template and links containers back to it', () => {
    const { file } = parse(workload('Deployment', 'apps/v1', ['spec', 'template'], '    '));
    const object = file.objects[0]!;
    const template = podTemplateOf(object)!;
    expect(podTemplateOf(object)).toBe(template);
    expect(podTemplateOfContainer(file.containers[0]!)).toBe(template);
    expect(template.kind).toBe('Deployment');
    expect(template.path).toEqual(['spec', 'template']);
  });

  it('treats templates with image-less containers as fragments (Kustomize patches)', () => {
    const { file } = parse(`apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  template:
    spec:
      containers:
        - name: app
          args: [--verbose]
`);
    expect(podTemplateOf(file.objects[0]!)?.partial).toBe(true);
    expect(file.containers).toEqual([]);
  });

  it('follows anchors, aliases and merge keys', () => {
    const { file, at } = parse(`apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - &base
      name: a
      image: app:1
      securityContext: &sc
        runAsUser: 1000
    - <<: *base
      name: b
      securityContext: *sc
`);
    expect(file.containers.map((c) => c.origin.name)).toEqual(['a', 'b']);
    const b = file.containers[1]!;
    expect(b.image?.value.raw).toBe('app:1');
    expect(b.security.runAsUser?.value).toBe(1000);
    expect(at(b.image?.node)).toBe('app:1');
  });
});
