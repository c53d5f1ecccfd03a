/**
 * The fast YAML reader. Kubernetes and Compose files are almost all written in a plain
 * subset of YAML (block maps and sequences, plain, quoted and block scalars, flow
 * collections, comments, anchors and merge keys). This reads that subset in one pass over
 * the characters, straight into YNodes, about as fast as js-yaml and several times faster
 * than the `yaml` package's CST parser.
 *
 * It gives exactly what the `yaml`-based reader (compose.ts) gives — the same nodes, the same
 * spans (including where trailing comments end a collection, as the `yaml` CST assigns
 * them), the same values and comments — or nothing: anything outside the subset, and every
 * error or warning (duplicate keys, bad indentation, tags, directives, tabs, CR line ends,
 * alias bombs, deep nesting), makes it give up, and the caller reads the file with the
 * `yaml` package. test/yaml/scan.test.ts checks the two readers agree on every YAML file
 * of the corpus and the fixtures.
 */
import type { CommentToken } from '../../core/parsed-file.js';
import type { Span } from '../../core/types.js';
import type { YAlias, YMap, YNode, YScalar, YSeq } from './nodes.js';
import { documentValue } from './plain-value.js';
import { blockScalarValue, doubleQuotedValue, FAIL, resolvePlain, singleQuotedValue, unfoldLines } from './scalars.js';

export interface ScannedDocument {
  span: Span;
  root: YNode;
  value: unknown;
}

export interface ScannedFile {
  documents: ScannedDocument[];
  comments: CommentToken[];
}

/** Thrown (one shared object, no stack) when the input leaves the subset. */
const GIVE_UP = { giveUp: true };

/** Characters the fast reader never handles (tabs, CR, other controls, BOM). */
const UNSUPPORTED_CHARS = /[\u0000-\u0009\u000b-\u001f\u007f\ufeff]/;

/** Nesting beyond this is left to the `yaml` reader, which reports it. */
const MAX_NESTING = 400;

const NL = 10;
const SP = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const QUESTION = 63;
const DQUOTE = 34;
const SQUOTE = 39;
const LBRACKET = 91;
const RBRACKET = 93;
const LBRACE = 123;
const RBRACE = 125;
const COMMA = 44;
const AMP = 38;
const STAR = 42;
const BANG = 33;
const PIPE = 124;
const GT = 62;
const PERCENT = 37;
const AT = 64;
const BACKTICK = 96;
const DOT = 46;

/** One blank or comment-only line: where it starts and ends (after its newline), and the column of its `#` (-1: blank). */
interface GapLine {
  end: number;
  comment: number;
}

const NO_GAP: GapLine[] = [];

const isFlowIndicator = (c: number): boolean => c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE;

export function scanYaml(text: string, version: '1.1' | '1.2'): ScannedFile | undefined {
  if (UNSUPPORTED_CHARS.test(text)) return undefined;
  try {
    return new Scanner(text, version).file();
  } catch (error) {
    if (error === GIVE_UP || error instanceof RangeError) return undefined;
    throw error;
  }
}

class Scanner {
  private readonly n: number;
  private pos = 0;
  private readonly comments: CommentToken[] = [];
  private anchors = new Map<string, YNode>();
  private depth = 0;

  // The content line after the last gap: where it starts, its indentation, its first character (-1: end of input).
  private line = 0;
  private ind = 0;
  private at = -1;

  // What the last node left behind (see Item in the design notes above each method).
  /** Where the node's trailing tokens end (the `yaml` CST range[2]). */
  private nodeEnd = 0;
  /** The node is a scalar, alias or flow collection: indented comments after it join its end. */
  private attachable = false;
  /** Blank and comment lines after the node that no collection has claimed. */
  private gap: GapLine[] = NO_GAP;

  constructor(
    private readonly t: string,
    private readonly version: '1.1' | '1.2',
  ) {
    this.n = t.length;
  }

  file(): ScannedFile {
    const documents: ScannedDocument[] = [];
    this.skipGap();
    while (this.at >= 0) {
      // `...` with no open document, and directives, are left to the `yaml` reader.
      if (this.ind === 0 && (this.marker(DOT) || this.t.charCodeAt(this.at) === PERCENT)) throw GIVE_UP;
      documents.push(this.document());
      this.anchors = new Map();
    }
    return { documents, comments: this.comments };
  }

  // ---- documents ------------------------------------------------------------------

