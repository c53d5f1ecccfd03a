import { describe, expect, it } from 'vitest';
import { detectFormat, isCandidateName } from '../../src/core/detect.js';

const DOCKERFILE = 'FROM debian:12\nUSER app\n';

describe('file detection', () => {
  it('takes the documented Dockerfile names by name', () => {
    for (const name of ['Dockerfile', 'Containerfile', 'Dockerfile.prod', 'Containerfile.arm64', 'web.Dockerfile', 'tools.dockerfile']) {
      expect(detectFormat(`ci/${name}`, 'not even a Dockerfile', false), name).toBe('dockerfile');
    }
  });

  it('reads Dockerfile-dev and Dockerfile_arm when found, and takes them when their content is a Dockerfile', () => {
    for (const name of ['Dockerfile-dev', 'Dockerfile_arm', 'Containerfile-WINDOWS_LTSC2022', 'dockerfile-chroot']) {
      expect(isCandidateName(`app/${name}`), name).toBe(true);
      expect(detectFormat(`app/${name}`, DOCKERFILE, false), name).toBe('dockerfile');
      expect(detectFormat(`app/${name}`, '# syntax=docker/dockerfile:1\nFROM scratch\n', false), name).toBe('dockerfile');
      expect(detectFormat(`app/${name}`, 'echo "a script"\n', false), name).toBeUndefined();
    }
    expect(isCandidateName('app/Dockerfiles')).toBe(false);
    expect(isCandidateName('app/Dockerfile-')).toBe(false);
  });

  it('does not take BuildKit ignore files for Dockerfiles', () => {
    expect(detectFormat('Dockerfile.dockerignore', 'node_modules\n', false)).toBeUndefined();
    expect(detectFormat('app.Dockerfile.dockerignore', 'node_modules\n', false)).toBeUndefined();
    expect(isCandidateName('Dockerfile.dockerignore')).toBe(false);
  });

  it('skips Dockerfile templates with one note, and lints Dockerfiles whose RUN holds braces', () => {
    expect(detectFormat('Dockerfile.template', 'FROM debian:{{ env.variant }}-slim\nRUN true\n', false)).toBe('helm');
    expect(detectFormat('Dockerfile-debian.template', 'FROM debian:12\n{{ if env.x then ( -}}\nENV A 1\n{{ ) end }}\n', false)).toBe('helm');
    expect(detectFormat('Dockerfile.j2', 'FROM python:3.12\n{% for p in packages %}\nRUN pip install {{ p }}\n{% endfor %}\n', false)).toBe('helm');
    expect(detectFormat('Dockerfile', "FROM docker:27-cli\nRUN docker inspect --format '{{.Id}}' x\n", false)).toBe('dockerfile');
  });
});
