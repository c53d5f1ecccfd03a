/** Lints compose files held in memory, as one run (collectors first), through the real engine. */
import { posix } from 'node:path';
import { resolveInlineConfig, settingsForFile } from '../../src/core/config.js';
import { detectFormat } from '../../src/core/detect.js';
import { collectProjectFacts, createEnvironment, type ComposeEnvironmentOptions, type FileHost } from '../../src/core/environment.js';
import { lintSource } from '../../src/core/lint.js';
import type { Finding } from '../../src/core/types.js';

export const ROOT = '/virtual/project';

export function memoryHost(files: Record<string, string | null>): FileHost {
  const abs = (p: string) => (p.startsWith('/') ? p : posix.join(ROOT, p));
  const map = new Map(Object.entries(files).map(([k, v]) => [abs(k), v]));
  return {
    readFile: (path) => map.get(path) ?? undefined,
    exists: (path) => map.has(path) || [...map.keys()].some((k) => k.startsWith(`${path}/`)),
  };
}

export interface RunOptions {
  rules?: Record<string, string>;
  /** Files to lint (default: every .yaml/.yml file given). */
  lint?: string[];
  compose?: ComposeEnvironmentOptions;
}

/** Lints the files, returns `file:line ruleId` strings and the findings. */
export function lintMemory(files: Record<string, string | null>, options: RunOptions = {}): { lines: string[]; findings: Finding[] } {
  const host = memoryHost(files);
  const env = createEnvironment({ host, ...(options.compose ? { compose: options.compose } : {}) });
  const targets = options.lint ?? Object.keys(files).filter((f) => /\.ya?ml$/.test(f));
  const inputs = targets.map((display) => {
    const text = files[display]!;
    const absolute = posix.join(ROOT, display);
    return { absolute, display, text, format: detectFormat(absolute, text, true) ?? 'unknown' };
  });
  collectProjectFacts(inputs, env);
  const config = resolveInlineConfig({ extends: options.rules ? [] : 'plimsoll:all', rules: options.rules ?? {} }, ROOT);
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    const { rules } = settingsForFile(config, input.absolute);
    const result = lintSource(input.display, input.text, input.format, rules, undefined, { absolutePath: input.absolute, env });
    for (const f of result.findings) {
      const key = `${f.ruleId}|${f.file}|${f.span.start}|${f.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(f);
    }
  }
  return { lines: findings.map((f) => `${f.file}:${f.range.start.line + 1} ${f.ruleId}`).sort(), findings };
}