  private document(): ScannedDocument {
    const t = this.t;
    let start: number;
    let root: YNode;
    let end: number;
    if (this.ind === 0 && this.marker(DASH)) {
      start = this.at;
      let p = this.at + 3;
      while (t.charCodeAt(p) === SP) p++;
      const emptyAt = p;
      let comment = false;
      if (p < this.n && t.charCodeAt(p) === HASH) {
        this.comment(p, true);
        comment = true;
        p = this.lineEnd(p);
      }
      if (p < this.n && t.charCodeAt(p) !== NL) throw GIVE_UP; // content on the `---` line
      const markerLineEnd = p < this.n ? p + 1 : p;
      this.pos = markerLineEnd;
      this.skipGap();
      if (this.at < 0 || (this.ind === 0 && (this.marker(DASH) || this.marker(DOT)))) {
        const gap = this.gap;
        if (gap.some((g) => g.comment >= 0)) comment = true;
        root = emptyScalar(emptyAt);
        end = comment ? (gap.length > 0 ? gap[gap.length - 1]!.end : markerLineEnd) : emptyAt;
        return this.documentEnd(start, root, end);
      }
    } else start = this.line;
    root = this.blockNodeAtLine(-1);
    if (this.at >= 0 && !(this.ind === 0 && (this.marker(DASH) || this.marker(DOT)))) throw GIVE_UP;
    const gap = this.gap;
    if (root.kind === 'map' || root.kind === 'seq') {
      if (root.flow) end = gap.length > 0 ? gap[0]!.end : this.nodeEnd;
      else end = gap.length > 0 ? gap[gap.length - 1]!.end : this.nodeEnd;
    } else throw GIVE_UP;
    return this.documentEnd(start, root, end);
  }

  /** Closes a document at `end`, or after a `...` line when one follows. */
  private documentEnd(start: number, root: YNode, end: number): ScannedDocument {
    if (this.at >= 0 && this.ind === 0 && this.marker(DOT)) {
      let p = this.at + 3;
      while (this.t.charCodeAt(p) === SP) p++;
      if (p < this.n && this.t.charCodeAt(p) === HASH) {
        this.comment(p, true);
        p = this.lineEnd(p);
      }
      if (p < this.n && this.t.charCodeAt(p) !== NL) throw GIVE_UP;
      end = p < this.n ? p + 1 : p;
      this.pos = end;
      this.skipGap();
    }
    const value = documentValue(root);
    if (value === FAIL) throw GIVE_UP;
    return { span: { start, end }, root, value };
  }

  // ---- lines ----------------------------------------------------------------------

  /** `---` or `...` (by its first character) at the current content line, which starts at column 0. */
  private marker(c: number): boolean {
    const t = this.t;
    const p = this.at;
    return t.charCodeAt(p) === c && t.charCodeAt(p + 1) === c && t.charCodeAt(p + 2) === c && (p + 3 >= this.n || t.charCodeAt(p + 3) === SP || t.charCodeAt(p + 3) === NL);
  }

  private lineEnd(p: number): number {
    const nl = this.t.indexOf('\n', p);
    return nl < 0 ? this.n : nl;
  }

  private isEmptyAt(p: number): boolean {
    if (p >= this.n) return true;
    const c = this.t.charCodeAt(p);
    return c === SP || c === NL;
  }

  /** From a line start: skips blank and comment-only lines into `gap`, then sets the content line (line, ind, at). */
  private skipGap(): void {
    const t = this.t;
    const n = this.n;
    let gap: GapLine[] = NO_GAP;
    let pos = this.pos;
    while (pos < n) {
      let p = pos;
      while (t.charCodeAt(p) === SP) p++;
      if (p >= n) {
        if (gap === NO_GAP) gap = [];
        gap.push({ end: n, comment: -1 });
        pos = n;
        break;
      }
      const c = t.charCodeAt(p);
      if (c === NL) {
        if (gap === NO_GAP) gap = [];
        gap.push({ end: p + 1, comment: -1 });
        pos = p + 1;
        continue;
      }
      if (c === HASH) {
        this.comment(p, false);
        const e = this.lineEnd(p);
        if (gap === NO_GAP) gap = [];
        gap.push({ end: e < n ? e + 1 : e, comment: p - pos });
        pos = e < n ? e + 1 : e;
        continue;
      }
      this.line = pos;
      this.ind = p - pos;
      this.at = p;
      this.pos = pos;
      this.gap = gap;
      return;
    }
    this.line = pos;
    this.ind = 0;
    this.at = -1;
    this.pos = pos;
    this.gap = gap;
  }

  private comment(p: number, trailing: boolean): void {
    const e = this.lineEnd(p);
    this.comments.push({ text: this.t.slice(p + 1, e).trim(), span: { start: p, end: e }, trailing });
  }

