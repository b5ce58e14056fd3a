// Cuts a document's text into the blocks the reader renders (paragraphs, split at PDF page boundaries
// and when overly long), and each block into segments that carry their text offsets and marks.
import type { BlockKind, DocBlock, TextSpan } from '../../../shared/types/blocks';
import type { Claim } from '../../../shared/types/claims';
import type { PageSpan } from '../../../shared/types/ingest';

export interface Block {
  index: number;
  start: number;
  end: number;
  /** The PDF page the block is on, or null for unpaginated text. */
  page: number | null;
  /** True for the first block of a page, which shows the page boundary above it. */
  pageStart: boolean;
  /** What the block is, where the document's format says; null for plain paragraphs of unstructured text. */
  kind?: BlockKind | null;
  /** Tables: rows of cells. */
  rows?: TextSpan[][];
  /** Footnotes: the printed marker. */
  marker?: string;
  /** Note reference marks inside the block ("[1]"), shown raised. */
  refs?: TextSpan[];
  /** An entry of a reference list or bibliography. */
  references?: boolean;
}

/**
 * Render blocks from the document's own structure: each block once, cut where a page begins (so the
 * page marker shows) and, for prose, where it grows too long. Page furniture is not shown as text.
 */
function structuredBlocks(text: string, pages: PageSpan[] | null, structure: readonly DocBlock[], maxChars: number): Block[] {
  const spans = [...(pages ?? [])].sort((a, b) => a.start - b.start);
  const seenPages = new Set<number>();
  const blocks: Block[] = [];
  let spanIndex = 0;
  for (const doc of structure) {
    if (doc.kind === 'furniture' || doc.end <= doc.start) continue;
    let start = doc.start;
    while (start < doc.end) {
      while (spanIndex + 1 < spans.length && spans[spanIndex].end <= start && spans[spanIndex + 1].start <= start) spanIndex++;
      const span = spans[spanIndex];
      const page = span && start >= span.start && start < Math.max(span.end, span.start + 1) ? span.page : (span?.page ?? null);
      const pageEnd = span && doc.kind !== 'table' ? Math.max(span.end, start + 1) : doc.end;
      let end = Math.min(doc.end, pageEnd);
      if (doc.kind !== 'table' && end - start > maxChars) end = cutPoint(text, start, start + maxChars);
      const pageStart = page !== null && !seenPages.has(page);
      if (page !== null) seenPages.add(page);
      const block: Block = { index: blocks.length, start, end, page, pageStart, kind: doc.kind };
      if (doc.rows) block.rows = doc.rows;
      if (doc.marker) block.marker = doc.marker;
      if (doc.refs) block.refs = doc.refs;
      if (doc.references) block.references = true;
      blocks.push(block);
      start = end;
      while (start < doc.end && /\s/.test(text[start])) start++;
    }
  }
  return blocks;
}

/** Long enough for any real paragraph, short enough that one block renders in well under a frame. */
export const MAX_BLOCK_CHARS = 4000;

function cutPoint(text: string, from: number, limit: number): number {
  const window = text.slice(from, limit);
  const newline = window.lastIndexOf('\n');
  if (newline > window.length / 2) return from + newline + 1;
  const sentence = Math.max(window.lastIndexOf('. '), window.lastIndexOf('? '), window.lastIndexOf('! '));
  if (sentence > window.length / 2) return from + sentence + 2;
  const space = window.lastIndexOf(' ');
  if (space > window.length / 2) return from + space + 1;
  return limit;
}

export function splitBlocks(
  text: string,
  pages: PageSpan[] | null,
  maxChars = MAX_BLOCK_CHARS,
  structure: readonly DocBlock[] | null = null,
): Block[] {
  if (structure?.length) return structuredBlocks(text, pages, structure, maxChars);
  const spans = pages?.length ? pages.map((p) => ({ start: p.start, end: Math.min(p.end, text.length), page: p.page as number | null })) : [{ start: 0, end: text.length, page: null }];
  const blocks: Block[] = [];
  const paragraph = /[^\n]+(?:\n(?!\n)[^\n]*)*/g;
  for (const span of spans) {
    let firstOfPage = span.page !== null;
    paragraph.lastIndex = span.start;
    for (let match = paragraph.exec(text); match && match.index < span.end; match = paragraph.exec(text)) {
      let start = match.index;
      const matchEnd = start + match[0].length;
      // A paragraph running over a page boundary is cut there; the next page starts a new block.
      const end = Math.min(matchEnd, span.end);
      if (text.slice(start, end).trim()) {
        while (start < end) {
          const stop = end - start > maxChars ? cutPoint(text, start, start + maxChars) : end;
          blocks.push({ index: blocks.length, start, end: stop, page: span.page, pageStart: firstOfPage });
          firstOfPage = false;
          start = stop;
        }
      }
      if (matchEnd >= span.end) break;
    }
  }
  return blocks;
}

