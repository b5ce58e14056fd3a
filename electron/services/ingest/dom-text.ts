// DOM → plain text for HTML, Markdown and DOCX (all three end up as a DOM): paragraphs separated by a
// blank line, "- item" / "1. item" list lines, table rows as "a | b", and nothing from scripts or styles.
// Each block keeps what the markup says it is (heading, list item, quote, caption, table, note).
import type { BlockKind, DocBlock, TextSpan } from '../../../shared/types/blocks.ts';

/** The slice of the DOM this walker relies on; linkedom provides it without the DOM lib types. */
export interface DomNode {
  nodeType: number;
  nodeValue: string | null;
  localName?: string;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
  textContent: string | null;
  getAttribute?(name: string): string | null;
  hasAttribute?(name: string): boolean;
}

export interface DomTextOptions {
  /** Replaces the "- " / "1." marker of a list item, e.g. "[1]" for a footnote. */
  listMarker?(item: DomNode): string | null;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Never text for a reader: code, styling, embedded content, form controls and document head. */
const SKIP = new Set([
  'script', 'style', 'noscript', 'iframe', 'frame', 'frameset', 'template', 'svg', 'math', 'canvas', 'object',
  'embed', 'applet', 'audio', 'video', 'source', 'track', 'picture', 'img', 'map', 'select', 'option', 'optgroup',
  'datalist', 'textarea', 'input', 'button', 'head', 'title', 'meta', 'link', 'base', 'param', 'dialog',
]);

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'html', 'legend',
  'li', 'main', 'nav', 'p', 'section', 'summary', 'caption', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'colgroup',
]);

const LISTS = new Set(['ul', 'ol', 'menu', 'dir']);
const ROW = new Set(['tr']);
const CELL = new Set(['td', 'th']);
const CAPTION = new Set(['caption']);

const WHITESPACE = /\s+/g;

// Note reference marks travel through the walker between these private-use characters, so their
// offsets can be taken once the text is final.
const REF_OPEN = '\ue000';
const REF_CLOSE = '\ue001';
const REF_SPAN = /\ue000([^\ue000\ue001]*)\ue001/g;
// A bracketed mark: "[12]", "[a]", "[note 3]", "[citation needed]".
const BRACKETED_MARK = /^\[[^[\]]{1,40}\]$/;
// A bare note mark, which only counts as one when it links within the page (else it may be an exponent).
const BARE_MARK = /^(?:\d{1,3}|[a-z]{1,2}|[*†‡§])$/i;

function linksWithinPage(el: DomNode): boolean {
  if (el.localName === 'a' && (el.getAttribute?.('href') ?? '').startsWith('#')) return true;
  for (const child of elementChildren(el)) if (linksWithinPage(child)) return true;
  return false;
}

function hasLink(el: DomNode): boolean {
  if (el.localName === 'a') return true;
  for (const child of elementChildren(el)) if (hasLink(child)) return true;
  return false;
}

/** Text of an element without what its links say. */
function textOutsideLinks(el: DomNode): string {
  if (el.nodeType === TEXT_NODE) return el.nodeValue ?? '';
  if (el.localName === 'a') return '';
  let text = '';
  for (const child of children(el)) text += textOutsideLinks(child);
  return text;
}

/**
 * A note reference: a superscript holding a bracketed mark, or an in-page link holding one (as word
 * processors and wikis write them), or a superscript number that links to its note within the page.
 */
function noteReference(el: DomNode): string | null {
  const name = el.localName ?? '';
  if (name !== 'sup' && name !== 'a') return null;
  const text = (el.textContent ?? '').replace(WHITESPACE, ' ').trim();
  if (BRACKETED_MARK.test(text) && (name === 'sup' || linksWithinPage(el))) return text;
  if (BARE_MARK.test(text) && name === 'sup' && linksWithinPage(el)) return text;
  return null;
}

/**
 * The notes a page's marks point to: in-page link target id → the mark's text, from links that are
 * note references ("[1]", or a bare number set as a superscript). A list item with such an id is a note.
 */
function noteTargets(root: DomNode): Map<string, string> {
  const targets = new Map<string, string>();
  const stack: Array<[DomNode, boolean]> = [[root, false]];
  while (stack.length) {
    const [node, inSup] = stack.pop()!;
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== ELEMENT_NODE) continue;
      const name = child.localName ?? '';
      const href = name === 'a' ? (child.getAttribute?.('href') ?? '') : '';
      if (href.length > 1 && href.startsWith('#')) {
        const text = (child.textContent ?? '').replace(WHITESPACE, ' ').trim();
        if (BRACKETED_MARK.test(text) || (inSup && BARE_MARK.test(text))) {
          const id = decodeURIComponent(href.slice(1));
          if (!targets.has(id)) targets.set(id, text);
        }
      }
      stack.push([child, inSup || name === 'sup']);
    }
  }
  return targets;
}