  /**
   * The rest of a line after a node that ends at `q`: spaces, a comment, the line break.
   * Sets nodeEnd and moves to the next content line.
   */
  private afterNode(q: number): void {
    const t = this.t;
    let k = q;
    while (t.charCodeAt(k) === SP) k++;
    if (k < this.n && t.charCodeAt(k) === HASH) {
      if (k === q) throw GIVE_UP; // a comment needs a space before it
      this.comment(k, true);
      k = this.lineEnd(k);
    }
    if (k < this.n && t.charCodeAt(k) !== NL) throw GIVE_UP;
    this.nodeEnd = k < this.n ? k + 1 : k;
    this.pos = this.nodeEnd;
    this.attachable = true;
    this.skipGap();
  }

  // ---- block nodes ----------------------------------------------------------------

  /** The node that starts the current content line (indented more than `parentIndent`, or a sequence at it). */
  private blockNodeAtLine(parentIndent: number): YNode {
    const t = this.t;
    const p = this.at;
    const c = t.charCodeAt(p);
    if (c === DASH && this.isEmptyAt(p + 1)) return this.blockSeq(this.ind, p);
    if ((c === QUESTION || c === COLON) && this.isEmptyAt(p + 1)) throw GIVE_UP;
    if (c === AMP || c === BANG || c === PIPE || c === GT) throw GIVE_UP;
    if (this.isKeyLine(p)) return this.blockMap(this.ind, p);
    return this.inline(parentIndent, p);
  }

  /** Whether the content at p is an implicit key followed by `:` on this line. */
  private isKeyLine(p: number): boolean {
    const t = this.t;
    const c = t.charCodeAt(p);
    if (c === DQUOTE || c === SQUOTE) {
      const q = this.closingQuoteOnLine(p);
      if (q < 0) return false;
      let k = q + 1;
      while (t.charCodeAt(k) === SP) k++;
      return t.charCodeAt(k) === COLON && this.isEmptyAt(k + 1);
    }
    if (c === LBRACKET || c === LBRACE || c === STAR || c === PIPE || c === GT) return false;
    for (let i = p; i < this.n; i++) {
      const ch = t.charCodeAt(i);
      if (ch === COLON) {
        if (this.isEmptyAt(i + 1)) return true;
      } else if (ch === NL) return false;
      else if (ch === SP && t.charCodeAt(i + 1) === HASH) return false;
    }
    return false;
  }

  private closingQuoteOnLine(p: number): number {
    const t = this.t;
    const quote = t.charCodeAt(p);
    for (let i = p + 1; i < this.n; i++) {
      const ch = t.charCodeAt(i);
      if (ch === NL) return -1;
      if (quote === DQUOTE) {
        if (ch === 92) i++;
        else if (ch === DQUOTE) return i;
      } else if (ch === SQUOTE) {
        if (t.charCodeAt(i + 1) === SQUOTE) i++;
        else return i;
      }
    }
    return -1;
  }

  private enter(): void {
    if (++this.depth > MAX_NESTING) throw GIVE_UP;
  }

  private blockMap(indent: number, first: number): YMap {
    this.enter();
    const t = this.t;
    const map: YMap = { kind: 'map', pairs: [], flow: false, span: { start: first, end: first } };
    const seen = new Map<unknown, true>();
    let p = first;
    for (;;) {
      const key = this.key(p);
      if (seen.has(key.value)) throw GIVE_UP; // DUPLICATE_KEY
      seen.set(key.value, true);
      const value = this.mapValue(indent, this.keyAfter);
      const merge = typeof key.value === 'symbol';
      const end = value.span.end > key.span.end ? value.span.end : key.span.end;
      map.pairs.push({ key, keyText: merge ? '<<' : String(key.value ?? ''), value, span: { start: key.span.start, end }, merge });
      if (this.at < 0 || this.ind < indent) break;
      if (this.ind > indent) throw GIVE_UP;
      if (indent === 0 && (this.marker(DASH) || this.marker(DOT))) break;
      p = this.at;
      const c = t.charCodeAt(p);
      if ((c === DASH || c === QUESTION || c === COLON) && this.isEmptyAt(p + 1)) throw GIVE_UP;
    }
    this.finish(map, indent);
    this.depth--;
    return map;
  }

  /** Where the last key's `:` ends. */
  private keyAfter = 0;

