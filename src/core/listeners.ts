/**
 * Listener keys a rule can subscribe to. The walk of each file emits them; the engine
 * dispatches each event only to the rules that listen for it.
 */
import type { ContainerSpec } from '../model/container.js';
import type { Dockerfile, Instruction, InstructionByKeyword, Stage } from '../parse/dockerfile/ast.js';
import type { YamlDocument } from '../parse/yaml/parse.js';

type InstructionListeners = {
  [K in keyof InstructionByKeyword as `DockerfileInstruction:${K}`]?: (node: InstructionByKeyword[K]) => void;
};

export interface CoreListeners {
  /** Fires for every container, whatever format described it. */
  Container?: (container: ContainerSpec) => void;

  Dockerfile?: (dockerfile: Dockerfile) => void;
  'Dockerfile:exit'?: (dockerfile: Dockerfile) => void;
  DockerfileStage?: (stage: Stage) => void;
  'DockerfileStage:exit'?: (stage: Stage) => void;
  DockerfileInstruction?: (instruction: Instruction) => void;

  /** Every YAML document of a Compose or Kubernetes file, before its objects. */
  YamlDocument?: (document: YamlDocument) => void;
}

/**
 * Format modules add their own keys (KubernetesObject, ComposeService, Project, …)
 * by declaration merging on this interface.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Listeners extends CoreListeners, InstructionListeners {}

export type ListenerKey = keyof Listeners;
