/**
 * Reading YAML with the `yaml` package's Parser (CST, for comments with offsets) and
 * Composer (documents): exact on every input, errors and warnings included, but several
 * times slower than the fast reader (scan.ts), which handles the common subset and hands
 * everything else to this one.
 */
import type { Document, Node as YamlLibNode } from 'yaml';
import type { CommentToken } from '../../core/parsed-file.js';
import type { Span } from '../../core/types.js';
import { MAX_ALIAS_COUNT, MAX_DEPTH } from './limits.js';
import type { ScalarStyle, YMap, YNode, YPair, YScalar, YSeq } from './nodes.js';
import type { YamlDocument, YamlFile, YamlOptions, YamlProblem } from './parse.js';
import { yamlLibrary as yamlLib } from './library.js';

const STYLES: Record<string, ScalarStyle> = {
  PLAIN: 'plain',
  QUOTE_SINGLE: 'single',
  QUOTE_DOUBLE: 'double',
  BLOCK_LITERAL: 'literal',
  BLOCK_FOLDED: 'folded',
};

export function readWithYamlLibrary(text: string, options: YamlOptions): YamlFile {
  const comments: CommentToken[] = [];
  const docs: Document.Parsed[] = [];
  try {
    const { Composer, Parser } = yamlLib();
    const parser = new Parser();
    const composer = new Composer({ version: options.version, merge: true, uniqueKeys: true, logLevel: 'error' });
    const hasComments = text.includes('#');
    for (const token of parser.parse(text)) {
      if (hasComments) collectComments(token, text, comments);
      for (const doc of composer.next(token)) docs.push(doc);
    }
    for (const doc of composer.end(false, text.length)) docs.push(doc);
    comments.sort((a, b) => a.span.start - b.span.start);
  } catch (error) {
    // Pathological input (e.g. nesting that exhausts the parser's stack): one finding, no crash.
    return {
      comments,
      documents: [
        {
          index: 0,
          span: { start: 0, end: text.length },
          root: null,
          value: undefined,
          errors: [{ code: 'UNPARSABLE', message: describeFailure(error), span: { start: 0, end: 0 } }],
          warnings: [],
        },
      ],
    };
  }
  return { comments, documents: docs.map((doc, index) => convertDocument(doc, index, text)) };
}

/**
 * An error the parser only notices at the next `---`, `...` or the end of the file (an
 * unclosed bracket, say) belongs to the last line of content before it.
 */
function anchorProblem(text: string, span: Span): Span {
  const atBoundary = span.start >= text.length || /^(---|\.\.\.)(\s|$)/.test(text.slice(span.start, span.start + 4));
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  if (!atBoundary || span.start !== lineStart) return span;
  let end = lineStart - 1;
  while (end > 0) {
    const from = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(from, end).trim();
    if (line !== '' && !line.startsWith('#')) {
      const content = text.slice(from, end);
      const indent = content.length - content.trimStart().length;
      return { start: from + indent, end: from + content.trimEnd().length };
    }
    end = from - 1;
  }
  return span;
}

function describeFailure(error: unknown): string {
  if (error instanceof RangeError) return 'The YAML is nested too deeply to be read.';
  return `The YAML could not be read: ${error instanceof Error ? error.message : String(error)}`;
}

function convertDocument(doc: Document.Parsed, index: number, text: string): YamlDocument {
  const [start, , end] = doc.range;
  const problem = (e: { code: string; message: string; pos: [number, number] }): YamlProblem => ({
    code: e.code,
    message: e.message.split('\n')[0]!,
    span: anchorProblem(text, { start: e.pos[0], end: Math.max(e.pos[0], e.pos[1]) }),
  });
  const errors = doc.errors.map(problem);
  const warnings = doc.warnings.map(problem);
  const converter = new Converter();
  let root: YNode | null = null;
  try {
    root = doc.contents ? converter.node(doc.contents as YamlLibNode, 0) : null;
  } catch (error) {
    errors.push({ code: 'UNPARSABLE', message: describeFailure(error), span: { start, end: start } });
  }
  for (const e of errors) if (e.code === 'DUPLICATE_KEY' && root) e.span = keySpanAt(root, e.span) ?? e.span;
  if (converter.tooDeep) errors.push({ code: 'TOO_DEEP', message: `Nesting deeper than ${MAX_DEPTH} levels is not read.`, span: converter.tooDeep });
  let value: unknown;
  if (errors.length === 0 || doc.contents) {
    try {
      value = converter.tooDeep ? undefined : doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const code = /alias/i.test(message) ? 'ALIAS_LIMIT' : 'INVALID';
      errors.push({
        code,
        message: code === 'ALIAS_LIMIT' ? 'Aliases expand beyond a safe size (an "alias bomb"); the document is not read.' : message,
        span: { start, end: start },
      });
      value = undefined;
    }
  }
  return { index, span: { start, end }, root, value, errors, warnings };
}

class Converter {
  private readonly anchors = new Map<string, YNode>();
  tooDeep: Span | undefined;

