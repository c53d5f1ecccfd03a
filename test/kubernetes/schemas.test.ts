/** The generated Kubernetes schemas: present per version, strict where Kubernetes is, reproducible by the script. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledVersions, resolveTarget, versionProblem } from '../../src/model/kubernetes/versions.js';

const root = join(import.meta.dirname, '..', '..');
const read = (version: string, file: string) => JSON.parse(readFileSync(join(root, 'schemas', 'kubernetes', version, file), 'utf8'));
type Schema = { type?: unknown; properties?: Record<string, Schema>; required?: string[]; additionalProperties?: unknown; pattern?: string; enum?: string[]; $ref?: string };

describe('bundled Kubernetes schemas', () => {
  const versions = bundledVersions();

  it('cover at least four minor versions, one of them 1.30 or newer', () => {
    expect(versions.length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...versions.map((v) => Number(v.split('.')[1])))).toBeGreaterThanOrEqual(30);
  });

  for (const version of versions) {
    describe(version, () => {
      const kinds = read(version, 'kinds.json').apiVersions as Record<string, Record<string, string>>;
      const defs = read(version, 'definitions.json').definitions as Record<string, Schema>;

      it('has Deployment, Service, ConfigMap, Job and CustomResourceDefinition', () => {
        expect(kinds['apps/v1']?.Deployment).toBe('apps.v1.Deployment');
        expect(kinds.v1?.Service).toBe('core.v1.Service');
        expect(kinds.v1?.ConfigMap).toBe('core.v1.ConfigMap');
        expect(kinds['batch/v1']?.Job).toBe('batch.v1.Job');
        expect(Object.values(kinds).some((k) => 'CustomResourceDefinition' in k)).toBe(true);
      });

      it('rejects unknown fields of objects and accepts any key of maps', () => {
        expect(defs['core.v1.Container']!.additionalProperties).toBe(false);
        expect(defs['apps.v1.DeploymentSpec']!.additionalProperties).toBe(false);
        expect(defs['meta.v1.ObjectMeta']!.properties!.labels!.additionalProperties).toEqual({ type: 'string' });
        expect(defs['core.v1.ConfigMap']!.properties!.data!.additionalProperties).toEqual({ type: 'string' });
      });

      it('knows required fields, int-or-string, quantities and enums', () => {
        expect(defs['core.v1.Container']!.required).toContain('name');
        expect(defs['apps.v1.DeploymentSpec']!.required).toEqual(expect.arrayContaining(['selector', 'template']));
        expect(defs['core.v1.ServicePort']!.properties!.targetPort!.type).toEqual(['integer', 'string']);
        expect(defs['api.resource.Quantity']!.type).toEqual(['string', 'number']);
        expect(defs['core.v1.Container']!.properties!.imagePullPolicy!.enum).toEqual(['', 'Always', 'IfNotPresent', 'Never']);
      });

      it('does not serve APIs this version removed', () => {
        if (Number(version.split('.')[1]) >= 22) expect(kinds['extensions/v1beta1']).toBeUndefined();
        if (Number(version.split('.')[1]) >= 25) expect(kinds['batch/v1beta1']).toBeUndefined();
      });
    });
  }

  it('quantity pattern accepts the Kubernetes grammar and rejects the rest', () => {
    const pattern = new RegExp(read(versions[0]!, 'definitions.json').definitions['api.resource.Quantity'].pattern);
    for (const ok of ['500m', '1Gi', '1e3', '0.5', '1', '.5', '+1.5E-3', '128974848', '129M', '123Mi', '10u']) expect(pattern.test(ok), ok).toBe(true);
    for (const bad of ['1GB', 'abc', '1 Gi', '', '1.5.5', 'Gi', '1gi', '5e']) expect(pattern.test(bad), bad).toBe(false);
  });

  it('are what scripts/build-kubernetes-schemas.mjs generates from the npm packages', async () => {
    const newest = versions.at(-1)!;
    const alias = join(root, 'node_modules', `kubernetes-types-${newest.replace('.', '-')}`);
    if (!existsSync(alias)) return; // devDependencies not installed: nothing to compare with
    // @ts-expect-error: a plain .mjs script without declarations
    const { convertKubernetesTypes, readModelEnums } = (await import('../../scripts/kubernetes-schemas/convert.mjs')) as {
      convertKubernetesTypes: (root: string, enums: unknown) => { definitions: unknown; kinds: unknown };
      readModelEnums: (root: string) => unknown;
    };
    const generated = convertKubernetesTypes(alias, readModelEnums(join(root, 'node_modules', 'kubernetes-models')));
    expect(generated.definitions).toEqual(read(newest, 'definitions.json').definitions);
    expect(generated.kinds).toEqual(read(newest, 'kinds.json').apiVersions);
  });
});

describe('target versions', () => {
  it('default to the newest bundled, and validate others with the nearest bundled at or above', () => {
    const newest = bundledVersions().at(-1)!;
    expect(resolveTarget(undefined)).toEqual({ target: newest, schema: newest });
    expect(resolveTarget('1.20')).toEqual({ target: '1.20', schema: '1.21' });
    expect(resolveTarget('1.30')).toEqual({ target: '1.30', schema: '1.30' });
    expect(resolveTarget('1.32').schema).toBe(newest);
    expect(resolveTarget('v1.25.3')).toEqual({ target: '1.25', schema: '1.25' });
  });

  it('reject versions outside the known range, naming the bundled ones', () => {
    expect(versionProblem('1.15')).toMatch(/not supported.*1\.17, 1\.21/);
    expect(versionProblem('2.0')).toMatch(/expects a version like 1\.30/);
    expect(versionProblem('1.99')).toMatch(/not supported/);
    expect(versionProblem('1.30')).toBeUndefined();
  });
});