  private key(p: number): YScalar {
    const t = this.t;
    const c = t.charCodeAt(p);
    let node: YScalar;
    let k: number;
    if (c === DQUOTE || c === SQUOTE) {
      const q = this.closingQuoteOnLine(p);
      if (q < 0) throw GIVE_UP;
      const inner = t.slice(p + 1, q);
      const value = c === DQUOTE ? doubleQuotedValue(inner) : singleQuotedValue(inner);
      if (value === undefined) throw GIVE_UP;
      if (value === '<<') throw GIVE_UP; // a quoted merge key: the readers differ on what it is
      node = { kind: 'scalar', value, source: value, style: c === DQUOTE ? 'double' : 'single', span: { start: p, end: q + 1 } };
      k = q + 1;
      while (t.charCodeAt(k) === SP) k++;
      if (t.charCodeAt(k) !== COLON || !this.isEmptyAt(k + 1)) throw GIVE_UP;
    } else {
      if (!this.canStartPlain(c)) throw GIVE_UP;
      let last = p - 1;
      let i = p;
      for (; ; i++) {
        if (i >= this.n) throw GIVE_UP;
        const ch = t.charCodeAt(i);
        if (ch === COLON) {
          if (this.isEmptyAt(i + 1)) break;
          last = i;
        } else if (ch === SP) {
          if (t.charCodeAt(i + 1) === HASH) throw GIVE_UP;
        } else if (ch === NL) throw GIVE_UP;
        else last = i;
      }
      const source = t.slice(p, last + 1);
      const value = resolvePlain(source, this.version, true);
      if (value === FAIL) throw GIVE_UP;
      node = { kind: 'scalar', value, source, style: 'plain', span: { start: p, end: last + 1 } };
      k = i;
    }
    if (k - p > 1024) throw GIVE_UP; // KEY_OVER_1024_CHARS
    this.keyAfter = k + 1;
    return node;
  }

  private canStartPlain(c: number): boolean {
    switch (c) {
      case COMMA:
      case PERCENT:
      case AT:
      case BACKTICK:
      case BANG:
      case AMP:
      case STAR:
      case LBRACKET:
      case RBRACKET:
      case LBRACE:
      case RBRACE:
      case PIPE:
      case GT:
      case HASH:
      case DQUOTE:
      case SQUOTE:
        return false;
      default:
        return true;
    }
  }

  /** A map value, after the `:` of a key in a map indented at `indent`. */
  private mapValue(indent: number, after: number): YNode {
    const t = this.t;
    let k = after;
    while (t.charCodeAt(k) === SP) k++;
    const c = k < this.n ? t.charCodeAt(k) : NL;
    if (c === NL || c === HASH) return this.valueOnNextLines(indent, k, true, undefined);
    if (c === AMP) {
      const { name, next } = this.anchor(k);
      const d = next < this.n ? t.charCodeAt(next) : NL;
      const node = d === NL || d === HASH ? this.valueOnNextLines(indent, next, true, name) : this.inline(indent, next);
      return this.anchored(node, name);
    }
    if ((c === DASH || c === QUESTION || c === COLON) && this.isEmptyAt(k + 1)) throw GIVE_UP;
    return this.inline(indent, k);
  }

  /**
   * A value whose own line holds nothing more (after `key:`, `-` or an anchor): a node on
   * the lines below, or an empty value. `k` is where the line's content would start.
   */
  private valueOnNextLines(indent: number, k: number, inMap: boolean, anchor: string | undefined): YNode {
    const t = this.t;
    let comment = false;
    let p = k;
    if (p < this.n && t.charCodeAt(p) === HASH) {
      this.comment(p, true);
      comment = true;
      p = this.lineEnd(p);
    }
    const lineEnd = p < this.n ? p + 1 : p;
    this.pos = lineEnd;
    this.skipGap();
    if (this.at >= 0 && !(this.ind === 0 && (this.marker(DASH) || this.marker(DOT)))) {
      const c = t.charCodeAt(this.at);
      const seqHere = c === DASH && this.isEmptyAt(this.at + 1);
      if (this.ind > indent || (inMap && this.ind === indent && seqHere)) {
        if (anchor !== undefined && !(seqHere || this.isKeyLine(this.at))) throw GIVE_UP;
        return this.blockNodeAtLine(indent);
      }
    }
    if (anchor !== undefined) throw GIVE_UP; // an anchored empty value
    // An empty value keeps the lines after it; with a comment among them they end it.
    const gap = this.gap;
    if (!comment) comment = gap.some((g) => g.comment >= 0);
    this.nodeEnd = comment ? (this.at >= 0 ? this.at : this.n) : k;
    this.attachable = false;
    this.gap = NO_GAP;
    return emptyScalar(k);
  }

