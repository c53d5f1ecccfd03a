/** --kubernetes-version and --schema-location, run the way users run them (the CLI's main). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main, type CliIO } from '../../src/cli/main.js';

const dir = mkdtempSync(join(tmpdir(), 'plimsoll-k8s-schema-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { cwd: dir, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), readStdin: async () => '', env: {}, isTTY: false };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

const ruleIds = (stdout: string): string[] =>
  (JSON.parse(stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId).sort();

const write = (path: string, text: string) => {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
};

write(
  'ingress.yaml',
  'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: old\nspec:\n  backend:\n    serviceName: web\n    servicePort: 80\n' +
    '---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 80\n',
);

describe('--kubernetes-version', () => {
  it('reports an extensions/v1beta1 Ingress removed for 1.30, and only deprecated for 1.20', async () => {
    const removed = await run(['--no-config', '-f', 'json', '--kubernetes-version', '1.30', 'ingress.yaml']);
    expect(removed.code).toBe(1);
    expect(ruleIds(removed.stdout)).toEqual(['kubernetes-removed-api']);
    const deprecated = await run(['--no-config', '-f', 'json', '--kubernetes-version', '1.20', 'ingress.yaml']);
    expect(deprecated.code).toBe(0);
    expect(ruleIds(deprecated.stdout)).toEqual(['kubernetes-deprecated-api']);
  });

  it('exits 2 on an unknown version and lists the bundled ones', async () => {
    const result = await run(['--kubernetes-version', '1.99', 'ingress.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/1\.99 is not supported \(bundled schemas: 1\.17, .*1\.30/);
  });
});

describe('--schema-location', () => {
  const widget = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  size: big\n  colour: red\n';
  write('cr/widget.yaml', widget);
  write('cr/gadget.yaml', 'apiVersion: gadgets.example.org/v2\nkind: Gadget\nmetadata:\n  name: g\nspec:\n  level: 1\n');
  write('cr/thing.yaml', 'apiVersion: things.example.net/v1\nkind: Thing\nmetadata:\n  name: t\nspec:\n  anything: goes\n');
  const jsonSchema = {
    $schema: 'http://json-schema.org/schema#',
    type: 'object',
    properties: { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' }, spec: { type: 'object', properties: { size: { type: 'integer' } }, additionalProperties: false } },
  };
  // kubeconform layout: {kind}_{version}.json; CRDs-catalog layout: {group}/{kind}_{version}.json; and a CRD file.
  write('schemas/widget_v1.json', JSON.stringify(jsonSchema));
  write('catalog/gadgets.example.org/gadget_v2.json', JSON.stringify({ type: 'object', properties: { spec: { type: 'object', required: ['mode'] } } }));
  write(
    'crds/thing.yaml',
    [
      'apiVersion: apiextensions.k8s.io/v1',
      'kind: CustomResourceDefinition',
      'metadata: {name: things.things.example.net}',
      'spec:',
      '  group: things.example.net',
      '  names: {kind: Thing, plural: things}',
      '  scope: Namespaced',
      '  versions:',
      '    - name: v1',
      '      served: true',
      '      storage: true',
      '      schema:',
      '        openAPIV3Schema:',
      '          type: object',
      '          properties:',
      '            spec: {type: object, properties: {size: {type: integer}}}',
      '',
    ].join('\n'),
  );

  it('without it, custom resources are skipped with one info each', async () => {
    const result = await run(['--no-config', '-f', 'json', 'cr']);
    expect(ruleIds(result.stdout)).toEqual(['kubernetes-unknown-kind', 'kubernetes-unknown-kind', 'kubernetes-unknown-kind']);
  });

  it('validates them against kubeconform-style JSON schemas, the CRDs-catalog layout and CRD files', async () => {
    const result = await run(['--no-config', '-f', 'json', '--schema-location', 'schemas', '--schema-location', 'catalog', '--schema-location', 'crds', 'cr']);
    const findings = (JSON.parse(result.stdout) as { findings: { ruleId: string; file: string; message: string; range: { start: { line: number } } }[] }).findings;
    const byFile = (f: string) => findings.filter((x) => x.file === f).map((x) => `${x.range.start.line}: ${x.message}`);
    expect(byFile('cr/widget.yaml')).toEqual([
      '6: spec.size must be an integer, not the string "big".',
      '7: spec has no field "colour"; remove it (allowed: size).',
    ]);
    expect(byFile('cr/gadget.yaml')).toEqual(['5: spec is missing the required field "mode"; add it.']);
    expect(byFile('cr/thing.yaml')).toEqual(['6: spec has no field "anything"; remove it (allowed: size).']);
  });
});