/** Index of the block holding `offset`, or the nearest one after it (the last block past the end). */
export function blockIndexAt(blocks: readonly Block[], offset: number): number {
  let low = 0;
  let high = blocks.length - 1;
  if (high < 0) return -1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (blocks[mid].end <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

export interface Range {
  start: number;
  end: number;
}

/**
 * Distributes ranges (claims, find matches, noted passages) to the blocks they touch. Blocks with none
 * share one frozen empty array, so a block component's props stay identical and it is not re-rendered.
 */
export function rangesByBlock<T extends Range>(blocks: readonly Block[], ranges: readonly T[], previous?: Map<number, T[]>): Map<number, T[]> {
  const byBlock = new Map<number, T[]>();
  for (const range of ranges) {
    for (let i = blockIndexAt(blocks, range.start); i >= 0 && i < blocks.length && blocks[i].start < range.end; i++) {
      if (blocks[i].end <= range.start) continue;
      const list = byBlock.get(i);
      if (list) list.push(range);
      else byBlock.set(i, [range]);
    }
  }
  // A block whose ranges are the same objects as before keeps its old array, so it is not re-rendered
  // when one claim of thousands changes.
  if (previous) {
    for (const [i, list] of byBlock) {
      const old = previous.get(i);
      if (old && old.length === list.length && old.every((r, k) => r === list[k])) byBlock.set(i, old);
    }
  }
  return byBlock;
}

export const NONE: readonly never[] = Object.freeze([]);

export interface Segment {
  start: number;
  end: number;
  claim: Claim | null;
  /** True on the first segment of a claim, which takes keyboard focus for it. */
  claimStart: boolean;
  /** Inside one of the claim's quantities. */
  quantity: boolean;
  /** Index of the find match covering the segment, or -1. */
  match: number;
  noted: boolean;
  /** A note reference mark ("[1]"). */
  ref: boolean;
  /** The first segment of a noted passage, which carries the note's mark in the text. */
  noteStart: boolean;
}

export interface FindMatch extends Range {
  index: number;
}

/** True when the quantity's offsets point at its own text (edited quantities point at the whole claim). */
function quantityIsInline(text: string, claim: Claim, q: Claim['quantities'][number]): boolean {
  return q.end > q.start && (q.start > claim.start || q.end < claim.end) && text.slice(q.start, q.end) === q.text;
}

export function segmentBlock(
  text: string,
  block: Range,
  claims: readonly Claim[],
  matches: readonly FindMatch[] = NONE,
  noted: readonly Range[] = NONE,
  refs: readonly Range[] = NONE,
): Segment[] {
  const points = new Set<number>([block.start, block.end]);
  const clamp = (n: number) => Math.min(block.end, Math.max(block.start, n));
  const quantities: Range[] = [];
  for (const claim of claims) {
    points.add(clamp(claim.start));
    points.add(clamp(claim.end));
    for (const q of claim.quantities) {
      if (!quantityIsInline(text, claim, q)) continue;
      quantities.push(q);
      points.add(clamp(q.start));
      points.add(clamp(q.end));
    }
  }
  for (const m of matches) {
    points.add(clamp(m.start));
    points.add(clamp(m.end));
  }
  for (const n of noted) {
    points.add(clamp(n.start));
    points.add(clamp(n.end));
  }
  for (const r of refs) {
    points.add(clamp(r.start));
    points.add(clamp(r.end));
  }
  const sorted = [...points].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const start = sorted[i];
    const end = sorted[i + 1];
    if (end <= start) continue;
    // Where claims overlap (a claim the user added inside an extracted one) the narrower one wins.
    let claim: Claim | null = null;
    for (const c of claims) if (c.start <= start && c.end >= end && (!claim || c.end - c.start < claim.end - claim.start)) claim = c;
    const match = matches.find((m) => m.start <= start && m.end >= end);
    segments.push({
      start,
      end,
      claim,
      claimStart: !!claim && start === Math.max(claim.start, block.start) && claim.start >= block.start,
      quantity: !!claim && quantities.some((q) => q.start <= start && q.end >= end),
      match: match ? match.index : -1,
      noted: noted.some((n) => n.start <= start && n.end >= end),
      ref: refs.some((r) => r.start <= start && r.end >= end),
      noteStart: noted.some((n) => n.start === start && n.end > start),
    });
  }
  return segments;
}

/** Case-insensitive occurrences of `query`, capped so a one-letter search cannot flood the page. */
export function findMatches(text: string, query: string, cap = 5000): { matches: FindMatch[]; capped: boolean } {
  if (!query) return { matches: [], capped: false };
  // A regular expression matches on the original text, so offsets stay right even where lower-casing changes lengths.
  const pattern = new RegExp(query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
  const matches: FindMatch[] = [];
  for (const match of text.matchAll(pattern)) {
    if (matches.length === cap) return { matches, capped: true };
    matches.push({ start: match.index, end: match.index + match[0].length, index: matches.length });
  }
  return { matches, capped: false };
}