  private anchor(k: number): { name: string; next: number } {
    const t = this.t;
    let e = k + 1;
    while (e < this.n) {
      const ch = t.charCodeAt(e);
      if (ch === SP || ch === NL || isFlowIndicator(ch)) break;
      e++;
    }
    const name = t.slice(k + 1, e);
    if (name === '' || name.endsWith(':') || this.anchors.has(name)) throw GIVE_UP;
    if (e < this.n && t.charCodeAt(e) !== SP && t.charCodeAt(e) !== NL) throw GIVE_UP;
    let next = e;
    while (t.charCodeAt(next) === SP) next++;
    return { name, next };
  }

  private anchored<T extends YNode>(node: T, name: string): T {
    if (node.kind === 'alias' || this.anchors.has(name)) throw GIVE_UP;
    node.anchor = name;
    this.anchors.set(name, node);
    return node;
  }

  private blockSeq(indent: number, first: number): YSeq {
    this.enter();
    const t = this.t;
    const seq: YSeq = { kind: 'seq', items: [], flow: false, span: { start: first, end: first } };
    let p = first;
    for (;;) {
      seq.items.push(this.seqItem(indent, p + 1));
      if (this.at < 0 || this.ind < indent) break;
      if (indent === 0 && (this.marker(DASH) || this.marker(DOT))) break;
      if (this.ind > indent) throw GIVE_UP;
      p = this.at;
      if (t.charCodeAt(p) !== DASH || !this.isEmptyAt(p + 1)) break;
    }
    this.finish(seq, indent);
    this.depth--;
    return seq;
  }

  private seqItem(indent: number, after: number): YNode {
    const t = this.t;
    let k = after;
    while (t.charCodeAt(k) === SP) k++;
    const c = k < this.n ? t.charCodeAt(k) : NL;
    if (c === NL || c === HASH) return this.valueOnNextLines(indent, k, false, undefined);
    if (c === AMP) {
      const { name, next } = this.anchor(k);
      const d = next < this.n ? t.charCodeAt(next) : NL;
      if (d === NL || d === HASH) return this.anchored(this.valueOnNextLines(indent, next, false, name), name);
      if ((d === DASH && this.isEmptyAt(next + 1)) || this.isKeyLine(next)) throw GIVE_UP;
      return this.anchored(this.inline(indent, next), name);
    }
    const column = k - this.lineStartOf(k);
    if (c === DASH && this.isEmptyAt(k + 1)) return this.blockSeq(column, k);
    if ((c === QUESTION || c === COLON) && this.isEmptyAt(k + 1)) throw GIVE_UP;
    if (this.isKeyLine(k)) return this.blockMap(column, k);
    return this.inline(indent, k);
  }

  private lineStartOf(p: number): number {
    return this.t.lastIndexOf('\n', p - 1) + 1;
  }

  /**
   * Ends a block collection indented at `indent` after its last item: indented comments
   * join a last scalar's end, and trailing comment lines at or beyond the collection's
   * indentation stay with it (as the `yaml` CST keeps them), which sets its range end.
   */
  private finish(node: YMap | YSeq, indent: number): void {
    let valueEnd = this.nodeEnd;
    let gap = this.gap;
    if (this.attachable && gap.length > 0) {
      let attached = -1;
      for (let j = 0; j < gap.length; j++) {
        const g = gap[j]!;
        if (g.comment < 0) continue;
        if (g.comment > indent) attached = j;
        else break;
      }
      if (attached >= 0) {
        valueEnd = gap[attached]!.end;
        gap = gap.slice(attached + 1);
      }
    }
    node.span.end = valueEnd;
    this.nodeEnd = valueEnd;
    if (gap.length > 0 && indent !== 0 && gap.some((g) => g.comment >= indent)) {
      // They stay with it up to the next content, its indentation included.
      this.nodeEnd = this.at >= 0 ? this.at : this.n;
      gap = NO_GAP;
    }
    this.gap = gap;
    this.attachable = false;
  }

  // ---- scalars, aliases and flow collections on a line --------------------------------

  /** A node starting at p inside a block collection indented at `parentIndent`. */
  private inline(parentIndent: number, p: number): YNode {
    const t = this.t;
    const c = t.charCodeAt(p);
    switch (c) {
      case PIPE:
      case GT:
        return this.blockScalar(parentIndent, p);
      case DQUOTE:
      case SQUOTE: {
        const node = this.quoted(parentIndent, p);
        this.afterNode(node.span.end);
        return node;
      }
      case LBRACKET:
      case LBRACE: {
        const node = this.flowCollection(parentIndent, p, 1);
        this.afterNode(node.span.end);
        return node;
      }
      case STAR: {
        const node = this.alias(p);
        this.afterNode(node.span.end);
        return node;
      }
      default:
        if (!this.canStartPlain(c)) throw GIVE_UP;
        if ((c === DASH || c === QUESTION || c === COLON) && this.isEmptyAt(p + 1)) throw GIVE_UP;
        return this.plain(parentIndent, p);
    }
  }

