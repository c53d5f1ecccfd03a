import { defineRule } from '../../src/core/rule.js';
import { editDistance } from '../../src/core/suggest.js';
import type { ArgInstruction, EnvInstruction, Instruction, Stage } from '../../src/parse/dockerfile/ast.js';
import { PLATFORM_ARGS, PROXY_ARGS } from '../../src/parse/dockerfile/parser.js';
import { rootedInScratch, stageLineage } from '../../src/model/dockerfile-query.js';

/**
 * Variables that popular base images set with ENV. BuildKit reads the base image's
 * config; the linter cannot, so these are never called undefined.
 */
const IMAGE_ENV = new Set([
  'PATH', 'HOME', 'HOSTNAME', 'LANG', 'LANGUAGE', 'LC_ALL', 'TERM', 'USER', 'SHELL', 'PWD', 'LD_LIBRARY_PATH', 'PYTHONPATH',
  'JAVA_HOME', 'JAVA_VERSION', 'JDK_VERSION', 'NODE_VERSION', 'YARN_VERSION', 'PYTHON_VERSION', 'PYTHON_SHA256', 'PYTHON_PIP_VERSION',
  'PYTHON_SETUPTOOLS_VERSION', 'GPG_KEY', 'GOLANG_VERSION', 'GOPATH', 'GOROOT', 'GOTOOLCHAIN', 'RUBY_VERSION', 'RUBY_MAJOR',
  'GEM_HOME', 'BUNDLE_PATH', 'BUNDLE_APP_CONFIG', 'BUNDLE_SILENCE_ROOT_WARNING', 'PHP_VERSION', 'PHP_INI_DIR', 'PHPIZE_DEPS',
  'NGINX_VERSION', 'NJS_VERSION', 'PKG_RELEASE', 'PG_MAJOR', 'PG_VERSION', 'PGDATA', 'REDIS_VERSION', 'HTTPD_VERSION', 'HTTPD_PREFIX',
  'MAVEN_HOME', 'MAVEN_CONFIG', 'GRADLE_HOME', 'GRADLE_VERSION', 'RUSTUP_HOME', 'CARGO_HOME', 'RUST_VERSION', 'DOTNET_VERSION',
  'ASPNET_VERSION', 'ASPNETCORE_URLS', 'APP_UID', 'CATALINA_HOME', 'TOMCAT_VERSION', 'OTP_VERSION', 'ELIXIR_VERSION', 'CUDA_VERSION',
  'NVIDIA_VISIBLE_DEVICES', 'NVIDIA_DRIVER_CAPABILITIES', 'CONDA_DIR', 'MAMBA_ROOT_PREFIX', 'VIRTUAL_ENV', 'DEBIAN_FRONTEND',
]);

type Declaration = { name: string; instruction: Instruction };

function declarations(instructions: readonly Instruction[]): Declaration[] {
  const out: Declaration[] = [];
  for (const ins of instructions) {
    if (ins.keyword === 'ARG' || ins.keyword === 'ENV') {
      for (const pair of (ins as ArgInstruction | EnvInstruction).pairs) out.push({ name: pair.key.value, instruction: ins });
    }
  }
  return out;
}

/** `b` is `a` with two adjacent characters swapped. */
function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}

/** A declared name the reference was probably meant to be: same but for case, or one edit away. */
function nearMiss(name: string, known: Iterable<string>): string | undefined {
  for (const candidate of known) {
    if (candidate.toLowerCase() === name.toLowerCase()) return candidate;
  }
  if (name.length < 5) return undefined;
  for (const candidate of known) {
    if (candidate.length >= 5 && (editDistance(name, candidate) === 1 || isTransposition(name, candidate))) return candidate;
  }
  return undefined;
}

export default defineRule({
  id: 'undefined-var',
  meta: {
    description: 'Variables should be declared (ARG or ENV) before they are used',
    formats: ['dockerfile'],
    severity: 'warning',
    recommended: true,
    category: 'correctness',
    sources: [{ tool: 'buildkit', id: 'UndefinedVar' }],
    messages: {
      beforeDeclaration: '"${{name}}" is used before the {{keyword}} on line {{line}} declares it, so it is empty here. Move the {{keyword}} up.',
      globalArg:
        '"${{name}}" is a global ARG (declared before the first FROM), which is not visible inside a stage. Add "ARG {{name}}" (without a value) to this stage before using it.',
      platformArg:
        '"${{name}}" is a predefined platform ARG, but a stage only sees it after declaring it: add "ARG {{name}}" to this stage.',
      scratch: '"${{name}}" is not declared, and this stage is built on scratch, so nothing else can define it: it is empty.',
      typo: '"${{name}}" is not declared (did you mean ${{suggestion}}?).',
    },
    fixable: false,
  },
  create(ctx) {
    const checkStage = (stage: Stage) => {
      const dockerfile = ctx.file.dockerfile;
      if (!dockerfile) return;
      const globalArgs = new Set(declarations(dockerfile.globalArgs).map((d) => d.name));
      const scratch = rootedInScratch(stage, dockerfile);
      // One pass in order (a Dockerfile may have thousands of instructions): the names declared
      // so far in the stage's lineage, and where each name is declared in this stage.
      const before = new Set<string>();
      for (const s of stageLineage(stage, dockerfile).slice(0, -1)) for (const d of declarations(s.instructions)) before.add(d.name);
      const declaredAt = new Map<string, number[]>();
      stage.instructions.forEach((ins, index) => {
        for (const d of declarations([ins])) {
          const list = declaredAt.get(d.name);
          if (list) list.push(index);
          else declaredAt.set(d.name, [index]);
        }
      });
      const declaredAfter = (name: string, index: number): Instruction | undefined => {
        const list = declaredAt.get(name) ?? [];
        let lo = 0;
        let hi = list.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (list[mid]! > index) hi = mid;
          else lo = mid + 1;
        }
        return lo < list.length ? stage.instructions[list[lo]!] : undefined;
      };
      stage.instructions.forEach((ins, index) => {
        const undefinedRefs = ins.variables.filter((v) => v.defined === false && !v.hasFallback && v.name !== 'PATH');
        const own = declarations([ins]);
        if (undefinedRefs.length > 0) {
          const sameInstruction = new Set(own.map((d) => d.name));
          const reported = new Set<string>();
          for (const ref of undefinedRefs) {
            const name = ref.name;
            // ENV A=1 B=$A is env-same-instruction-reference's; one finding per name and instruction.
            if (sameInstruction.has(name) || reported.has(name)) continue;
            reported.add(name);
            const declaredLater = declaredAfter(name, index);
            if (declaredLater) {
              const line = ctx.file.source.positionAt(declaredLater.span.start).line + 1;
              ctx.report({ messageId: 'beforeDeclaration', node: ref, data: { name, keyword: declaredLater.keyword, line } });
            } else if (IMAGE_ENV.has(name)) {
              continue;
            } else if (globalArgs.has(name)) {
              ctx.report({ messageId: 'globalArg', node: ref, data: { name } });
            } else if (PLATFORM_ARGS.includes(name)) {
              ctx.report({ messageId: 'platformArg', node: ref, data: { name } });
            } else if (scratch) {
              ctx.report({ messageId: 'scratch', node: ref, data: { name } });
            } else {
              // Anything else may come from the base image's environment: only a near miss is worth saying.
              const suggestion = nearMiss(name, [...before, ...PROXY_ARGS]);
              if (suggestion) ctx.report({ messageId: 'typo', node: ref, data: { name, suggestion } });
            }
          }
        }
        for (const d of own) before.add(d.name);
      });
    };
    return { DockerfileStage: checkStage };
  },
});
