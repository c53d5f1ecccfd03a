/**
 * Graph findings go through the same pipeline as any other: they land in the file of their
 * subject, with that file's configuration, suppressions and fingerprints, and appear in
 * every output with their related locations.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main, type CliIO } from '../../src/cli/main.js';
import { buildGraph, lintFiles } from '../../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'plimsoll-graph-findings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
};

write('deploy/web.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec:\n  selector: { matchLabels: { app: web } }\n  template:\n    metadata: { labels: { app: web } }\n    spec:\n      containers:\n        - name: web\n          image: "nginx:1.27"\n          ports: [{ name: http, containerPort: 8080 }]\n          readinessProbe: { httpGet: { path: /, port: http } }\n');
write('svc/web.yaml', 'apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec:\n  selector: { app: web }\n  ports: [{ port: 80, targetPort: htp }]\n');
write('svc/legacy/typo.yaml', 'apiVersion: v1\nkind: Service\nmetadata: { name: typo }\nspec:\n  selector: { app: wbe }\n  ports: [{ port: 80 }]\n');
write('plimsoll.config.yaml', 'overrides:\n  - files: ["svc/legacy/**"]\n    rules: { service-selects-nothing: off }\n');

async function run(argv: string[]) {
  let stdout = '';
  const io: CliIO = { cwd: dir, stdout: (t) => (stdout += t), stderr: () => undefined, readStdin: async () => '', env: {}, isTTY: false };
  const code = await main(argv, io);
  return { code, stdout };
}

describe('graph findings', () => {
  it('land in the file of their subject, name the related object, and honour per-file config', async () => {
    const { findings } = await lintFiles(['.'], { cwd: dir });
    const graph = findings.filter((f) => f.ruleId === 'service-target-port-missing' || f.ruleId === 'service-selects-nothing');
    expect(graph.map((f) => [f.ruleId, f.file, f.range.start.line])).toEqual([['service-target-port-missing', 'svc/web.yaml', 6]]);
    const [finding] = graph;
    expect(finding!.object).toMatchObject({ kind: 'Service', name: 'web', path: 'spec.ports[0].targetPort' });
    expect(finding!.related).toEqual([expect.objectContaining({ file: 'deploy/web.yaml', message: expect.stringContaining('Deployment "default/web" (deploy/web.yaml)') })]);
    expect(finding!.related![0]!.range!.start.line).toBe(3);
    expect(finding!.fingerprint).toMatch(/^[0-9a-f]{32}$/);
  });

  it('keep their fingerprint when unrelated lines are added to the other file', async () => {
    const before = (await lintFiles(['.'], { cwd: dir })).findings.find((f) => f.ruleId === 'service-target-port-missing')!.fingerprint;
    write('deploy/web.yaml', `# a comment\n\n${'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec:\n  selector: { matchLabels: { app: web } }\n  template:\n    metadata: { labels: { app: web } }\n    spec:\n      containers:\n        - name: web\n          image: "nginx:1.27"\n          ports: [{ name: http, containerPort: 8080 }]\n          readinessProbe: { httpGet: { path: /, port: http } }\n'}`);
    const after = (await lintFiles(['.'], { cwd: dir })).findings.find((f) => f.ruleId === 'service-target-port-missing')!.fingerprint;
    expect(after).toBe(before);
  });

  it('appear in SARIF with their related locations, and in the exit code', async () => {
    const { code, stdout } = await run(['-f', 'sarif', '.', '--fail-on', 'warning']);
    expect(code).toBe(1);
    const sarif = JSON.parse(stdout) as { runs: { results: { ruleId: string; relatedLocations?: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const result = sarif.runs[0]!.results.find((r) => r.ruleId === 'service-target-port-missing')!;
    expect(result.relatedLocations?.[0]?.physicalLocation.artifactLocation.uri).toBe('deploy/web.yaml');
  });

  it('are off with --rule, like any rule', async () => {
    const { stdout } = await run(['-f', 'json', '.', '--rule', 'service-target-port-missing=off']);
    expect((JSON.parse(stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId)).not.toContain('service-target-port-missing');
  });

  it('buildGraph reads folders with their config, as lint does', async () => {
    const graph = await buildGraph('.', { cwd: dir });
    expect(graph.kubernetes.services.map((s) => s.object.name).sort()).toEqual(['typo', 'web']);
    expect(graph.kubernetes.serviceSelects(graph.kubernetes.services.find((s) => s.object.name === 'web')!).map((w) => w.object.file.path)).toEqual(['deploy/web.yaml']);
  });
});

describe('graph findings per rule and file', () => {
  it('are capped like phase-1 findings, with one summary for the rest', async () => {
    const many = mkdtempSync(join(tmpdir(), 'plimsoll-graph-cap-'));
    try {
      const extra = 3;
      const services = Array.from({ length: 1000 + extra }, (_, i) => `apiVersion: v1\nkind: Service\nmetadata: { name: s${i} }\nspec:\n  selector: { app: none${i} }\n  ports: [{ port: 80 }]\n`);
      writeFileSync(join(many, 'services.yaml'), services.join('---\n'));
      const { findings } = await lintFiles(['.'], { cwd: many });
      const selectsNothing = findings.filter((f) => f.ruleId === 'service-selects-nothing');
      expect(selectsNothing).toHaveLength(1001);
      expect(selectsNothing.filter((f) => f.message.startsWith(`${extra} more service-selects-nothing findings`))).toHaveLength(1);
    } finally {
      rmSync(many, { recursive: true, force: true });
    }
  });
});
