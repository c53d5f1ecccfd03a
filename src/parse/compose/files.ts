/** Reading a compose file once per run: YAML 1.2 (as Compose), every node marked with its file. */
import type { CommentToken } from '../../core/parsed-file.js';
import type { SourceText } from '../../core/source.js';
import type { YNode } from '../yaml/nodes.js';
import { parseYaml, type YamlDocument } from '../yaml/parse.js';

/** A compose file read and parsed once per run. */
export interface ParsedComposeFile {
  absolute?: string;
  source: SourceText;
  documents: YamlDocument[];
  comments: CommentToken[];
}

/** Parses a compose file's text (YAML 1.2, as Compose) and marks every node with its file. */
export function parseComposeText(source: SourceText, absolute?: string): ParsedComposeFile {
  const yaml = parseYaml(source.text, { version: '1.2' });
  for (const doc of yaml.documents) if (doc.root) markSource(doc.root, source);
  const parsed: ParsedComposeFile = { source, documents: yaml.documents, comments: yaml.comments };
  if (absolute !== undefined) parsed.absolute = absolute;
  return parsed;
}

function markSource(root: YNode, source: SourceText): void {
  const stack: YNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.file) continue;
    node.file = source;
    if (node.kind === 'map') for (const pair of node.pairs) {
      stack.push(pair.key);
      if (pair.value) stack.push(pair.value);
    }
    else if (node.kind === 'seq') stack.push(...node.items);
  }
}