/** Page controls set in a heading, such as a bracketed "edit" link: only links, brackets and bars. */
function isHeadingControl(el: DomNode): boolean {
  const text = (el.textContent ?? '').replace(WHITESPACE, ' ').trim();
  return BRACKETED_MARK.test(text) && hasLink(el) && /^[\s[\]|·•]*$/.test(textOutsideLinks(el));
}

function isHidden(el: DomNode): boolean {
  if (el.hasAttribute?.('hidden')) return true;
  const style = el.getAttribute?.('style');
  return !!style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

function* children(node: DomNode): Generator<DomNode> {
  for (let child = node.firstChild; child; child = child.nextSibling) yield child;
}

function* elementChildren(node: DomNode, names?: Set<string>): Generator<DomNode> {
  for (const child of children(node)) {
    if (child.nodeType === ELEMENT_NODE && (!names || names.has(child.localName ?? ''))) yield child;
  }
}

/** What an emitted block is; list blocks hold one item per line, tables one row per line. */
interface BlockInfo {
  kind: BlockKind;
  level?: number;
  /** Footnote items of a list: their markers, by line. */
  markers?: Array<string | null>;
}

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const CONTEXT: Record<string, BlockKind> = { blockquote: 'quote', figcaption: 'caption', caption: 'caption' };

/** Accumulates inline text and emits finished blocks; '\n' in the inline buffer marks a <br>. */
class Blocks {
  list: string[] = [];
  readonly info: BlockInfo[] = [];
  /** The kind given to paragraphs flushed now (inside a heading, a quote, a caption). */
  context: BlockInfo = { kind: 'paragraph' };
  private inline = '';

  text(data: string): void {
    this.inline += data.replace(WHITESPACE, ' ');
  }

  lineBreak(): void {
    this.inline += '\n';
  }

  flush(): void {
    if (!this.inline) return;
    const lines = this.inline.split('\n').map((line) => line.replace(WHITESPACE, ' ').trim());
    this.inline = '';
    // <br><br> is how older pages separate paragraphs: an empty line starts a new block.
    let paragraph: string[] = [];
    for (const line of lines) {
      if (line) paragraph.push(line);
      else if (paragraph.length) {
        this.push(paragraph.join('\n'), this.context);
        paragraph = [];
      }
    }
    if (paragraph.length) this.push(paragraph.join('\n'), this.context);
  }

  private push(text: string, info: BlockInfo): void {
    this.list.push(text);
    this.info.push(info);
  }

  block(text: string, info: BlockInfo = this.context): void {
    this.flush();
    if (text) this.push(text, info);
  }
}

/** Beyond this nesting depth (only seen in broken or hostile markup) text is gathered without recursion. */
const MAX_DEPTH = 1000;

/** Text of a subtree as inline text, iteratively, still skipping everything in SKIP. */
function flatText(root: DomNode, out: Blocks): void {
  const stack: DomNode[] = [];
  for (let child = root.firstChild; child; child = child.nextSibling) stack.push(child);
  stack.reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeType === TEXT_NODE) out.text(node.nodeValue ?? '');
    else if (node.nodeType === ELEMENT_NODE && !SKIP.has(node.localName ?? '') && !isHidden(node)) {
      const kids: DomNode[] = [];
      for (let child = node.firstChild; child; child = child.nextSibling) kids.push(child);
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
      if (BLOCK.has(node.localName ?? '')) out.text(' ');
    }
  }
}

class Walker {
  private depth = 0;

  constructor(
    private readonly options: DomTextOptions,
    private readonly notes: ReadonlyMap<string, string> = new Map(),
  ) {}

  walk(node: DomNode, out: Blocks, nestedLists?: DomNode[]): void {
    if (this.depth >= MAX_DEPTH) {
      flatText(node, out);
      return;
    }
    this.depth++;
    try {
      this.walkChildren(node, out, nestedLists);
    } finally {
      this.depth--;
    }
  }

