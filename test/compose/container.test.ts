/** The compose extractor fills the shared ContainerSpec completely. */
import { describe, expect, it } from 'vitest';
import { createEnvironment } from '../../src/core/environment.js';
import { SourceText } from '../../src/core/source.js';
import { parseComposeFile } from '../../src/formats/compose.js';
import { memoryHost, ROOT } from './helpers.js';

const text = `services:
  web:
    image: registry.example.com/web:1.2
    user: "1000:1000"
    command: ["serve", "--port", "80"]
    entrypoint: /entry.sh
    environment: { A: "1", B: }
    ports:
      - "127.0.0.1:8080-8081:80-81/udp"
      - target: 443
        published: 8443
        host_ip: 0.0.0.0
        protocol: tcp
    volumes:
      - ./site:/srv:ro
      - data:/data
      - type: tmpfs
        target: /tmp
    tmpfs: [/run]
    healthcheck:
      test: ["NONE"]
    mem_limit: 512m
    cpus: 0.5
    mem_reservation: 256m
    privileged: "true"
    read_only: true
    cap_add: [NET_ADMIN]
    cap_drop: [ALL]
    security_opt: ["no-new-privileges:true", "seccomp=unconfined"]
    pull_policy: always
  limited:
    image: x:1
    deploy:
      resources:
        limits: { cpus: "1", memory: 1g }
        reservations: { memory: 128m }
volumes:
  data: {}
`;

describe('compose ContainerSpec', () => {
  it('carries every field rules need', () => {
    const env = createEnvironment({ host: memoryHost({ 'compose.yaml': text }) });
    const parsed = parseComposeFile(new SourceText('compose.yaml', text), { absolutePath: `${ROOT}/compose.yaml`, env });
    const [web, limited] = parsed.containers;
    expect(web!.origin).toEqual({ format: 'compose', role: 'service', name: 'web', object: { kind: 'Service', name: 'web' } });
    expect(web!.image!.value).toMatchObject({ registry: 'registry.example.com', repository: 'web', tag: '1.2' });
    expect(web!.security.user!.value).toBe('1000:1000');
    expect(web!.command!.value).toEqual(['serve', '--port', '80']);
    expect(web!.entrypoint!.value).toEqual(['/bin/sh', '-c', '/entry.sh']);
    expect(web!.env.map((e) => [e.name.value, e.value?.value])).toEqual([['A', '1'], ['B', undefined]]);
    expect(web!.ports.map((p) => [p.hostIp, p.hostPort, p.containerPort, p.containerPortEnd, p.protocol])).toEqual([
      ['127.0.0.1', 8080, 80, 81, 'udp'],
      ['0.0.0.0', 8443, 443, undefined, 'tcp'],
    ]);
    expect(web!.mounts.map((m) => [m.type, m.source?.value, m.target?.value, m.readOnly])).toEqual([
      ['bind', './site', '/srv', true],
      ['volume', 'data', '/data', false],
      ['tmpfs', undefined, '/tmp', false],
      ['tmpfs', undefined, '/run', false],
    ]);
    expect(web!.healthcheck).toMatchObject({ disabled: true });
    expect(web!.resources.limits.memory!.value).toBe('512m');
    expect(web!.resources.limits.cpu!.value).toBe('0.5');
    expect(web!.resources.requests.memory!.value).toBe('256m');
    expect(web!.security.privileged!.value).toBe(true);
    expect(web!.security.readOnlyRootFilesystem!.value).toBe(true);
    expect(web!.security.capabilitiesAdd.map((c) => c.value)).toEqual(['NET_ADMIN']);
    expect(web!.security.capabilitiesDrop.map((c) => c.value)).toEqual(['ALL']);
    expect(web!.security.allowPrivilegeEscalation!.value).toBe(false);
    expect(web!.security.seccompProfile!.value).toBe('unconfined');
    expect(web!.imagePullPolicy!.value).toBe('always');
    expect(limited!.resources.limits).toMatchObject({ cpu: { value: '1' }, memory: { value: '1g' } });
    expect(limited!.resources.requests.memory!.value).toBe('128m');
  });
});
