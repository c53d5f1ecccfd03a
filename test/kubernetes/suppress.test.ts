/** Suppressions written as annotations: plimsoll.io/ignore and other tools' annotations through each rule's sources. */
import { describe, expect, it } from 'vitest';
import type { PlimsollConfig } from '../../src/core/config.js';
import { lintText } from '../../src/index.js';

const config: PlimsollConfig = { extends: [], rules: { 'latest-tag': 'warning', 'privileged-container': 'error', 'host-network': 'warning', 'run-as-root': 'warning' } };

function deployment(objectAnnotations: string, templateAnnotations: string) {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:${objectAnnotations || ' {}'}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata:
      labels: {app: web}
      annotations:${templateAnnotations || ' {}'}
    spec:
      hostNetwork: true
      securityContext: {runAsNonRoot: true}
      containers:
        - name: web
          image: nginx:latest
          securityContext: {privileged: true}
---
apiVersion: v1
kind: Pod
metadata:
  name: other
spec:
  hostNetwork: true
  securityContext: {runAsNonRoot: true}
  containers:
    - name: other
      image: nginx:latest
`;
}

const ids = (text: string) => lintText(text, { filename: 'manifest.yaml', config }).findings.map((f) => `${f.object?.name}:${f.ruleId}`).sort();

describe('annotation suppressions', () => {
  const everything = ['other:host-network', 'other:latest-tag', 'web:host-network', 'web:latest-tag', 'web:privileged-container'];

  it('reports everything without annotations', () => {
    expect(ids(deployment('', ''))).toEqual(everything);
  });

  it('plimsoll.io/ignore on the object suppresses the listed rules in that object only', () => {
    expect(ids(deployment('\n    plimsoll.io/ignore: "latest-tag, host-network"', ''))).toEqual(['other:host-network', 'other:latest-tag', 'web:privileged-container']);
  });

  it('plimsoll.io/ignore: all (or empty) suppresses every rule in the object', () => {
    expect(ids(deployment('\n    plimsoll.io/ignore: all', ''))).toEqual(['other:host-network', 'other:latest-tag']);
    expect(ids(deployment('\n    plimsoll.io/ignore: ""', ''))).toEqual(['other:host-network', 'other:latest-tag']);
  });

  it('plimsoll.io/ignore on the pod template covers the template', () => {
    expect(ids(deployment('', '\n        plimsoll.io/ignore: privileged-container,host-network'))).toEqual(['other:host-network', 'other:latest-tag', 'web:latest-tag']);
  });

  it("honours kube-linter's ignore-check annotations through the rules' sources", () => {
    expect(ids(deployment('\n    ignore-check.kube-linter.io/latest-tag: "pinned by the pipeline"\n    ignore-check.kube-linter.io/privileged-container: "needs it"', ''))).toEqual([
      'other:host-network',
      'other:latest-tag',
      'web:host-network',
    ]);
    expect(ids(deployment('\n    kube-linter.io/ignore-all: "vendored"', ''))).toEqual(['other:host-network', 'other:latest-tag']);
  });

  it('honours kube-score, Polaris and Checkov annotations', () => {
    expect(ids(deployment('\n    kube-score/ignore: container-image-tag', ''))).toEqual(['other:host-network', 'other:latest-tag', 'web:host-network', 'web:privileged-container']);
    expect(ids(deployment('\n    polaris.fairwinds.com/hostNetworkSet-exempt: "true"', ''))).toEqual(['other:host-network', 'other:latest-tag', 'web:latest-tag', 'web:privileged-container']);
    expect(ids(deployment('\n    polaris.fairwinds.com/hostNetworkSet-exempt: "false"', ''))).toEqual(everything);
    expect(ids(deployment('\n    checkov.io/skip1: CKV_K8S_16=the agent needs it', ''))).toEqual(['other:host-network', 'other:latest-tag', 'web:host-network', 'web:latest-tag']);
  });

  it('leaves unknown annotations and other tools\' unknown check names alone', () => {
    expect(ids(deployment('\n    ignore-check.kube-linter.io/no-such-check: "x"\n    team: web', ''))).toEqual(everything);
  });
});
