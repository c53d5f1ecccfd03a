/** Moves every span of a read YAML result through an offset mapping, each span object once. */
import type { Span } from '../../core/types.js';
import type { YNode } from './nodes.js';
import type { YamlDocument } from './parse.js';

export class SpanRemapper {
  private readonly seen = new WeakSet<Span>();

  constructor(private readonly map: (offset: number) => number) {}

  span(span: Span): void {
    if (this.seen.has(span)) return;
    this.seen.add(span);
    span.start = this.map(span.start);
    span.end = this.map(span.end);
  }

  document(doc: YamlDocument): void {
    this.span(doc.span);
    for (const p of [...doc.errors, ...doc.warnings]) {
      this.span(p.span);
      for (const edit of p.edits ?? []) this.span(edit.span);
    }
    if (doc.root) this.node(doc.root);
  }

  private node(root: YNode): void {
    const stack: YNode[] = [root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (this.seen.has(node.span)) continue; // an anchored node reached again
      this.span(node.span);
      if (node.kind === 'map') {
        for (const pair of node.pairs) {
          this.span(pair.span);
          stack.push(pair.key);
          if (pair.value) stack.push(pair.value);
        }
      } else if (node.kind === 'seq') stack.push(...node.items);
    }
  }
}
