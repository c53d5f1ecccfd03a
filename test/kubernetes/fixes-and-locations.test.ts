/** Kubernetes fixes applied to the text, and where findings land (exact values, missing things, object paths). */
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/index.js';

function lint(ruleId: string, text: string) {
  return lintText(text, { filename: 'manifest.yaml', config: { extends: [], rules: { [ruleId]: 'warning' } } }).findings.filter((f) => f.ruleId === ruleId);
}

function fixed(ruleId: string, text: string): string {
  const edits = lint(ruleId, text)
    .filter((f) => f.fix?.safe)
    .flatMap((f) => f.fix!.edits.map((e) => ({ start: offsetOf(text, e.range.start), end: offsetOf(text, e.range.end), text: e.text })))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

function offsetOf(text: string, pos: { line: number; column: number }): number {
  let offset = 0;
  for (let line = 1; line < pos.line; line++) offset = text.indexOf('\n', offset) + 1;
  return offset + pos.column - 1;
}

const slice = (text: string, f: { offsets: { start: number; end: number } }) => text.slice(f.offsets.start, f.offsets.end);

describe('fixes', () => {
  it('yaml-implicit-type quotes the value exactly as written, and leaves aliases alone', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels: {version: 1.10, on: x}\ndata:\n  a: &v yes\n  b: *v\n  c: 0755\n  d: "ok"\n';
    expect(fixed('yaml-implicit-type', text)).toBe(
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels: {version: "1.10", "on": x}\ndata:\n  a: &v "yes"\n  b: *v\n  c: "0755"\n  d: "ok"\n',
    );
  });

  it('deprecated-service-account-field renames the key when serviceAccountName is absent', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  serviceAccount: web\n  containers: [{name: a, image: a:1}]\n';
    expect(fixed('deprecated-service-account-field', text)).toBe(text.replace('serviceAccount:', 'serviceAccountName:'));
    const both = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  serviceAccount: web\n  serviceAccountName: web\n  containers: [{name: a, image: a:1}]\n';
    expect(lint('deprecated-service-account-field', both)[0]?.fix).toBeUndefined();
    const merged = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nx: &sa {serviceAccount: web}\nspec:\n  <<: *sa\n  containers: [{name: a, image: a:1}]\n';
    expect(lint('deprecated-service-account-field', merged).map((f) => f.fix)).toEqual([undefined]);
  });

  it('decimal-file-mode adds the leading zero', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: a:1}]\n  volumes:\n    - name: c\n      configMap: {name: c, defaultMode: 644}\n';
    expect(fixed('decimal-file-mode', text)).toBe(text.replace('defaultMode: 644', 'defaultMode: 0644'));
  });
});

describe('locations', () => {
  const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          resources:
            requests: {cpu: 100m}
        - image: nginx:latest
          name: second
`;

  it('puts a missing container field on the container\'s name, or on the nearest key that exists', () => {
    const findings = lint('missing-resource-limits', deployment);
    expect(findings.map((f) => slice(deployment, f))).toEqual(['resources', 'name: second']);
    expect(findings.map((f) => f.object)).toEqual([
      { kind: 'Deployment', name: 'web', namespace: 'shop', path: 'spec.template.spec.containers[0].resources' },
      { kind: 'Deployment', name: 'web', namespace: 'shop', path: 'spec.template.spec.containers[1].name' },
    ]);
  });

  it('puts a value finding on the value, with its dotted path', () => {
    const [finding] = lint('latest-tag', deployment);
    expect(slice(deployment, finding!)).toBe('nginx:latest');
    expect(finding!.object?.path).toBe('spec.template.spec.containers[1].image');
  });

  it("puts a missing object field on the object's metadata.name", () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  labels: {app: web}\n  name: web\nspec: {selector: {app: web}, ports: [{port: 80}]}\n';
    const [finding] = lintText(text, { filename: 'manifest.yaml', config: { extends: [], rules: { 'recommended-labels': 'info' } } }).findings;
    expect(slice(text, finding!)).toBe('labels');
    const noLabels = 'apiVersion: v1\nkind: Service\nmetadata:\n  namespace: x\n  name: web\nspec: {selector: {app: web}, ports: [{port: 80}]}\n';
    const [second] = lintText(noLabels, { filename: 'manifest.yaml', config: { extends: [], rules: { 'recommended-labels': 'info' } } }).findings;
    expect(slice(noLabels, second!)).toBe('name: web');
  });

  it('puts a missing pod field on the template spec key', () => {
    const text = deployment;
    const [finding] = lintText(text, { filename: 'manifest.yaml', config: { extends: [], rules: { 'automount-service-account-token': 'info' } } }).findings;
    expect(slice(text, finding!)).toBe('spec');
    expect(finding!.range.start.line).toBe(12);
  });
});

describe('superseded findings', () => {
  const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels: {version: 1.10}\ndata:\n  debug: yes\n';
  const run = (rules: Record<string, 'error' | 'off'>, extra = '') =>
    lintText(extra + text, { filename: 'manifest.yaml', config: { extends: [], rules } }).findings.map((f) => `${f.range.start.line}:${f.ruleId}`);

  it('keeps only yaml-implicit-type where it and kubernetes-schema report the same value', () => {
    expect(run({ 'yaml-implicit-type': 'error', 'kubernetes-schema': 'error' })).toEqual(['5:yaml-implicit-type', '7:yaml-implicit-type']);
  });

  it('keeps the schema finding when yaml-implicit-type is off or suppressed', () => {
    expect(run({ 'kubernetes-schema': 'error' })).toEqual(['5:kubernetes-schema', '7:kubernetes-schema']);
    expect(run({ 'yaml-implicit-type': 'error', 'kubernetes-schema': 'error' }, '# plimsoll-ignore-file yaml-implicit-type\n')).toEqual(['6:kubernetes-schema', '8:kubernetes-schema']);
  });
});
