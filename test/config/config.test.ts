/** Configuration: cosmiconfig file names, upward search per file, validation messages, extends, overrides, ignores. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { presetRules, validateConfig, ConfigError, SEARCH_PLACES } from '../../src/core/config.js';
import { buildConfigSchema } from '../../src/core/config-schema.js';
import { registeredRules } from '../../src/core/registry.js';
import { lintFiles } from '../../src/index.js';
import { tree } from '../helpers/tree.js';

const UNTAGGED = 'FROM alpine\nUSER app\n';
const ERROR_CONFIG = { rules: { 'untagged-image': 'error' } };

/** `ruleId:severity` of every finding per file. */
async function severities(cwd: string, patterns: string[] = ['.']) {
  const result = await lintFiles(patterns, { cwd });
  const out: Record<string, string[]> = {};
  for (const f of result.findings) (out[f.file] ??= []).push(`${f.ruleId}:${f.severity}`);
  return out;
}

describe('config files', () => {
  const contents: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'x', plimsoll: ERROR_CONFIG }),
    '.plimsollrc': JSON.stringify(ERROR_CONFIG),
    '.plimsollrc.json': JSON.stringify(ERROR_CONFIG),
    '.plimsollrc.yaml': 'rules:\n  untagged-image: error\n',
    '.plimsollrc.yml': 'rules:\n  untagged-image: error\n',
    '.plimsollrc.js': `module.exports = ${JSON.stringify(ERROR_CONFIG)};`,
    '.plimsollrc.mjs': `export default ${JSON.stringify(ERROR_CONFIG)};`,
    '.plimsollrc.cjs': `module.exports = ${JSON.stringify(ERROR_CONFIG)};`,
    'plimsoll.config.json': JSON.stringify(ERROR_CONFIG),
    'plimsoll.config.yaml': 'rules: { untagged-image: error }\n',
    'plimsoll.config.yml': 'rules: { untagged-image: error }\n',
    'plimsoll.config.js': `module.exports = ${JSON.stringify(ERROR_CONFIG)};`,
    'plimsoll.config.mjs': `export default ${JSON.stringify(ERROR_CONFIG)};`,
    'plimsoll.config.cjs': `module.exports = ${JSON.stringify(ERROR_CONFIG)};`,
  };

  it('covers every place cosmiconfig searches', () => {
    expect(Object.keys(contents).sort()).toEqual([...SEARCH_PLACES].sort());
  });

  it('without a config, uses plimsoll:recommended', async () => {
    const root = tree({ 'Dockerfile': UNTAGGED });
    expect(await severities(root)).toEqual({ Dockerfile: ['untagged-image:warning'] });
  });

  for (const [name, content] of Object.entries(contents)) {
    it(`reads ${name}, found upward from the linted file`, async () => {
      const root = tree({ [name]: content, 'services/api/Dockerfile': UNTAGGED });
      expect(await severities(root)).toEqual({ 'services/api/Dockerfile': ['untagged-image:error'] });
    });
  }

  it('finds a config created between two runs of one process', async () => {
    const root = tree({ 'a/Dockerfile': UNTAGGED, 'a/b/Dockerfile': UNTAGGED });
    expect(await severities(root)).toEqual({ 'a/Dockerfile': ['untagged-image:warning'], 'a/b/Dockerfile': ['untagged-image:warning'] });
    writeFileSync(join(root, 'a', '.plimsollrc.json'), JSON.stringify(ERROR_CONFIG));
    expect(await severities(root)).toEqual({ 'a/Dockerfile': ['untagged-image:error'], 'a/b/Dockerfile': ['untagged-image:error'] });
  });

  it('reads an explicit config file again on the next run when it changed', async () => {
    const root = tree({ 'ci.json': JSON.stringify(ERROR_CONFIG), Dockerfile: UNTAGGED });
    const run = async () => (await lintFiles(['Dockerfile'], { cwd: root, config: 'ci.json' })).findings.map((f) => `${f.ruleId}:${f.severity}`);
    expect(await run()).toEqual(['untagged-image:error']);
    writeFileSync(join(root, 'ci.json'), JSON.stringify({ rules: { 'untagged-image': 'info' } }));
    expect(await run()).toEqual(['untagged-image:info']);
  });

  it('does not take a folder named like a config file for one', async () => {
    const root = tree({ 'plimsoll.config.json/keep.txt': '', 'Dockerfile': UNTAGGED });
    expect(await severities(root)).toEqual({ Dockerfile: ['untagged-image:warning'] });
  });

  it('ignores a package.json without a "plimsoll" key and keeps looking upward', async () => {
    const root = tree({ '.plimsollrc.json': JSON.stringify(ERROR_CONFIG), 'app/package.json': '{"name":"app"}', 'app/Dockerfile': UNTAGGED });
    expect(await severities(root)).toEqual({ 'app/Dockerfile': ['untagged-image:error'] });
  });

  it('applies to each file the nearest config: two folders with different configs in one run', async () => {
    const root = tree({
      'one/.plimsollrc.json': JSON.stringify(ERROR_CONFIG),
      'one/Dockerfile': UNTAGGED,
      'two/plimsoll.config.yaml': 'rules:\n  untagged-image: info\n',
      'two/Dockerfile': UNTAGGED,
      'two/deep/er/Dockerfile': UNTAGGED,
    });
    expect(await severities(root)).toEqual({
      'one/Dockerfile': ['untagged-image:error'],
      'two/Dockerfile': ['untagged-image:info'],
      'two/deep/er/Dockerfile': ['untagged-image:info'],
    });
  });

  it('uses only the nearest config (no cascading): a closer one replaces an outer one', async () => {
    const root = tree({
      '.plimsollrc.json': JSON.stringify({ rules: { 'untagged-image': 'error', 'add-instead-of-copy': 'off' } }),
      'inner/.plimsollrc.json': '{}',
      'inner/Dockerfile': 'FROM alpine\nADD a /a\nUSER app\n',
    });
    expect(await severities(root)).toEqual({ 'inner/Dockerfile': ['untagged-image:warning', 'add-instead-of-copy:warning'] });
  });

  it('uses an explicit config file for every file when given one', async () => {
    const root = tree({ 'ci/strict.json': JSON.stringify(ERROR_CONFIG), 'a/.plimsollrc.json': '{"rules":{"untagged-image":"off"}}', 'a/Dockerfile': UNTAGGED });
    const result = await lintFiles(['.'], { cwd: root, config: 'ci/strict.json' });
    expect(result.findings.map((f) => `${f.ruleId}:${f.severity}`)).toEqual(['untagged-image:error']);
  });
});

