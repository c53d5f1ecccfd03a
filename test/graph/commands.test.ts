/** `plimsoll graph` and `plimsoll simulate` run the way users run them: through the CLI entry. */
import { join } from 'node:path';
import { instance } from '@viz-js/viz';
import { describe, expect, it } from 'vitest';
import { main, type CliIO } from '../../src/cli/main.js';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'graph');

async function run(argv: string[], cwd = fixtures): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    cwd,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readStdin: async () => '',
    env: {},
    isTTY: false,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

describe('plimsoll graph', () => {
  it('prints nodes and typed edges as JSON', async () => {
    const { code, stdout } = await run(['graph', 'unused-stage/stages']);
    expect(code).toBe(0);
    const graph = JSON.parse(stdout) as { nodes: { id: string; kind: string }[]; edges: { type: string; from: string; to: string }[] };
    const ids = graph.nodes.map((n) => n.id);
    expect(ids).toContain('stage:unused-stage/stages/docker/Dockerfile#build');
    expect(graph.edges).toContainEqual({ type: 'based-on', from: 'stage:unused-stage/stages/docker/Dockerfile#lint', to: 'stage:unused-stage/stages/docker/Dockerfile#deps' });
    expect(graph.edges).toContainEqual({ type: 'copies-from', from: 'stage:unused-stage/stages/docker/Dockerfile#7', to: 'stage:unused-stage/stages/docker/Dockerfile#build' });
    for (const e of graph.edges) expect(ids, `${e.type} ${e.from} → ${e.to}`).toEqual(expect.arrayContaining([e.from, e.to]));
  });

  it('prints DOT that Graphviz renders', async () => {
    const { code, stdout } = await run(['graph', '.', '--format', 'dot']);
    expect(code).toBe(0);
    const viz = await instance();
    const result = viz.render(stdout, { format: 'svg' });
    // Font-metric warnings (no width for "×" without fonts) are not problems with the graph.
    expect(result.errors.filter((e) => e.level === 'error'), stdout).toEqual([]);
    expect(result.status).toBe('success');
    expect(result.output).toMatch(/copies(-|&#45;)from/);
  });

  it('prints a Mermaid flowchart with one line per node and edge', async () => {
    const { stdout } = await run(['graph', 'unused-stage/stages', '-f', 'mermaid']);
    const json = JSON.parse((await run(['graph', 'unused-stage/stages'])).stdout) as { nodes: unknown[]; edges: unknown[] };
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('flowchart LR');
    expect(lines.filter((l) => /^ {2}n\d+\S*"/.test(l) && !l.includes('-->')).length).toBe(json.nodes.length);
    expect(lines.filter((l) => /-->|-\.->/.test(l)).length).toBe(json.edges.length);
  });

  it('rejects an unknown format with exit code 2', async () => {
    const { code, stderr } = await run(['graph', '--format', 'svg']);
    expect(code).toBe(2);
    expect(stderr).toContain('supports --format json, dot, mermaid');
  });
});

describe('plimsoll simulate', () => {
  it('prints the images docker build would produce, with their effective user and command', async () => {
    const { code, stdout } = await run(['simulate', 'unused-stage/stages']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# docker build\nDOCKERFILE\s+TARGET\s+BASE\s+USER/);
    expect(stdout).toMatch(/unused-stage\/stages\/docker\/Dockerfile\s+7\s+gcr\.io\/distroless\/static:nonroot\s+nonroot\s+<none>\s+no\s+"\/app"/);
  });

  it('prints the same as JSON', async () => {
    const { stdout } = await run(['simulate', 'unused-stage/stages', '--format', 'json']);
    const sim = JSON.parse(stdout) as { images: { target: string; user?: string; stages: string[] }[] };
    expect(sim.images).toHaveLength(1);
    expect(sim.images[0]).toMatchObject({ target: '7', user: 'nonroot', stages: ['deps', 'build', 'certs', 'cache-source', '7'] });
  });

  it('says so when there is nothing to simulate', async () => {
    const { code, stdout } = await run(['simulate', '.'], join(fixtures, '..', '..', 'src'));
    expect(code).toBe(0);
    expect(stdout).toContain('Nothing to simulate');
  });
});