  private alias(p: number): YAlias {
    const t = this.t;
    let e = p + 1;
    while (e < this.n) {
      const ch = t.charCodeAt(e);
      if (ch === SP || ch === NL || isFlowIndicator(ch)) break;
      e++;
    }
    const name = t.slice(p + 1, e);
    const target = this.anchors.get(name);
    if (name === '' || name.endsWith(':') || !target) throw GIVE_UP;
    return { kind: 'alias', name, span: { start: p, end: e }, target };
  }

  /** A plain scalar in block context, perhaps over several lines. */
  private plain(parentIndent: number, p: number): YScalar {
    const t = this.t;
    const n = this.n;
    let last = p - 1;
    let i = p;
    let multiline = false;
    for (;;) {
      // One line of the scalar.
      let comment = false;
      for (; i < n; i++) {
        const ch = t.charCodeAt(i);
        if (ch === NL) break;
        if (ch === COLON) {
          if (this.isEmptyAt(i + 1)) throw GIVE_UP; // a mapping where a value belongs
          last = i;
        } else if (ch === SP) {
          if (t.charCodeAt(i + 1) === HASH) {
            comment = true;
            break;
          }
        } else last = i;
      }
      if (comment || i >= n) break;
      // A continuation needs a line indented more than the parent (blank lines may come between).
      let j = i + 1;
      let next = -1;
      while (j < n) {
        let q = j;
        while (t.charCodeAt(q) === SP) q++;
        if (q >= n) break;
        const ch = t.charCodeAt(q);
        if (ch === NL) {
          j = q + 1;
          continue;
        }
        if (ch !== HASH && q - j > parentIndent && !(parentIndent < 0 && q === j && this.markerAt(q))) next = q;
        break;
      }
      if (next < 0) break;
      multiline = true;
      i = next;
    }
    const end = last + 1;
    const raw = t.slice(p, end);
    const source = multiline ? unfoldLines(raw) : raw;
    const value = resolvePlain(source, this.version, false);
    if (value === FAIL) throw GIVE_UP;
    const node: YScalar = { kind: 'scalar', value, source, style: 'plain', span: { start: p, end } };
    this.afterNode(end);
    return node;
  }

  private markerAt(q: number): boolean {
    const t = this.t;
    const c = t.charCodeAt(q);
    return (c === DASH || c === DOT) && t.charCodeAt(q + 1) === c && t.charCodeAt(q + 2) === c && this.isEmptyAt(q + 3);
  }

  /** A quoted scalar; its continuation lines must be indented more than the parent. */
  private quoted(parentIndent: number, p: number): YScalar {
    const t = this.t;
    const n = this.n;
    const quote = t.charCodeAt(p);
    let i = p + 1;
    let multiline = false;
    for (;;) {
      if (i >= n) throw GIVE_UP;
      const ch = t.charCodeAt(i);
      if (quote === DQUOTE) {
        if (ch === 92) {
          i += 2;
          continue;
        }
        if (ch === DQUOTE) break;
      } else if (ch === SQUOTE) {
        if (t.charCodeAt(i + 1) === SQUOTE) {
          i += 2;
          continue;
        }
        break;
      }
      if (ch === NL) {
        multiline = true;
        let q = i + 1;
        while (t.charCodeAt(q) === SP) q++;
        if (q < n && t.charCodeAt(q) !== NL && (q - (i + 1) <= parentIndent || (parentIndent < 0 && q === i + 1 && this.markerAt(q)))) throw GIVE_UP;
      }
      i++;
    }
    const inner = t.slice(p + 1, i);
    const value = quote === DQUOTE ? doubleQuotedValue(inner) : multiline || inner.includes("''") ? singleQuotedValue(inner) : inner;
    if (value === undefined) throw GIVE_UP;
    return { kind: 'scalar', value, source: value, style: quote === DQUOTE ? 'double' : 'single', span: { start: p, end: i + 1 } };
  }

