/** What the YAML-based adapters (Kubernetes, Compose) share: comments, suppression targets, path → span. */
import type { CommentToken, ParsedFile } from '../core/parsed-file.js';
import type { SourceText } from '../core/source.js';
import type { Locatable, Span } from '../core/types.js';
import { isYNode, resolvePath, spanAt, type PathSegment, type YNode } from '../parse/yaml/nodes.js';
import { parseYaml, type YamlFile, type YamlOptions } from '../parse/yaml/parse.js';

export interface YamlParts {
  yaml: YamlFile;
  comments: CommentToken[];
  nextLineTarget: ParsedFile['nextLineTarget'];
  locate: NonNullable<ParsedFile['locate']>;
}

/** Something that stands for a YAML node: the node itself, or a model object holding it as `yaml`. */
export function yamlNodeOf(node: Locatable): YNode | undefined {
  if (isYNode(node)) return node;
  const held = (node as { yaml?: unknown }).yaml;
  return isYNode(held) ? held : undefined;
}

export function parseYamlParts(source: SourceText, options: YamlOptions): YamlParts {
  const yaml = parseYaml(source.text, options);
  return {
    yaml,
    comments: yaml.comments,
    nextLineTarget: (comment) => nextContentLine(source, comment),
    locate: (node, path: readonly (string | number)[]) => {
      const root = yamlNodeOf(node);
      if (!root) return node.span;
      // A location standing for its mapping (a container's `name:` pair, a `spec:` key) is
      // where findings go when nothing of the path exists below it.
      const standsFor = node !== root && (node.span.start !== root.span.start || node.span.end !== root.span.end);
      if (standsFor && resolvePath(root, path as readonly PathSegment[]).matched === 0) return node.span;
      return spanAt(root, path as readonly PathSegment[]);
    },
  };
}

/** The next line after a comment that has content other than a comment: what `ignore-next-line` covers. */
export function nextContentLine(source: SourceText, comment: Span): Span | undefined {
  const first = source.positionAt(comment.end).line + 1;
  for (let line = first; line < source.lineCount; line++) {
    const text = source.lineText(line).trim();
    if (text === '' || text.startsWith('#')) continue;
    return { start: source.lineStart(line), end: source.lineEnd(line) };
  }
  return undefined;
}
