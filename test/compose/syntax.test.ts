import { describe, expect, it } from 'vitest';
import { isDuration } from '../../src/model/compose/duration.js';
import { parseShortPort } from '../../src/model/compose/ports.js';
import { parseShortVolumeSpec } from '../../src/model/compose/volumes.js';
import { formatFromName, detectFormat } from '../../src/core/detect.js';

describe('short syntaxes', () => {
  it('parses port mappings as Docker does', () => {
    expect(parseShortPort('80')).toMatchObject({ target: 80, protocol: 'tcp' });
    expect(parseShortPort('8080:80/udp')).toMatchObject({ published: 8080, target: 80, protocol: 'udp' });
    expect(parseShortPort('127.0.0.1:8000-8002:8000-8002')).toMatchObject({ hostIp: '127.0.0.1', published: 8000, publishedEnd: 8002, target: 8000, targetEnd: 8002 });
    expect(parseShortPort('[::1]:53:53')).toMatchObject({ hostIp: '::1', published: 53 });
    expect(parseShortPort('127.0.0.1::80')).toMatchObject({ hostIp: '127.0.0.1', target: 80 });
    expect(parseShortPort('9000-9010:80')).toMatchObject({ published: 9000, publishedEnd: 9010, target: 80 });
    for (const bad of ['70000:80', '80:80/http', '8000-8010:8000-8005', '90-80:80', 'x:80', '999.1.1.1:80:80', ':']) expect(parseShortPort(bad), bad).toHaveProperty('error');
  });
  it('parses volume specs as compose-go does', () => {
    expect(parseShortVolumeSpec('./data:/data:ro')).toMatchObject({ type: 'bind', source: './data', target: '/data', readOnly: true });
    expect(parseShortVolumeSpec('data:/data')).toMatchObject({ type: 'volume', source: 'data' });
    expect(parseShortVolumeSpec('/anon')).toMatchObject({ type: 'volume', target: '/anon' });
    expect(parseShortVolumeSpec('C:\\data:/data')).toMatchObject({ type: 'bind', source: 'C:\\data', target: '/data' });
    expect(parseShortVolumeSpec('~/x:/x')).toMatchObject({ type: 'bind' });
    expect(parseShortVolumeSpec('./a:/b:ro:extra')).toHaveProperty('error');
  });
  it('accepts Go durations only', () => {
    for (const ok of ['10s', '1m30s', '1.5h', '500ms', '0', '2h45m']) expect(isDuration(ok), ok).toBe(true);
    for (const bad of ['10', '1 minute', '30 sec', '', 's', '1d']) expect(isDuration(bad), bad).toBe(false);
  });
});

describe('compose detection', () => {
  it('recognises every compose file name in any folder', () => {
    for (const name of ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml', 'compose.prod.yaml', 'docker-compose.ci.yml', 'dev.compose.yaml', 'a/b/docker-compose.override.yml']) {
      expect(formatFromName(name), name).toBe('compose');
    }
    for (const name of ['composer.yaml', 'my-compose.yaml', 'compose.json', 'docker-compose']) expect(formatFromName(name), name).not.toBe('compose');
  });
  it('detects compose by a top-level services map and skips templated files', () => {
    expect(detectFormat('/x/stack.yml', 'services:\n  web:\n    image: nginx\n', false)).toBe('compose');
    expect(detectFormat('/x/stack.yml', 'apiVersion: v1\nkind: Service\n', false)).toBe('kubernetes');
    expect(detectFormat('/x/compose.yaml', 'services:\n  web:\n    image: {{ .Values.image }}\n', false)).toBe('helm');
  });
});
