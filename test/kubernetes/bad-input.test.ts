/**
 * Broken and hostile Kubernetes input: always findings, never a crash or an internal
 * error, in bounded time. One broken document never hides the others' findings.
 */
import { describe, expect, it } from 'vitest';
import type { PlimsollConfig } from '../../src/core/config.js';
import { lintText } from '../../src/index.js';
import { MAX_FINDINGS_PER_RULE } from '../../src/core/engine.js';

const all: PlimsollConfig = { extends: 'plimsoll:all' };

function lint(text: string, config: PlimsollConfig = all) {
  const started = performance.now();
  const result = lintText(text, { filename: 'manifest.yaml', config });
  return { ...result, ms: performance.now() - started, ids: result.findings.map((f) => `${f.range.start.line}:${f.ruleId}`) };
}

const pod = (name: string, image = 'nginx:latest') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
    - name: ${name}
      image: ${image}
`;

function noInternalErrors(findings: { ruleId: string; message: string }[]) {
  expect(findings.filter((f) => f.ruleId === 'internal-error').map((f) => f.message)).toEqual([]);
}

describe('malformed Kubernetes documents', () => {
  const shapes: Record<string, string> = {
    'a scalar document': 'just a string\n',
    'a list document': '- apiVersion: v1\n  kind: Pod\n- 3\n',
    'kind is a number': 'apiVersion: v1\nkind: 42\nmetadata: {name: x}\n',
    'kind is a map': 'apiVersion: v1\nkind: {a: b}\nmetadata: {name: x}\nspec: {containers: [{name: a, image: a}]}\n',
    'apiVersion is a list': 'apiVersion: [v1]\nkind: Pod\nmetadata: {name: x}\nspec: {containers: [{name: a, image: a}]}\n',
    'metadata is a string': 'apiVersion: v1\nkind: Pod\nmetadata: web\nspec: {containers: [{name: a, image: nginx}]}\n',
    'metadata.name is a number': 'apiVersion: v1\nkind: Pod\nmetadata: {name: 12, labels: [a, b], annotations: 3}\nspec: {containers: [{name: a, image: nginx}]}\n',
    'spec is a list': 'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec: [1, 2]\n',
    'containers is not a list': 'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec: {containers: {name: a, image: nginx}}\n',
    'containers holds scalars and nulls': 'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec: {containers: [a, null, 3, [1]]}\n',
    'container fields of the wrong type': `apiVersion: apps/v1
kind: Deployment
metadata: {name: x}
spec:
  selector: [app]
  strategy: {rollingUpdate: 3}
  template:
    metadata: {labels: "app=x", annotations: [1]}
    spec:
      securityContext: yes
      volumes: {name: v}
      hostNetwork: [true]
      containers:
        - name: [a]
          image: {repo: nginx}
          env: {A: b}
          ports: [80, {containerPort: http}, {hostPort: "80"}]
          securityContext: {capabilities: {add: ALL, drop: {x: 1}}, runAsUser: root, privileged: "true"}
          livenessProbe: {httpGet: {port: [80]}}
          readinessProbe: 5
          resources: {limits: [1], requests: {cpu: {}}}
          volumeMounts: [{name: 3}, {mountPath: [x]}]
`,
    'a List with broken items': 'apiVersion: v1\nkind: List\nitems: [1, null, {kind: Pod}, {apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {containers: [{name: a, image: nginx}]}}]\n',
    'a List whose items is a map': 'apiVersion: v1\nkind: List\nitems: {a: 1}\n',
    'an empty document between others': `${pod('a')}---\n---\n${pod('b')}`,
    'a document of comments only': '# nothing here\n---\n# still nothing\n',
    'RBAC and Services of the wrong shape': `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: r}
