/** Dockerfile adapter: parse, extract containers, and the walk the engine dispatches from. */
import type { Emit, ParsedFile } from '../core/parsed-file.js';
import type { SourceText } from '../core/source.js';
import type { Span } from '../core/types.js';
import { extractDockerfileContainers } from '../model/extract/dockerfile.js';
import type { Dockerfile, Instruction, OnbuildInstruction } from '../parse/dockerfile/ast.js';
import { parseDockerfile } from '../parse/dockerfile/parser.js';

export function parseDockerfileFile(source: SourceText): ParsedFile {
  const dockerfile = parseDockerfile(source.text);
  const containers = extractDockerfileContainers(dockerfile);
  return {
    source,
    format: 'dockerfile',
    documents: 1,
    dockerfile,
    containers,
    comments: dockerfile.comments.map((c) => ({ text: c.text, span: c.span, trailing: false })),
    walk: (emit) => walkDockerfile(dockerfile, containers, emit),
    nextLineTarget: (comment) => nextInstruction(dockerfile, comment)?.span,
    contextOf: (span) => contextOf(dockerfile, source, span),
  };
}

function walkDockerfile(dockerfile: Dockerfile, containers: ParsedFile['containers'], emit: Emit): void {
  emit('Dockerfile', dockerfile);
  const emitInstruction = (ins: Instruction): void => {
    emit('DockerfileInstruction', ins);
    emit(`DockerfileInstruction:${ins.keyword}` as 'DockerfileInstruction:RUN', ins);
    // ONBUILD triggers are checked like other instructions; they carry `parentOnbuild`.
    const trigger = (ins as OnbuildInstruction).trigger;
    if (ins.keyword === 'ONBUILD' && trigger) emitInstruction(trigger);
  };
  for (const ins of dockerfile.instructions) {
    if (ins.stageIndex >= 0) break;
    emitInstruction(ins);
  }
  for (const stage of dockerfile.stages) {
    emit('DockerfileStage', stage);
    emitInstruction(stage.from);
    for (const ins of stage.instructions) emitInstruction(ins);
    const container = containers[stage.index];
    if (container) emit('Container', container);
    emit('DockerfileStage:exit', stage);
  }
  emit('Dockerfile:exit', dockerfile);
}

/** The first instruction that ends at or after `offset` (instructions are sorted and do not overlap). */
function instructionFrom(dockerfile: Dockerfile, offset: number): Instruction | undefined {
  const list = dockerfile.instructions;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.span.end < offset) lo = mid + 1;
    else hi = mid;
  }
  return list[lo];
}

/** The instruction a `# …ignore` comment line applies to: the next one after it. */
function nextInstruction(dockerfile: Dockerfile, comment: Span): Instruction | undefined {
  const list = dockerfile.instructions;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.span.start >= comment.end) hi = mid;
    else lo = mid + 1;
  }
  return list[lo];
}

/**
 * Stage, keyword and the instruction's text with whitespace normalised: a finding keeps its
 * fingerprint when other lines move, and gets a new one when its instruction is edited.
 */
function contextOf(dockerfile: Dockerfile, source: SourceText, span: Span): string {
  const ins = instructionFrom(dockerfile, span.start);
  if (!ins || span.start < ins.span.start) return 'file';
  const stage = dockerfile.stages[ins.stageIndex];
  const text = source.slice(ins.span).replace(/\s+/g, ' ').trim();
  return `${stage ? (stage.name ?? `#${stage.index}`) : 'global'}/${ins.keyword}/${text}`;
}
