import { defineRule } from '../../src/core/rule.js';
import type { FromInstruction } from '../../src/parse/dockerfile/ast.js';

const ARCH_ALIASES: Record<string, string> = { x86_64: 'amd64', 'x86-64': 'amd64', aarch64: 'arm64', armhf: 'arm', armel: 'arm', i386: '386' };
const OSES = new Set(['linux', 'windows', 'darwin', 'freebsd', 'netbsd', 'openbsd', 'solaris', 'illumos', 'aix', 'plan9', 'wasip1', 'js']);

/** OS and architecture of a platform string, as containerd normalises it; undefined when it is not one. */
function parsePlatform(text: string): { os: string; arch: string } | undefined {
  if (!/^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+){0,2}$/.test(text)) return undefined;
  const parts = text.toLowerCase().split('/');
  if (OSES.has(parts[0]!)) {
    const arch = parts[1] ?? '';
    return { os: parts[0]!, arch: ARCH_ALIASES[arch] ?? arch };
  }
  if (parts.length > 1) return undefined;
  return { os: 'linux', arch: ARCH_ALIASES[parts[0]!] ?? parts[0]! };
}

export default defineRule({
  id: 'from-platform-flag-const',
  meta: {
    description: 'FROM --platform should not be a constant, unless the stage is named for that platform',
    formats: ['dockerfile'],
    severity: 'warning',
    recommended: true,
    category: 'reliability',
    sources: [{ tool: 'buildkit', id: 'FromPlatformFlagConstDisallowed' }],
    messages: {
      constant:
        'FROM --platform={{platform}} pins the stage to one platform, so a multi-platform build (or a build on another machine) does not get the platform it asks for. Use $BUILDPLATFORM / $TARGETPLATFORM, or name the stage after the platform if the pin is deliberate.',
    },
    fixable: false,
  },
  create(ctx) {
    return {
      'DockerfileInstruction:FROM'(ins: FromInstruction) {
        const value = ins.platform?.value;
        if (!value || ins.variables.some((v) => v.span.start >= value.span.start && v.span.end <= value.span.end)) return;
        if (value.raw.includes('$')) return;
        const platform = parsePlatform(value.value);
        if (!platform) return;
        // As BuildKit: a stage named for its platform (build-arm64, windows-base) pins it on purpose.
        const name = ins.stageName?.value.toLowerCase() ?? '';
        if (name && (name.includes(platform.os) || (platform.arch && name.includes(platform.arch)))) return;
        ctx.report({ messageId: 'constant', node: ins.platform!, data: { platform: value.value } });
      },
    };
  },
});