  private blockScalar(parentIndent: number, h: number): YScalar {
    const t = this.t;
    const n = this.n;
    if (h === this.lineStartOf(h) + this.indentOfLineAt(h)) throw GIVE_UP; // a header on a line of its own
    const literal = t.charCodeAt(h) === PIPE;
    let k = h + 1;
    let chomp: '' | '-' | '+' = '';
    let explicit = 0;
    for (let c = t.charCodeAt(k); ; c = t.charCodeAt(++k)) {
      if ((c === DASH || c === 43) && chomp === '') chomp = c === DASH ? '-' : '+';
      else if (c >= 49 && c <= 57 && explicit === 0) explicit = c - 48;
      else break;
    }
    if (k < n && t.charCodeAt(k) !== SP && t.charCodeAt(k) !== NL) throw GIVE_UP; // junk in the header
    while (t.charCodeAt(k) === SP) k++;
    if (k < n && t.charCodeAt(k) === HASH) {
      if (t.charCodeAt(k - 1) !== SP) throw GIVE_UP;
      this.comment(k, true);
      k = this.lineEnd(k);
    }
    if (k >= n || t.charCodeAt(k) !== NL) throw GIVE_UP;
    const contentStart = k + 1;
    // The indentation of the first line with content.
    let i = contentStart;
    let indent = 0;
    for (; i < n; i++) {
      const ch = t.charCodeAt(i);
      if (ch === SP) indent++;
      else if (ch === NL) indent = 0;
      else break;
    }
    if (i >= n || indent <= parentIndent) throw GIVE_UP; // empty block scalars are left to the `yaml` reader
    // An indentation indicator counts from the parent's indentation.
    const least = explicit > 0 ? parentIndent + explicit : indent;
    if (indent < least) throw GIVE_UP;
    // Lines that are blank or indented at least as much belong to it.
    let nl = t.indexOf('\n', i);
    while (nl >= 0) {
      let q = nl + 1;
      while (t.charCodeAt(q) === SP) q++;
      if (q >= n) {
        if (q - (nl + 1) >= least) nl = -1;
        break;
      }
      if (t.charCodeAt(q) !== NL && q - (nl + 1) < least) break;
      nl = t.indexOf('\n', q);
    }
    if (nl < 0) nl = n;
    if (chomp !== '+') {
      // Trailing lines that are blank (not more indented) are not part of it.
      for (;;) {
        let j = nl - 1;
        const lastChar = j;
        while (t.charCodeAt(j) === SP) j--;
        if (j >= contentStart && t.charCodeAt(j) === NL && j + 1 + indent > lastChar) nl = j;
        else break;
      }
    }
    const end = Math.min(nl + 1, n);
    const value = blockScalarValue(t.slice(contentStart, end), literal, chomp, parentIndent, explicit);
    if (value === undefined) throw GIVE_UP;
    this.nodeEnd = end;
    this.attachable = false;
    this.pos = end;
    this.skipGap();
    return { kind: 'scalar', value, source: value, style: literal ? 'literal' : 'folded', span: { start: h, end } };
  }

  private indentOfLineAt(p: number): number {
    const start = this.lineStartOf(p);
    let q = start;
    while (this.t.charCodeAt(q) === SP) q++;
    return q - start;
  }

  // ---- flow collections -------------------------------------------------------------

  /** `[…]` or `{…}` from p; continuation lines indented more than the parent. Returns with the span set. */
  private flowCollection(parentIndent: number, p: number, level: number): YMap | YSeq {
    this.enter();
    const t = this.t;
    const isMap = t.charCodeAt(p) === LBRACE;
    const close = isMap ? RBRACE : RBRACKET;
    const map: YMap | undefined = isMap ? { kind: 'map', pairs: [], flow: true, span: { start: p, end: p } } : undefined;
    const seq: YSeq | undefined = isMap ? undefined : { kind: 'seq', items: [], flow: true, span: { start: p, end: p } };
    const seen = isMap ? new Map<unknown, true>() : undefined;
    let i = this.flowSpace(p + 1, parentIndent, level);
    if (t.charCodeAt(i) === close) {
      i++;
    } else {
      for (;;) {
        if (map) {
          const key = this.flowScalar(i, true, parentIndent, level);
          if (key.kind !== 'scalar' || typeof key.value === 'symbol') throw GIVE_UP;
          if (seen!.has(key.value)) throw GIVE_UP;
          seen!.set(key.value, true);
          let k = key.span.end;
          while (t.charCodeAt(k) === SP) k++;
          if (t.charCodeAt(k) !== COLON) throw GIVE_UP; // `{a, b}` or a key on its own line
          if (key.style === 'plain' && !this.isEmptyAt(k + 1) && !isFlowIndicator(t.charCodeAt(k + 1))) throw GIVE_UP;
          k = this.flowSpace(k + 1, parentIndent, level);
          const vc = t.charCodeAt(k);
          if (vc === COMMA || vc === close) throw GIVE_UP; // an empty value
          const value = this.flowNode(k, parentIndent, level);
          map.pairs.push({ key, keyText: String(key.value ?? ''), value, span: { start: key.span.start, end: value.span.end }, merge: false });
          i = value.span.end;
        } else {
          const item = this.flowNode(i, parentIndent, level);
          seq!.items.push(item);
          i = item.span.end;
          let k = i;
          while (t.charCodeAt(k) === SP) k++;
          if (t.charCodeAt(k) === COLON) throw GIVE_UP; // a pair inside a flow sequence
        }
        i = this.flowSpace(i, parentIndent, level);
        const ch = t.charCodeAt(i);
        if (ch === close) {
          i++;
          break;
        }
        if (ch !== COMMA) throw GIVE_UP;
        i = this.flowSpace(i + 1, parentIndent, level);
        if (t.charCodeAt(i) === close) {
          i++;
          break;
        }
        if (t.charCodeAt(i) === COMMA) throw GIVE_UP;
      }
    }
    const node = (map ?? seq)!;
    node.span.end = i;
    this.depth--;
    return node;
  }