  node(node: YamlLibNode, depth: number): YNode {
    const [start, valueEnd] = node.range ?? [0, 0];
    const span = { start, end: valueEnd };
    if (depth > MAX_DEPTH) {
      this.tooDeep ??= span;
      return { kind: 'scalar', value: null, source: '', style: 'plain', span };
    }
    let out: YNode;
    if (yamlLib().isScalar(node)) {
      const s: YScalar = {
        kind: 'scalar',
        value: node.value,
        source: node.source ?? '',
        style: STYLES[node.type ?? 'PLAIN'] ?? 'plain',
        span,
      };
      out = s;
    } else if (yamlLib().isMap(node)) {
      const map: YMap = { kind: 'map', pairs: [], flow: Boolean(node.flow), span };
      for (const item of node.items) if (yamlLib().isPair(item)) map.pairs.push(this.pair(item, depth));
      out = map;
    } else if (yamlLib().isSeq(node)) {
      const seq: YSeq = { kind: 'seq', items: [], flow: Boolean(node.flow), span };
      for (const item of node.items) {
        if (item && typeof item === 'object' && 'range' in item) seq.items.push(this.node(item as YamlLibNode, depth + 1));
      }
      out = seq;
    } else if (yamlLib().isAlias(node)) {
      const target = this.anchors.get(node.source);
      out = { kind: 'alias', name: node.source, span, ...(target ? { target } : {}) };
    } else {
      out = { kind: 'scalar', value: null, source: '', style: 'plain', span };
    }
    if (node.anchor) {
      out.anchor = node.anchor;
      this.anchors.set(node.anchor, out);
    }
    if (node.tag) out.tag = node.tag;
    return out;
  }

  private pair(item: { key: unknown; value: unknown }, depth: number): YPair {
    const keyNode = item.key as YamlLibNode | null;
    const key: YNode =
      keyNode && typeof keyNode === 'object' && 'range' in keyNode
        ? this.node(keyNode, depth + 1)
        : { kind: 'scalar', value: keyNode, source: String(keyNode ?? ''), style: 'plain', span: { start: 0, end: 0 } };
    const merge = yamlLib().isScalar(keyNode) && (typeof keyNode.value === 'symbol' || keyNode.source === '<<') && key.kind === 'scalar' && key.source === '<<';
    const valueNode = item.value as YamlLibNode | null;
    const value = valueNode && typeof valueNode === 'object' && 'range' in valueNode ? this.node(valueNode, depth + 1) : null;
    const end = value && value.span.end > key.span.end ? value.span.end : key.span.end;
    return { key, keyText: keyText(key), value, span: { start: key.span.start, end }, merge };
  }
}

/** The parser marks a duplicate key by its first character; the finding should cover the whole key. */
function keySpanAt(root: YNode, at: Span): Span | undefined {
  const stack: YNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.span.start > at.start || node.span.end < at.start) continue;
    if (node.kind === 'map') {
      for (const pair of node.pairs) {
        if (pair.key.span.start === at.start) return pair.key.span;
        if (pair.value) stack.push(pair.value);
      }
    } else if (node.kind === 'seq') stack.push(...node.items);
  }
  return undefined;
}

function keyText(key: YNode): string {
  if (key.kind === 'scalar') return typeof key.value === 'symbol' ? '<<' : String(key.value ?? '');
  return key.kind === 'alias' ? `*${key.name}` : '';
}

interface CstToken {
  type?: string;
  offset?: number;
  source?: string;
  /** A list, except on flow collections (one token). */
  start?: CstToken[] | CstToken;
  end?: CstToken[];
  sep?: CstToken[];
  props?: CstToken[];
  value?: CstToken;
  key?: CstToken;
  items?: CstToken[];
}

/**
 * Comments from the CST, with offsets and whether code precedes them on their line.
 * Follows the CST's shape (comments live in start/sep/end/props token lists) rather
 * than visiting every property: this runs on every file.
 */
function collectComments(token: unknown, text: string, out: CommentToken[]): void {
  const list = (tokens: CstToken[] | CstToken | undefined): void => {
    if (Array.isArray(tokens)) for (const t of tokens) visit(t);
    else visit(tokens);
  };
  const visit = (t: CstToken | undefined): void => {
    if (!t) return;
    switch (t.type) {
      case 'comment': {
        const offset = t.offset!;
        const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        out.push({
          text: t.source!.replace(/^#/, '').trim(),
          span: { start: offset, end: offset + t.source!.length },
          trailing: text.slice(lineStart, offset).trim() !== '',
        });
        return;
      }
      case 'document':
      case 'doc-end':
      case 'flow-collection':
      case 'block-map':
      case 'block-seq':
        list(t.start);
        list(t.props);
        for (const item of t.items ?? []) {
          list(item.start);
          list(item.props);
          visit(item.key);
          list(item.sep);
          visit(item.value);
        }
        visit(t.value);
        list(t.end);
        return;
      default:
        list(t.props);
        list(t.end);
    }
  };
  visit(token as CstToken);
}