describe('validation', () => {
  const message = (config: unknown) => {
    try {
      validateConfig(config, 'cfg.json');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
    return 'valid';
  };

  it('names the closest valid rule for an unknown rule id', () => {
    expect(message({ rules: { 'untaged-image': 'error' } })).toBe('cfg.json: unknown rule "untaged-image" (did you mean "untagged-image"?)');
    expect(message({ rules: { 'run-as-rot': 'off' } })).toBe('cfg.json: unknown rule "run-as-rot" (did you mean "run-as-root"?)');
    expect(message({ rules: { 'completely-different-thing': 'off' } })).toBe('cfg.json: unknown rule "completely-different-thing"');
  });

  it('says which severity is wrong, in every form a rule setting can take', () => {
    const expected = 'is not a severity; use off, info, warning or error';
    expect(message({ rules: { 'untagged-image': 'eror' } })).toBe(`cfg.json: rules.untagged-image: "eror" ${expected}`);
    expect(message({ rules: { 'untagged-image': ['warn'] } })).toBe(`cfg.json: rules.untagged-image severity: "warn" ${expected}`);
    expect(message({ rules: { 'untagged-image': { severity: 'high' } } })).toBe(`cfg.json: rules.untagged-image severity: "high" ${expected}`);
    expect(message({ rules: { 'untagged-image': 3 } })).toBe(
      'cfg.json: rules.untagged-image: expected a severity (off, info, warning or error), [severity, options] or { severity, options }',
    );
  });

  it('reports invalid rule options against the rule\'s option schema', () => {
    expect(message({ rules: { 'run-as-root': ['warning', { nonRootImages: 'x' }] } })).toBe('cfg.json: rules.run-as-root options.nonRootImages: must be array');
    expect(message({ rules: { 'run-as-root': { options: { nonRootImage: [] } } } })).toBe('cfg.json: rules.run-as-root options: unknown option "nonRootImage"');
    expect(message({ rules: { 'untagged-image': ['warning', { any: 1 }] } })).toBe('cfg.json: rules.untagged-image options: unknown option "any"');
  });

  it('reports unknown properties, wrong types and overrides without files', () => {
    expect(message({ rule: {} })).toBe('cfg.json: unknown property "rule" in configuration');
    expect(message({ ignorePatterns: 'vendor' })).toBe('cfg.json: ignorePatterns: must be array');
    expect(message({ overrides: [{ rules: {} }] })).toBe("cfg.json: overrides.0: must have required property 'files'");
    expect(message({ overrides: [{ files: '*', rules: { 'untagged-imag': 'off' } }] })).toBe('cfg.json: unknown rule "untagged-imag" (did you mean "untagged-image"?)');
    expect(message([])).toBe('cfg.json: the configuration must be an object.');
  });

  it('accepts a valid config', () => {
    expect(message({ extends: ['plimsoll:strict'], rules: { 'run-as-root': ['error', { nonRootImages: ['x/*'] }] }, ignorePatterns: ['vendor/'], overrides: [{ files: ['**/*.prod'], rules: { 'latest-tag': 'error' } }] })).toBe('valid');
  });

  it('ships schemas/config.schema.json exactly as generated from the rules\' option schemas', () => {
    const shipped = JSON.parse(readFileSync(join(import.meta.dirname, '../../schemas/config.schema.json'), 'utf8')) as unknown;
    expect(shipped).toEqual(buildConfigSchema(registeredRules()));
    const rules = (shipped as { properties: { rules: { properties: Record<string, unknown> } } }).properties.rules.properties;
    expect(Object.keys(rules).sort()).toEqual(registeredRules().map((r) => r.rule.id).sort());
  });
});

describe('presets and extends', () => {
  it('defines recommended, strict and all from the rules\' metadata', () => {
    const on = (name: Parameters<typeof presetRules>[0]) =>
      new Set([...presetRules(name)].filter(([, e]) => e.severity !== 'off').map(([id]) => id));
    const recommended = on('plimsoll:recommended');
    const strict = on('plimsoll:strict');
    const all = on('plimsoll:all');
    for (const { rule } of registeredRules()) {
      expect(recommended.has(rule.id), rule.id).toBe(rule.meta.recommended);
      expect(strict.has(rule.id), rule.id).toBe(rule.meta.recommended || rule.meta.severity !== 'info');
      expect(all.has(rule.id), rule.id).toBe(true);
    }
    expect(all.size).toBeGreaterThan(recommended.size);
  });

  it('extends a preset by name and another config by relative path, rules merged in order', async () => {
    const root = tree({
      'shared/base.yaml': 'extends: plimsoll:all\nrules:\n  untagged-image: error\n  add-instead-of-copy: off\n',
      'app/.plimsollrc.json': JSON.stringify({ extends: '../shared/base.yaml', rules: { 'untagged-image': 'info' } }),
      'app/Dockerfile': 'FROM alpine\nADD a /a\nLABEL Bad_Key=1\nUSER app\n',
    });
    const found = (await severities(root))['app/Dockerfile']!;
    expect(found).toContain('untagged-image:info');
    expect(found).toContain('label-key-invalid:info'); // only in plimsoll:all
    expect(found.some((f) => f.startsWith('add-instead-of-copy'))).toBe(false);
  });

  it('reports an unknown preset, a missing extended file and a cycle as configuration errors', async () => {
    const bad = (files: Record<string, string>) => lintFiles(['.'], { cwd: tree({ ...files, Dockerfile: UNTAGGED }) });
    await expect(bad({ '.plimsollrc.json': '{"extends":"plimsoll:recomended"}' })).rejects.toThrow(
      /unknown preset "plimsoll:recomended" \(use plimsoll:recommended, plimsoll:strict, plimsoll:all\)/,
    );
    await expect(bad({ '.plimsollrc.json': '{"extends":"./missing.json"}' })).rejects.toThrow(/missing\.json: cannot read configuration: no such file/);
    await expect(bad({ '.plimsollrc.json': '{"extends":"./b.json"}', 'b.json': '{"extends":"./.plimsollrc.json"}' })).rejects.toThrow(/"extends" forms a cycle/);
  });

  it('reports a config file that does not parse with its path and the parser\'s reason on one line', async () => {
    const root = tree({ '.plimsollrc.json': '{"rules":', Dockerfile: UNTAGGED });
    const error = await lintFiles(['.'], { cwd: root }).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/\.plimsollrc\.json: cannot read configuration: Unexpected end of JSON input/);
    expect((error as Error).message).not.toContain('\n');
  });
});