rules: [{verbs: "*", resources: [{}]}, 3]
---
apiVersion: v1
kind: Service
metadata: {name: s}
spec: {type: [LoadBalancer], ports: {nodePort: 1}, selector: [a]}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: p}
spec: {maxUnavailable: [0], minAvailable: {a: 1}, selector: "app=x"}
---
apiVersion: v1
kind: Secret
metadata: {name: s}
data: [a, b]
stringData: {a: [1]}
`,
  };
  for (const [name, text] of Object.entries(shapes)) {
    it(`handles ${name}`, () => {
      const { findings } = lint(text);
      noInternalErrors(findings);
    });
  }

  it('reports rule findings in the well-formed objects of a List', () => {
    const { ids } = lint(shapes['a List with broken items']!, { extends: [], rules: { 'latest-tag': 'warning', 'untagged-image': 'warning' } });
    expect(ids).toEqual(['3:untagged-image']);
  });
});

describe('one broken document does not hide the others', () => {
  const only: PlimsollConfig = { extends: [], rules: { 'latest-tag': 'warning', 'yaml-syntax': 'error', 'yaml-duplicate-key': 'error', 'yaml-tab-indentation': 'error' } };

  it('reports the syntax error and the findings of the documents around it', () => {
    const text = `${pod('a')}---\napiVersion: v1\nkind: Pod\nmetadata: {name: [unclosed\n---\n${pod('b')}`;
    const { ids } = lint(text, only);
    const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
    const images = [text.indexOf('image: nginx:latest'), text.lastIndexOf('image: nginx:latest')].map(lineOf);
    expect(ids.filter((i) => i.endsWith('latest-tag'))).toEqual(images.map((l) => `${l}:latest-tag`));
    expect(ids.filter((i) => i.endsWith('yaml-syntax')).length).toBeGreaterThan(0);
  });

  it('reports duplicate keys and tabs in each document, and still lints the others', () => {
    const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\nspec:\n  containers:\n    - name: a\n      image: nginx:latest\n---\napiVersion: v1\nkind: Pod\nmetadata:\n\tname: c\n---\n${pod('d')}`;
    const { ids } = lint(text, only);
    const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
    expect(ids).toContain(`${lineOf(text.indexOf('  name: b'))}:yaml-duplicate-key`);
    expect(ids).toContain(`${lineOf(text.indexOf('\tname: c'))}:yaml-tab-indentation`);
    // The duplicate-key document is still read; the tab-indented one is not; the last one is.
    const images = [text.indexOf('image: nginx:latest'), text.lastIndexOf('image: nginx:latest')].map(lineOf);
    expect(ids.filter((i) => i.endsWith('latest-tag'))).toEqual(images.map((l) => `${l}:latest-tag`));
  });

  it('does not read objects out of a half-parsed document', () => {
    const text = `apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n    - name: a\n      image: "nginx:latest\n`;
    const { ids } = lint(text, only);
    expect(ids.filter((i) => i.endsWith('latest-tag'))).toEqual([]);
    expect(ids.some((i) => i.endsWith('yaml-syntax'))).toBe(true);
  });
});

describe('hostile input is bounded', () => {
  it('reads YAML nested 10,000 levels deep as a finding', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata:\n  x: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`;
    const { findings, ms } = lint(text);
    noInternalErrors(findings);
    expect(findings.some((f) => f.ruleId === 'yaml-syntax')).toBe(true);
    expect(ms).toBeLessThan(5000);
  });

  it('reads block nesting 10,000 levels deep as a finding', () => {
    let text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata:\n';
    for (let i = 0; i < 10_000; i++) text += `${' '.repeat(i + 2)}k${i}:\n`;
    const { findings, ms } = lint(text);
    noInternalErrors(findings);
    expect(ms).toBeLessThan(10_000);
  });

  it('refuses an alias bomb (billion laughs) with a finding', () => {
    const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: lol}', 'data:', '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const next = String.fromCharCode(97 + i);
      lines.push(`  ${next}: &${next} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    lines.push('spec:', '  containers:', '    - name: x', '      image: nginx', '      livenessProbe: *j', '      readinessProbe: *j');
    const { findings, ms } = lint(lines.join('\n') + '\n');
    noInternalErrors(findings);
    expect(findings.some((f) => f.ruleId === 'yaml-syntax' && /alias/i.test(f.message))).toBe(true);
    expect(ms).toBeLessThan(5000);
  });

  it('lints a large multi-document file in bounded time', () => {
    // ~0.6 MB here, to keep the suite fast; 50 MB was measured by hand (about linear).
    const doc = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web-NAME
  labels: {app: web, version: 1.10}
spec:
  replicas: 1
  selector: {matchLabels: {app: web-NAME}}
  template:
    metadata:
      labels: {app: web-NAME}
    spec:
      containers:
        - name: web
          image: nginx:latest
          env:
            - {name: DB_PASSWORD, value: hunter2-secret}
          ports: [{containerPort: 80, hostPort: 80}]
---
`;
    const count = Math.ceil(600_000 / doc.length);
    let text = '';
    for (let i = 0; i < count; i++) text += doc.replaceAll('NAME', String(i));
    const { findings, ms } = lint(text);
    noInternalErrors(findings);
    // One per document, up to the per-rule cap, then one summary for the rest.
    expect(count).toBeGreaterThan(MAX_FINDINGS_PER_RULE);
    const latest = findings.filter((f) => f.ruleId === 'latest-tag');
    expect(latest).toHaveLength(MAX_FINDINGS_PER_RULE + 1);
    expect(latest.at(-1)!.message).toContain(`${count - MAX_FINDINGS_PER_RULE} more latest-tag findings`);
    expect(ms).toBeLessThan(30_000);
  }, 60_000);
});