  private flowNode(i: number, parentIndent: number, level: number): YNode {
    const c = this.t.charCodeAt(i);
    if (c === LBRACKET || c === LBRACE) return this.flowCollection(parentIndent, i, level + 1);
    return this.flowScalar(i, false, parentIndent, level);
  }

  private flowScalar(i: number, atKey: boolean, parentIndent: number, level: number): YScalar | YAlias {
    const t = this.t;
    const c = t.charCodeAt(i);
    if (c === DQUOTE || c === SQUOTE) return this.quoted(parentIndent, i);
    if (c === STAR) return this.alias(i);
    if (!this.canStartPlain(c) || c === COLON || ((c === DASH || c === QUESTION) && this.isEmptyAt(i + 1))) throw GIVE_UP;
    let last = i - 1;
    let k = i;
    for (; k < this.n; k++) {
      const ch = t.charCodeAt(k);
      if (ch === COLON) {
        const next = t.charCodeAt(k + 1);
        if (this.isEmptyAt(k + 1) || isFlowIndicator(next)) break;
        last = k;
      } else if (ch === SP) {
        if (t.charCodeAt(k + 1) === HASH) break;
      } else if (ch === NL) {
        // The scalar ends at the line break when what follows ends it anyway (`,`, `]`, a comment);
        // a plain scalar that goes on over several lines in a flow collection is left to the `yaml` reader.
        let q = k + 1;
        while (q < this.n && (t.charCodeAt(q) === SP || t.charCodeAt(q) === NL)) q++;
        const next = t.charCodeAt(q);
        if (q >= this.n || isFlowIndicator(next) || next === HASH || (next === COLON && (this.isEmptyAt(q + 1) || isFlowIndicator(t.charCodeAt(q + 1))))) break;
        throw GIVE_UP;
      } else if (isFlowIndicator(ch)) break;
      else last = k;
    }
    void level;
    const source = t.slice(i, last + 1);
    const value = resolvePlain(source, this.version, atKey);
    if (value === FAIL) throw GIVE_UP;
    return { kind: 'scalar', value, source, style: 'plain', span: { start: i, end: last + 1 } };
  }

  /** Spaces, line breaks and comments inside a flow collection; checks the indentation of new lines. */
  private flowSpace(i: number, parentIndent: number, level: number): number {
    const t = this.t;
    const n = this.n;
    for (;;) {
      if (i >= n) throw GIVE_UP;
      const ch = t.charCodeAt(i);
      if (ch === SP) {
        i++;
      } else if (ch === NL) {
        let q = i + 1;
        while (t.charCodeAt(q) === SP) q++;
        if (q >= n) throw GIVE_UP;
        const first = t.charCodeAt(q);
        const indent = q - (i + 1);
        if (first !== NL && first !== HASH) {
          if (indent === 0 && this.markerAt(q)) throw GIVE_UP;
          const closesOutermost = level === 1 && indent === parentIndent && (first === RBRACKET || first === RBRACE);
          if (indent <= parentIndent && !closesOutermost) throw GIVE_UP;
        }
        i = q;
      } else if (ch === HASH) {
        const prev = t.charCodeAt(i - 1);
        if (prev !== SP && prev !== NL) throw GIVE_UP;
        this.comment(i, t.slice(this.lineStartOf(i), i).trim() !== '');
        i = this.lineEnd(i);
      } else return i;
    }
  }
}

function emptyScalar(at: number): YScalar {
  return { kind: 'scalar', value: null, source: '', style: 'plain', span: { start: at, end: at } };
}