  private walkChildren(node: DomNode, out: Blocks, nestedLists?: DomNode[]): void {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        out.text(child.nodeValue ?? '');
        continue;
      }
      if (child.nodeType !== ELEMENT_NODE) continue; // comments, processing instructions
      const name = child.localName ?? '';
      if (SKIP.has(name) || isHidden(child)) continue;
      if (out.context.kind === 'heading' && isHeadingControl(child)) continue;
      const mark = noteReference(child);
      if (mark) out.text(`${REF_OPEN}${mark}${REF_CLOSE}`);
      else if (name === 'br') out.lineBreak();
      else if (name === 'hr') out.flush();
      else if (name === 'pre') out.block(this.preformatted(child));
      else if (LISTS.has(name)) {
        if (nestedLists) nestedLists.push(child);
        else {
          const markers: Array<string | null> = [];
          out.block(this.list(child, 0, markers).join('\n'), { kind: 'list-item', markers });
        }
      } else if (name === 'table') this.table(child, out);
      else if (BLOCK.has(name)) {
        out.flush();
        const outer = out.context;
        if (HEADINGS.has(name)) out.context = { kind: 'heading', level: Number(name.slice(1)) };
        else if (CONTEXT[name]) out.context = { kind: CONTEXT[name] };
        this.walk(child, out, nestedLists);
        out.flush();
        out.context = outer;
      } else this.walk(child, out, nestedLists);
    }
  }

  private preformatted(el: DomNode): string {
    // Keep the author's line breaks and indentation; only drop blank lines at the edges.
    return (el.textContent ?? '').replace(/\r\n?/g, '\n').replace(/^\s*\n/, '').replace(/\s+$/, '');
  }

  /** One element's content on a single line; lists inside it are handed back rather than flattened. */
  private inlineText(el: DomNode, nestedLists?: DomNode[]): string {
    const out = new Blocks();
    this.walk(el, out, nestedLists);
    out.flush();
    return out.list.join(' ').replace(WHITESPACE, ' ').trim();
  }

  /** A cell stays on one line, so a list inside it becomes "a; b; c". */
  private cellText(cell: DomNode): string {
    const nested: DomNode[] = [];
    const content = this.inlineText(cell, nested);
    const items = nested.flatMap((list) => this.flatItems(list));
    return [content, items.join('; ')].filter(Boolean).join(' ');
  }

  private flatItems(listEl: DomNode): string[] {
    const items: string[] = [];
    for (const item of elementChildren(listEl)) {
      const nested: DomNode[] = [];
      const content = LISTS.has(item.localName ?? '') ? '' : this.inlineText(item, nested);
      if (LISTS.has(item.localName ?? '')) nested.push(item);
      if (content) items.push(content);
      for (const sub of nested) items.push(...this.flatItems(sub));
    }
    return items;
  }

  private list(listEl: DomNode, depth: number, markers: Array<string | null> = []): string[] {
    const ordered = listEl.localName === 'ol';
    const start = Number.parseInt(listEl.getAttribute?.('start') ?? '', 10);
    let number = Number.isFinite(start) ? start : 1;
    const indent = '  '.repeat(depth);
    const lines: string[] = [];
    for (const item of children(listEl)) {
      if (item.nodeType !== ELEMENT_NODE) continue;
      const name = item.localName ?? '';
      if (SKIP.has(name) || isHidden(item)) continue;
      // Pages often nest a list directly in a list instead of inside an item.
      if (LISTS.has(name)) {
        lines.push(...this.list(item, depth + 1, markers));
        continue;
      }
      const value = Number.parseInt(item.getAttribute?.('value') ?? '', 10);
      if (name === 'li' && Number.isFinite(value)) number = value;
      const nested: DomNode[] = [];
      const content = this.inlineText(item, nested);
      const noteMarker = this.options.listMarker?.(item) ?? this.notes.get(item.getAttribute?.('id') ?? '') ?? null;
      const marker = noteMarker ?? (ordered ? `${number}.` : '-');
      if (name === 'li') number++;
      if (content) {
        lines.push(`${indent}${marker} ${content}`);
        markers.push(noteMarker);
      }
      for (const sub of nested) lines.push(...this.list(sub, depth + 1, markers));
    }
    return lines;
  }

  private rows(table: DomNode): DomNode[] {
    const rows: DomNode[] = [];
    for (const child of elementChildren(table)) {
      if (child.localName === 'tr') rows.push(child);
      else if (child.localName === 'thead' || child.localName === 'tbody' || child.localName === 'tfoot') {
        rows.push(...elementChildren(child, ROW));
      }
    }
    return rows;
  }

  private table(table: DomNode, out: Blocks): void {
    out.flush();
    const rows = this.rows(table);
    const cellsOf = (row: DomNode) => [...elementChildren(row, CELL)];
    // Tables used for page layout (a table in a cell) hold paragraphs, not data rows.
    const layout = rows.some((row) => cellsOf(row).some((cell) => this.containsTable(cell)));
    if (layout) {
      this.walk(table, out);
      out.flush();
      return;
    }
    for (const caption of elementChildren(table, CAPTION)) out.block(this.inlineText(caption), { kind: 'caption' });
    const lines: string[] = [];
    for (const row of rows) {
      if (isHidden(row)) continue;
      // Empty cells are dropped: without column alignment they would only leave stray separators.
      const cells = cellsOf(row).map((cell) => this.cellText(cell)).filter(Boolean);
      if (cells.length) lines.push(cells.join(' | '));
    }
    out.block(lines.join('\n'), { kind: 'table' });
  }

  private containsTable(node: DomNode): boolean {
    for (const child of elementChildren(node)) {
      if (child.localName === 'table' || this.containsTable(child)) return true;
    }
    return false;
  }
}

