import { describe, expect, it } from 'vitest';
import { lintMemory } from './helpers.js';

const schema = (text: string) =>
  lintMemory({ 'compose.yaml': text }, { rules: { 'compose-schema': 'error' } }).findings.map((f) => `${f.range.start.line + 1}: ${f.message}`);

describe('compose-schema messages', () => {
  it('reports every error, each on its node, in plain words', () => {
    const messages = schema(['services:', '  web:', '    image: 3', '    restrat: always', '    ports: 80', '    deploy:', '      replicas: [1]', ''].join('\n'));
    expect(messages).toEqual([
      '3: Compose rejects this: "services.web.image" must be a string, not the number 3.',
      '4: Compose rejects this: "services.web" has no attribute "restrat" (did you mean "restart"?).',
      '5: Compose rejects this: "services.web.ports" must be a list, not the number 80.',
      '7: Compose rejects this: "services.web.deploy.replicas" must be a whole number or a string, not a list.',
    ]);
  });
  it('explains alternatives by the branch that fits the value', () => {
    const messages = schema(['services:', '  web:', '    image: x:1', '    ports:', '      - target: 80', '        publishd: 8080', ''].join('\n'));
    expect(messages).toEqual(['6: Compose rejects this: "services.web.ports[0]" has no attribute "publishd" (did you mean "published"?).']);
  });
  it('accepts current compose-spec features (name, include, develop, models)', () => {
    expect(
      schema(['name: x', 'include: [other.yaml]', 'services:', '  web:', '    image: x:1', '    develop:', '      watch: [{action: rebuild, path: .}]', '    models: [m]', 'models:', '  m: {model: ai/smollm2}', ''].join('\n')),
    ).toEqual([]);
  });
});
