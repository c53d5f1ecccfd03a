import { defineRule } from '../../src/core/rule.js';
import type { RunInstruction } from '../../src/parse/dockerfile/ast.js';
import { aptInvocations, configuresNoRecommends, skipsRecommends } from '../../src/model/apt.js';
import { argumentInsertion, hasBeforeWhere } from '../../src/model/dockerfile-query.js';

export default defineRule({
  id: 'apt-get-missing-no-install-recommends',
  meta: {
    description: 'apt-get install should use --no-install-recommends',
    formats: ['dockerfile'],
    severity: 'info',
    recommended: true,
    category: 'efficiency',
    sources: [
      { tool: 'hadolint', id: 'DL3015' },
      { tool: 'trivy', id: 'DS029' },
    ],
    messages: {
      recommends:
        '`{{manager}} install` without --no-install-recommends also installs every recommended package, which the image rarely needs; add --no-install-recommends and name what you use.',
    },
    fixable: 'safe',
  },
  create(ctx) {
    const dockerfile = ctx.file.dockerfile;
    /** An earlier RUN of the stage lineage turned recommends off in apt's configuration. */
    const configuredBefore = (run: RunInstruction): boolean => {
      const stage = dockerfile?.stages[run.stageIndex];
      if (!dockerfile || !stage) return false;
      return hasBeforeWhere(stage, dockerfile, run, 'apt-no-recommends', (i) => i.keyword === 'RUN' && configuresNoRecommends(ctx.file.shell(i as RunInstruction)));
    };
    return {
      'DockerfileInstruction:RUN'(run) {
        const script = ctx.file.shell(run);
        for (const apt of aptInvocations(script)) {
          if (apt.subcommand !== 'install' || skipsRecommends(apt.parsed)) continue;
          if (configuresNoRecommends(script, apt.view.command.span.start) || configuredBefore(run)) continue;
          const at = apt.subcommandWord.span.end;
          ctx.report({
            messageId: 'recommends',
            span: apt.subcommandWord.span,
            data: { manager: apt.view.name },
            fix: { edits: [argumentInsertion(run, at, '--no-install-recommends')] },
          });
        }
      },
    };
  },
});