describe('overrides and ignorePatterns', () => {
  it('applies overrides to the files their globs match, minus excludedFiles', async () => {
    const root = tree({
      '.plimsollrc.json': JSON.stringify({
        overrides: [
          { files: ['**/*.prod.Dockerfile'], rules: { 'untagged-image': 'error' } },
          { files: 'legacy/**', excludedFiles: 'legacy/keep/**', rules: { 'untagged-image': 'off' } },
        ],
      }),
      'web.prod.Dockerfile': UNTAGGED,
      'web.Dockerfile': UNTAGGED,
      'legacy/Dockerfile': UNTAGGED,
      'legacy/keep/Dockerfile': UNTAGGED,
    });
    expect(await severities(root)).toEqual({
      'legacy/keep/Dockerfile': ['untagged-image:warning'],
      'web.Dockerfile': ['untagged-image:warning'],
      'web.prod.Dockerfile': ['untagged-image:error'],
    });
  });

  it('matches override globs relative to the config file, not the working directory', async () => {
    const root = tree({
      'project/.plimsollrc.json': JSON.stringify({ overrides: [{ files: 'prod/*', rules: { 'untagged-image': 'error' } }] }),
      'project/prod/Dockerfile': UNTAGGED,
    });
    expect(await severities(root)).toEqual({ 'project/prod/Dockerfile': ['untagged-image:error'] });
  });

  it('skips files matching ignorePatterns, from the config and from a config it extends', async () => {
    const root = tree({
      'shared.json': JSON.stringify({ ignorePatterns: ['third_party/**'] }),
      'repo/.plimsollrc.json': JSON.stringify({ extends: '../shared.json', ignorePatterns: ['vendor/', 'Dockerfile.old'] }),
      'repo/vendor/x/Dockerfile': UNTAGGED,
      'repo/third_party/Dockerfile': UNTAGGED,
      'repo/sub/Dockerfile.old': UNTAGGED,
      'repo/Dockerfile': UNTAGGED,
    });
    const result = await lintFiles(['.'], { cwd: root });
    expect(result.files.map((f) => f.path)).toEqual(['repo/Dockerfile']);
  });
});
