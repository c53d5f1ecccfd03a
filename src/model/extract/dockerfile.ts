/** One ContainerSpec per Dockerfile stage; values a stage inherits via FROM <stage> are followed. */
import type {
  Dockerfile,
  EnvInstruction,
  ExecFormInstruction,
  ExposeInstruction,
  HealthcheckInstruction,
  Instruction,
  Stage,
  UserInstruction,
} from '../../parse/dockerfile/ast.js';
import { emptyContainer, type ContainerSpec } from '../container.js';
import { parseImageReference } from '../image.js';

export function extractDockerfileContainers(dockerfile: Dockerfile): ContainerSpec[] {
  const last = dockerfile.stages.length - 1;
  return dockerfile.stages.map((stage) => {
    const c = emptyContainer(
      {
        format: 'dockerfile',
        role: 'stage',
        name: stage.name ?? String(stage.index),
        isFinalStage: stage.index === last,
        stageIndex: stage.index,
      },
      stage.from,
    );
    const image = stage.from.image;
    if (image && stage.baseStage === undefined) {
      const ref = parseImageReference(stage.from.imageExpanded ?? image.value);
      c.image = { value: ref, node: image };
    }
    const chain = stageChain(stage, dockerfile);

    const user = lastOf<UserInstruction>(chain, 'USER');
    if (user?.user) c.security.user = { value: user.userExpanded ?? user.user.value, node: user.user };

    const cmd = lastOf<ExecFormInstruction>(chain, 'CMD');
    if (cmd) c.command = { value: execArgs(cmd), node: cmd };
    const entrypoint = lastOf<ExecFormInstruction>(chain, 'ENTRYPOINT');
    if (entrypoint) c.entrypoint = { value: execArgs(entrypoint), node: entrypoint };

    const healthcheck = lastOf<HealthcheckInstruction>(chain, 'HEALTHCHECK');
    if (healthcheck) c.healthcheck = { node: healthcheck, handler: 'CMD', disabled: healthcheck.none };

    for (const ins of chain) {
      if (ins.keyword === 'ENV') {
        for (const pair of (ins as EnvInstruction).pairs) {
          c.env.push({
            name: { value: pair.key.value, node: pair.key },
            ...(pair.value ? { value: { value: pair.value.value, node: pair.value } } : {}),
          });
        }
      } else if (ins.keyword === 'EXPOSE') {
        for (const port of (ins as ExposeInstruction).ports) {
          c.ports.push({
            ...(port.port !== undefined ? { containerPort: port.port } : {}),
            ...(port.endPort !== undefined ? { containerPortEnd: port.endPort } : {}),
            protocol: port.protocol ?? 'tcp',
            node: port,
          });
        }
      }
    }
    return c;
  });
}

/** The instructions that shape a stage's image: its base stages' first, then its own. */
export function stageChain(stage: Stage, dockerfile: Dockerfile): Instruction[] {
  const stages: Stage[] = [];
  const seen = new Set<number>();
  for (let s: Stage | undefined = stage; s && !seen.has(s.index); s = s.baseStage === undefined ? undefined : dockerfile.stages[s.baseStage]) {
    seen.add(s.index);
    stages.unshift(s);
  }
  return stages.flatMap((s) => s.instructions);
}

function lastOf<T extends Instruction>(instructions: Instruction[], keyword: string): T | undefined {
  for (let i = instructions.length - 1; i >= 0; i--) if (instructions[i]!.keyword === keyword) return instructions[i] as T;
  return undefined;
}

function execArgs(ins: ExecFormInstruction): string[] {
  return ins.json ? ins.json.values.map((v) => v.value) : ['/bin/sh', '-c', ins.argsText];
}