/** Plain text of a DOM subtree: blocks joined by a blank line, whitespace collapsed inside them. */
export function domToText(root: DomNode, options: DomTextOptions = {}): string {
  return domToDocument(root, options).text;
}

/** The text of a DOM subtree with its blocks: one per paragraph, heading, quote or caption, list item and table. */
export function domToDocument(root: DomNode, options: DomTextOptions = {}): { text: string; blocks: DocBlock[] } {
  const out = new Blocks();
  new Walker(options, noteTargets(root)).walk(root, out);
  out.flush();
  const blocks: DocBlock[] = [];
  // Note marks come out of their brackets here, once no more whitespace is collapsed or trimmed.
  const refs: TextSpan[] = [];
  let at = 0;
  out.list = out.list.map((marked, index) => {
    if (index > 0) at += 2;
    let text = '';
    let last = 0;
    for (const match of marked.matchAll(REF_SPAN)) {
      text += marked.slice(last, match.index);
      refs.push({ start: at + text.length, end: at + text.length + match[1].length });
      text += match[1];
      last = match.index + match[0].length;
    }
    text += marked.slice(last).replace(/[\ue000\ue001]/g, '');
    at += text.length;
    return text;
  });
  at = 0;
  out.list.forEach((text, index) => {
    if (index > 0) at += 2;
    const info = out.info[index];
    if (info.kind === 'list-item' || info.kind === 'table') {
      let lineStart = at;
      text.split('\n').forEach((line, lineIndex) => {
        const span = { start: lineStart, end: lineStart + line.length };
        if (info.kind === 'table') {
          blocks.push({ kind: 'table', ...span, rows: [cellsOf(line, lineStart)] });
        } else {
          const marker = info.markers?.[lineIndex];
          blocks.push(marker ? { kind: 'footnote', ...span, marker } : { kind: 'list-item', ...span });
        }
        lineStart += line.length + 1;
      });
    } else {
      const block: DocBlock = { kind: info.kind, start: at, end: at + text.length };
      if (info.level) block.level = info.level;
      blocks.push(block);
    }
    at += text.length;
  });
  return { text: out.list.join('\n\n'), blocks: withRefs(mergeTableRows(blocks), refs) };
}

/** Gives each block the note marks inside it. */
function withRefs(blocks: DocBlock[], refs: TextSpan[]): DocBlock[] {
  let next = 0;
  for (const block of blocks) {
    while (next < refs.length && refs[next].start < block.start) next++;
    const inside: TextSpan[] = [];
    while (next < refs.length && refs[next].end <= block.end) inside.push(refs[next++]);
    if (inside.length) block.refs = inside;
  }
  return blocks;
}

/** Cells of a "a | b | c" row line, as spans of the text. */
function cellsOf(line: string, offset: number): TextSpan[] {
  const cells: TextSpan[] = [];
  let start = 0;
  for (const part of line.split(' | ')) {
    cells.push({ start: offset + start, end: offset + start + part.length });
    start += part.length + 3;
  }
  return cells;
}

/** Consecutive rows of one table are one table block. */
function mergeTableRows(blocks: DocBlock[]): DocBlock[] {
  const merged: DocBlock[] = [];
  for (const block of blocks) {
    const last = merged.at(-1);
    if (block.kind === 'table' && last?.kind === 'table' && block.start === last.end + 1) {
      last.end = block.end;
      last.rows!.push(...block.rows!);
    } else merged.push(block.kind === 'table' ? { ...block, rows: [...block.rows!] } : block);
  }
  return merged;
}
