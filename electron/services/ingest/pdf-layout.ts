// Layout analysis of a PDF's positioned text runs (as pdf.js gives them): runs become lines, lines
// become blocks (paragraphs, list items, headings, tables, captions, figure labels, footnotes), page
// furniture (running headers, footers, page numbers, margin stamps) is set aside into the page map,
// paragraphs broken by a column or page are joined again, and the text is emitted in reading order
// with exact page spans. Pure: no pdf.js, no Node.
import type { DocBlock, BlockKind, TextSpan } from '../../../shared/types/blocks.ts';
import type { PageSpan } from '../../../shared/types/ingest.ts';
import { CAPTION_START, LIST_MARKER, PAGE_LABEL, PAGE_NUMBER_LINE } from './layout-cues.ts';
import { HyphenResolver } from './hyphenation.ts';

/** One positioned run of text: baseline origin (x, y up from the page bottom), advance width, font size. */
export interface TextRun {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
  font: string;
}

export interface PageRuns {
  page: number;
  width: number;
  height: number;
  runs: TextRun[];
  /** Text that is on the page but not part of its reading flow: rotated stamps, text outside the page box. */
  stray: string[];
}

export interface LayoutResult {
  text: string;
  pages: PageSpan[];
  blocks: DocBlock[];
  /** What a reader would call the document, from the page layout; null when the layout gives no clue. */
  title: string | null;
  /** The text every page repeats in its header or footer, page numbers removed. */
  runningTitle: string | null;
  /** The most descriptive heading above the first page's body text: a title set at body size. */
  leadHeading: string | null;
}

interface Segment {
  x0: number;
  x1: number;
  text: string;
}

interface Line {
  page: number;
  y: number;
  x0: number;
  x1: number;
  size: number;
  font: string;
  text: string;
  segments: Segment[];
  /** Marker set small and raised at the start of the line: the number of the footnote it opens. */
  lead: string | null;
  /** Footnote reference markers detached from the words they were set against. */
  refs: string[];
  /** Baseline of the last line a table row's cells wrapped onto, when they did. */
  bottom?: number;
}

interface Block {
  kind: BlockKind;
  page: number;
  lines: Line[];
  size: number;
  marker?: string;
}

// Footnote reference marks: "1", "12", "(3)", "*", "†", "1,2".
const MARKER = /^(?:\(?\d{1,3}(?:[,–-]\d{1,3})*\)?|[*†‡§¶]{1,3})[.,]?$/;
const INLINE_SYMBOL_MARKER = /([\p{Ll}\p{Lu}][.,;:)]?)([*†‡§]{1,3})(?=[\s.,;:)]|$)/gu;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const STRAY_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
const TERMINAL = /[.!?:;"”’)\]…]$/;
const SENTENCE_END = /[.!?]["”’)\]]?$/;
// A short line ending so closes its paragraph (a colon introduces a quote or a list below).
const PARAGRAPH_END = /[.!?:]["”’)\]]?$/;

function quartile(values: number[], fallback: number): number {
  // Too few lines to tell line spacing from paragraph spacing: assume ordinary single spacing.
  if (values.length < 5) return fallback;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 4)];
}

/** The font size carrying most characters: body text, against which everything else is judged. */
function dominant<T extends string | number>(pairs: Array<[T, number]>, fallback: T): T {
  const weight = new Map<T, number>();
  for (const [key, chars] of pairs) weight.set(key, (weight.get(key) ?? 0) + chars);
  let best = fallback;
  let bestWeight = -1;
  for (const [key, w] of weight) {
    if (w > bestWeight) [best, bestWeight] = [key, w];
  }
  return best;
}

const roundSize = (size: number) => Math.round(size * 2) / 2;

/** Groups runs that share a baseline and follow each other left to right into lines. */
function groupRuns(page: PageRuns): TextRun[][] {
  const groups: TextRun[][] = [];
  let current: TextRun[] | null = null;
  let baseY = 0;
  let maxSize = 0;
  let x1 = 0;
  for (const raw of page.runs) {
    const str = raw.str.replace(STRAY_CONTROLS, '');
    if (!str) continue;
    const run = { ...raw, str };
    const blank = !str.trim();
    if (current) {
      const size = Math.max(run.size, maxSize);
      const sameBaseline = Math.abs(run.y - baseY) <= 0.55 * size;
      // Far along the very same baseline, in the same size, is the next cell of a table row.
      const nextCell = Math.abs(run.y - baseY) <= 0.05 * size && Math.abs(run.size - maxSize) <= 0.05 * size && run.x - x1 < 0.5 * page.width;
      const forward = run.x >= x1 - 0.6 * size && (run.x - x1 < 12 * size || nextCell);
      // Text of a very different size set well apart on the same baseline (a masthead's section name
      // beside the publication's) is another line, not a word of this one; superscripts sit close.
      const smaller = Math.min(run.size, maxSize);
      const apart = !blank && size > 1.5 * smaller && run.x - x1 > 1.5 * smaller;
      if (sameBaseline && forward && !apart) {
        current.push(run);
        if (!blank) {
          x1 = Math.max(x1, run.x + run.width);
          if (run.size > maxSize) [maxSize, baseY] = [run.size, run.y];
        }
        continue;
      }
    }
    if (blank) continue;
    current = [run];
    groups.push(current);
    [baseY, maxSize, x1] = [run.y, run.size, run.x + run.width];
  }
  return groups;
}

/** Runs set small and raised one after another ("(", "1", ")") read as one mark. */
function mergeRaised(runs: TextRun[], size: number, baseY: number): TextRun[] {
  const raised = (run: TextRun) => run.size < 0.85 * size && run.y - baseY > 0.15 * size && run.str.trim() !== '';
  const merged: TextRun[] = [];
  for (const run of runs) {
    const prev = merged.at(-1);
    if (prev && raised(prev) && raised(run) && run.x - (prev.x + prev.width) < 0.3 * run.size && !/\s$/.test(prev.str)) {
      merged[merged.length - 1] = { ...prev, str: prev.str + run.str, width: run.x + run.width - prev.x };
    } else merged.push(run);
  }
  return merged;
}

function toLine(pageNumber: number, lineRuns: TextRun[]): Line | null {
  const visible = lineRuns.filter((run) => run.str.trim());
  if (!visible.length) return null;
  const size = dominant(visible.map((run) => [roundSize(run.size), run.str.length] as [number, number]), visible[0].size);
  const main = visible.find((run) => roundSize(run.size) === size) ?? visible[0];
  const font = dominant(visible.map((run) => [run.font, run.str.length] as [string, number]), main.font);
  const baseY = main.y;
  const runs = mergeRaised(lineRuns, size, baseY);
  let text = '';
  let lead: string | null = null;
  const refs: string[] = [];
  const segments: Segment[] = [];
  let segment: Segment | null = null;
  let prevEnd = -Infinity;
  let pendingSpace = false;
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i];
    const trimmed = run.str.trim();
    if (!trimmed) {
      if (text) pendingSpace = true;
      continue;
    }
    const raised = run.y - baseY > 0.15 * size;
    const superscript = run.size < 0.85 * size && raised;
    if (superscript) {
      const next = runs.slice(i + 1).find((r) => r.str.length > 0);
      const inFraction = (next && /^[⁄/]/.test(next.str)) || /[⁄/]$/.test(text);
      if (!text && MARKER.test(trimmed)) {
        lead = trimmed.replace(/[.,]$/, '');
        text = `${trimmed} `;
        segment = { x0: run.x, x1: run.x + run.width, text: '' };
        segments.push(segment);
        prevEnd = run.x + run.width;
        pendingSpace = false;
        continue;
      }
      if (!inFraction && /^[a-z]{1,3}$/i.test(trimmed) && /\d$/.test(text)) {
        text += trimmed; // an ordinal such as 2nd set with a raised suffix
        if (segment) segment.text += trimmed;
        prevEnd = run.x + run.width;
        pendingSpace = /\s$/.test(run.str);
        continue;
      }
      if (!inFraction && MARKER.test(trimmed) && text) {
        refs.push(trimmed.replace(/[.,]$/, ''));
        // The marker sat between two words: keep them apart.
        if (/\s$/.test(run.str) || (next && next.x - (run.x + run.width) > 0.15 * size)) pendingSpace = true;
        prevEnd = run.x + run.width;
        continue;
      }
    }
    const gap = run.x - prevEnd;
    if (segment && gap > 1.2 * size) {
      segment = null;
      pendingSpace = true;
    }
    if (!segment) {
      segment = { x0: run.x, x1: run.x + run.width, text: '' };
      segments.push(segment);
    }
    const needsSpace =
      text && !/\s$/.test(text) && !/^\s/.test(run.str) && (pendingSpace || gap > 0.2 * Math.min(size, run.size));
    const piece = (needsSpace ? ' ' : '') + run.str;
    text += piece;
    segment.text += segment.text ? piece : run.str.trimStart();
    segment.x1 = Math.max(segment.x1, run.x + run.width);
    prevEnd = run.x + run.width;
    pendingSpace = false;
  }
  // Note symbols set at body size straight after a word ("States*") are markers too.
  const detach = (s: string) =>
    s.replace(INLINE_SYMBOL_MARKER, (_, before: string, mark: string) => {
      refs.push(mark);
      return before;
    });
  const clean = (s: string) => s.replace(/[ \t\u00a0]+/g, ' ').trim();
  text = clean(detach(text));
  if (!text) return null;
  for (const seg of segments) seg.text = clean(seg.text.replace(INLINE_SYMBOL_MARKER, '$1'));
  const kept = segments.filter((seg) => seg.text);
  // A list's number or bullet set apart from its item ("1." then a tab) is no table cell.
  if (kept.length >= 2 && kept[0].text.length <= 4 && LIST_MARKER.test(`${kept[0].text} `)) {
    const [marker, item] = kept.splice(0, 2);
    kept.unshift({ x0: marker.x0, x1: item.x1, text: `${marker.text} ${item.text}` });
  }
  return {
    page: pageNumber,
    y: baseY,
    x0: Math.min(...visible.map((run) => run.x)),
    x1: Math.max(...visible.map((run) => run.x + run.width)),
    size,
    font,
    text,
    segments: kept.length ? kept : [{ x0: runs[0].x, x1: runs[0].x, text }],
    lead,
    refs,
  };
}

/** Text with digits folded, so "Page 3" and "Page 4" are the same running footer. */
const furnitureKey = (text: string) => text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, '');

interface Furniture {
  lines: Set<Line>;
  /** Running text repeated on most pages, page numbers removed: a short title when the pages give no other. */
  runningTitle: string | null;
}

/**
 * Running headers and footers are lines near the top or bottom edge that repeat, digits aside, on
 * other pages; page numbers are lines at the edge that hold only a number or page label.
 */
function findFurniture(pages: Line[][], heights: number[]): Furniture {
  const edgeLines = pages.map((lines, index) => {
    const height = heights[index];
    const byY = [...lines].sort((a, b) => b.y - a.y);
    const top = byY.slice(0, 3).filter((line) => line.y > height * 0.8);
    const bottom = byY.slice(-3).filter((line) => line.y < height * 0.2);
    return new Set([...top, ...bottom]);
  });
  // The same text at the same edge and height of other pages: set there by the page template.
  const placements = new Map<string, Array<{ page: number; y: number; size: number }>>();
  edgeLines.forEach((set, index) => {
    for (const line of set) {
      const key = furnitureKey(line.text);
      if (!placements.has(key)) placements.set(key, []);
      placements.get(key)!.push({ page: index, y: line.y, size: line.size });
    }
  });
  const everywhere = new Map<string, number>();
  for (const line of pages.flat()) everywhere.set(furnitureKey(line.text), (everywhere.get(furnitureKey(line.text)) ?? 0) + 1);
  const repeats = (line: Line): number => {
    const key = furnitureKey(line.text);
    // Text that also runs in the body is the body's, even where a page happens to start with it.
    if ((everywhere.get(key) ?? 0) > (placements.get(key)?.length ?? 0)) return 0;
    const tolerance = Math.max(2 * line.size, 0.02 * heights[line.page - 1]);
    // The same words set far larger (a title on the first page that later pages repeat as their
    // running head) are not the template's.
    const pagesAt = new Set(
      (placements.get(key) ?? [])
        .filter((p) => Math.abs(p.y - line.y) <= tolerance && Math.abs(p.size - line.size) <= 0.2 * line.size)
        .map((p) => p.page),
    );
    return pagesAt.size;
  };
  const repeatsOn = Math.max(2, Math.ceil(pages.length * 0.3));
  const lines = new Set<Line>();
  let runningTitle: string | null = null;
  let runningCount = 0;
  edgeLines.forEach((set) => {
    for (const line of set) {
      const count = repeats(line);
      const pageNumber = PAGE_NUMBER_LINE.test(line.text) || /^\d{1,4}[-–.]\d{1,4}$/.test(line.text);
      if (pageNumber || (pages.length > 1 && count >= repeatsOn)) {
        lines.add(line);
        const words = line.text.replace(PAGE_LABEL, ' ').replace(/\s+/g, ' ').trim();
        // Only plain words can name the document: a print slug or file path is furniture, not a title.
        const plainWords = /^[\p{L}\p{N}\s.,'’&:;—–-]+$/u.test(words) && /\p{L}{2}/u.test(words);
        if (!pageNumber && count > runningCount && plainWords && words.length <= 80) {
          [runningTitle, runningCount] = [words, count];
        }
      }
    }
  });
  return { lines, runningTitle };
}

const overlaps = (a: { x0: number; x1: number }, b: { x0: number; x1: number }) => a.x0 < b.x1 && b.x0 < a.x1;

/** Body text metrics of the whole document. */
interface Metrics {
  bodySize: number;
  bodyFont: string;
  /** Baseline distance of consecutive body lines, in font sizes. */
  lineGap: number;
}

function measure(lines: Line[]): Metrics {
  const bodySize = dominant(lines.map((line) => [line.size, line.text.length] as [number, number]), 10);
  const bodyFont = dominant(
    lines.filter((line) => line.size === bodySize).map((line) => [line.font, line.text.length] as [string, number]),
    '',
  );
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1], lines[i]];
    if (a.page !== b.page || a.size !== bodySize || b.size !== bodySize || !overlaps(a, b)) continue;
    const ratio = (a.y - b.y) / bodySize;
    if (ratio > 0.8 && ratio < 2.5) gaps.push(ratio);
  }
  // The lower quartile: paragraph gaps are the larger ones, and short paragraphs can make them the majority.
  return { bodySize, bodyFont, lineGap: quartile(gaps, 1.2) };
}

const isTableRow = (line: Line) => line.segments.length >= 2;
const sameSize = (a: number, b: number) => Math.abs(a - b) <= 0.08 * Math.max(a, b);

/**
 * A cell's text wrapped onto a line of its own under a table row ("Ever Given" / "runs aground"): set
 * at a line's distance below the row, starting where one of its cells starts. It is added to that cell.
 */
function continuesCell(row: Line, line: Line, metrics: Metrics): boolean {
  if (!isTableRow(row) || isTableRow(line) || !sameSize(line.size, row.size)) return false;
  const dy = (row.bottom ?? row.y) - line.y;
  if (dy <= 0.3 * line.size || dy > (metrics.lineGap * 1.35 + 0.05) * line.size) return false;
  const cell = row.segments.find((segment) => Math.abs(segment.x0 - line.x0) <= 0.3 * line.size);
  const next = cell && row.segments[row.segments.indexOf(cell) + 1];
  if (!cell || (next && line.x1 > next.x0)) return false;
  cell.text = `${cell.text} ${line.text}`;
  cell.x1 = Math.max(cell.x1, line.x1);
  row.bottom = line.y;
  row.text = row.segments.map((segment) => segment.text).join(' ');
  return true;
}

/** Splits a page's lines, in content order, into blocks of one kind each. */
function buildBlocks(lines: Line[], metrics: Metrics): Block[] {
  const blocks: Block[] = [];
  let block: Block | null = null;
  let maxX1 = 0;
  let minX0 = 0;
  for (const line of lines) {
    const prev = block?.lines.at(-1);
    if (block?.kind === 'table' && prev && continuesCell(prev, line, metrics)) continue;
    let startNew = !block || !prev;
    if (block && prev) {
      const dy = (prev.bottom ?? prev.y) - line.y;
      const size = Math.max(line.size, prev.size);
      const gapLimit = (metrics.lineGap * 1.35 + 0.05) * size;
      const listStart = LIST_MARKER.test(line.text) || line.lead !== null;
      const tableRow = isTableRow(line) && isTableRow(prev);
      startNew =
        !sameSize(line.size, block.size) ||
        dy <= 0.3 * size ||
        dy > (tableRow ? gapLimit * 1.6 : gapLimit) ||
        !overlaps(line, { x0: minX0, x1: maxX1 }) ||
        isTableRow(line) !== isTableRow(prev) ||
        listStart ||
        // A first-line indent opens a paragraph (list items indent their later lines instead).
        (block.kind !== 'list-item' && line.x0 > minX0 + 0.8 * size && TERMINAL.test(prev.text) && !isTableRow(line)) ||
        // A short line that ends a sentence closes its paragraph.
        (prev.x1 < maxX1 - 3 * size && PARAGRAPH_END.test(prev.text) && block.kind !== 'table') ||
        // Text starting left of a list item's hanging indent is not part of it.
        (block.kind === 'list-item' && line.x0 < block.lines[0].x0 - 0.5 * size);
    }
    if (startNew) {
      const kind: BlockKind = isTableRow(line) ? 'table' : LIST_MARKER.test(line.text) ? 'list-item' : 'paragraph';
      block = { kind, page: line.page, lines: [line], size: line.size };
      if (line.lead) block.marker = line.lead;
      blocks.push(block);
      [minX0, maxX1] = [line.x0, line.x1];
    } else if (block) {
      block.lines.push(line);
      minX0 = Math.min(minX0, line.x0);
      maxX1 = Math.max(maxX1, line.x1);
    }
  }
  // A single row with gaps is a line with wide spacing or labels side by side, not a table.
  for (const b of blocks) if (b.kind === 'table' && b.lines.length < 2) b.kind = 'paragraph';
  return blocks;
}

const blockText = (block: Block) => block.lines.map((line) => line.text).join(' ');

const extent = (block: Block) => ({
  x0: Math.min(...block.lines.map((line) => line.x0)),
  x1: Math.max(...block.lines.map((line) => line.x1)),
});

/** Whether body text runs below a block in its column: notes sit at the foot, under all of it. */
function bodyBelow(block: Block, blocks: Block[], bodySize: number, notes: ReadonlySet<Block>): boolean {
  const span = extent(block);
  const bottom = block.lines.at(-1)!.y;
  return blocks.some(
    (other) =>
      other !== block &&
      !notes.has(other) &&
      sameSize(other.size, bodySize) &&
      other.kind !== 'table' &&
      // A label or caption under a note (a table's title) is not running text.
      other.lines.length >= 2 &&
      !CAPTION_START.test(other.lines[0].text) &&
      other.lines[0].y < bottom &&
      overlaps(extent(other), span),
  );
}

/** Gives each block its kind from its size, position and content. */
function classify(blocks: Block[], metrics: Metrics): void {
  const body = metrics.bodySize;
  let inNotes = false;
  let lowestBody = Infinity;
  for (const block of blocks) {
    if (sameSize(block.size, body) && block.kind !== 'table') lowestBody = Math.min(lowestBody, block.lines.at(-1)!.y);
  }
  // Notes set at body size still open with the raised mark that the page's text refers to.
  const referenced = new Set(blocks.flatMap((block) => block.lines.flatMap((line) => line.refs)));
  const linkedNotes = new Set(
    blocks.filter((block) => block.marker !== undefined && referenced.has(block.marker) && block.size <= body * 1.05),
  );
  for (const block of blocks) {
    const text = blockText(block);
    const first = block.lines[0];
    const small = block.size < body * 0.92;
    if (CAPTION_START.test(text) && block.lines.length <= 4) {
      block.kind = 'caption';
      continue;
    }
    // Notes are set smaller than the body, open with their number, and sit low on the page.
    const opensNote = block.marker !== undefined || /^(?:\(?\d{1,3}\)?|[*†‡§])\s+\S/.test(first.text);
    if (((small && opensNote) || linkedNotes.has(block)) && !bodyBelow(block, blocks, body, linkedNotes)) {
      block.kind = 'footnote';
      block.marker ??= /^(\(?\d{1,3}\)?|[*†‡§])/.exec(first.text)?.[1];
      inNotes = true;
      continue;
    }
    if (small && inNotes && block.kind !== 'table' && first.y < lowestBody) {
      block.kind = 'footnote';
      continue;
    }
    if (block.kind === 'table') continue;
    if (block.size >= body * 1.15 && block.lines.length <= 4 && !SENTENCE_END.test(text)) {
      block.kind = 'heading';
      continue;
    }
    if (small && text.length < 60 && !SENTENCE_END.test(text)) {
      block.kind = 'figure';
      continue;
    }
    // Same size as the body but set apart in another face, short and unpunctuated: a run-in heading.
    if (
      block.kind === 'paragraph' &&
      block.lines.length <= 2 &&
      text.length <= 120 &&
      first.font !== metrics.bodyFont &&
      !TERMINAL.test(text) &&
      /^\p{Lu}/u.test(text)
    ) {
      block.kind = 'heading';
    }
  }
}

// The separators a periodical's running head sets between its items: "Journal / Vol. 8 / May 2, 2020".
const HEADER_ITEM_BREAK = /\s+[/|•·]\s+/;
const lineKey = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * A periodical's running head gathers, one after another, several items its first page prints apart
 * in the masthead (the publication, its volume, the date, the section). First-page lines that the
 * head of a later page gathers with another such line name the publication, never the document.
 */
function mastheadLines(firstPage: Line[], laterFurniture: Line[]): Set<Line> {
  const byKey = new Map<string, Line[]>();
  for (const line of firstPage) {
    const key = lineKey(line.text);
    if (!byKey.has(key)) byKey.set(key, []);
    byKey.get(key)!.push(line);
  }
  const masthead = new Set<Line>();
  for (const head of laterFurniture) {
    // The page number set beside the head is a segment of its own.
    const items = head.segments.flatMap((segment) => segment.text.split(HEADER_ITEM_BREAK)).map(lineKey);
    const printed = items.filter((item) => byKey.has(item));
    if (printed.length < 2) continue;
    for (const item of printed) for (const line of byKey.get(item)!) masthead.add(line);
  }
  return masthead;
}

/** The largest text near the top of the first page, if it stands out from the body. */
function findTitle(blocks: Block[], metrics: Metrics, height: number, masthead: Set<Line>): Block | null {
  let best: Block | null = null;
  for (const block of blocks) {
    if (block.kind === 'footnote' || block.kind === 'table') continue;
    if (block.lines.every((line) => masthead.has(line))) continue;
    if (block.lines[0].y < height * 0.35 || block.lines.length > 4) continue;
    if (blockText(block).length > 250 || !/\p{L}{3}/u.test(blockText(block))) continue;
    if (block.size >= metrics.bodySize * 1.2 && (!best || block.size > best.size + 0.1)) best = block;
  }
  return best;
}

/**
 * Without a title block, the most prominent heading of the first page names it (an excerpt's first
 * table or section): the largest text above body size, the more descriptive when sizes tie.
 */
function prominentHeading(blocks: Block[], metrics: Metrics, masthead: Set<Line>): string | null {
  let best: { size: number; words: number; text: string } | null = null;
  for (const block of blocks) {
    if (block.kind === 'footnote' || block.kind === 'table' || block.lines.length > 3) continue;
    if (block.lines.every((line) => masthead.has(line))) continue;
    if (block.size < metrics.bodySize * 1.05) continue;
    const text = blockText(block)
      .replace(CAPTION_START, '')
      .replace(/^[.:\s]+/, '')
      .replace(/\s*\([^)]*\)\s*$/, '')
      .trim();
    const words = text.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length;
    if (words < 2 || text.length > 200) continue;
    if (!best || block.size > best.size + 0.1 || (Math.abs(block.size - best.size) <= 0.1 && words > best.words)) {
      best = { size: block.size, words, text };
    }
  }
  return best?.text ?? null;
}

const wordCount = (text: string) => text.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length;

/**
 * The heading that leads into the first page's body text. When nothing stands out by size, the
 * headings stacked above the first paragraph (the issuing body, its office, then the subject) hold
 * the title, and the most descriptive of them (the later one on a tie) names the document.
 */
function leadHeading(blocks: Block[], metrics: Metrics, masthead: Set<Line>): string | null {
  let best: { words: number; text: string } | null = null;
  for (const block of blocks) {
    const text = blockText(block);
    const body = block.kind === 'paragraph' && sameSize(block.size, metrics.bodySize) && block.lines.length >= 2;
    if (body && /[.!?]["”’)\]]?(?:\s|$)/.test(text)) break;
    if (block.kind !== 'heading' || block.lines.every((line) => masthead.has(line))) continue;
    const words = wordCount(text);
    if (words >= 2 && (!best || words >= best.words)) best = { words, text: text.replace(/\s+/g, ' ').trim() };
  }
  return best?.text ?? null;
}

const PROSE = new Set<BlockKind>(['paragraph', 'list-item']);
const FLOATS = new Set<BlockKind>(['footnote', 'figure', 'caption', 'table']);

/**
 * Joins paragraphs that a column or page break cut mid-sentence: the first half ends without closing
 * punctuation and the next prose block (skipping notes, figures and tables set between them) goes on.
 */
function joinBrokenParagraphs(sequence: Block[]): Block[] {
  const result: Block[] = [];
  const absorbed = new Set<Block>();
  for (let i = 0; i < sequence.length; i++) {
    const block = sequence[i];
    if (absorbed.has(block)) continue;
    result.push(block);
    if (!PROSE.has(block.kind)) continue;
    for (;;) {
      const last = block.lines.at(-1)!;
      if (TERMINAL.test(last.text)) break;
      // Set between the halves: floats, and, once a float has come, what a figure or table brings
      // with it (its title after its caption, its notes and source lines in smaller type).
      let j = i + 1;
      let floated = false;
      const setApart = (k: number) => {
        const other = sequence[k];
        if (absorbed.has(other)) return true;
        if (FLOATS.has(other.kind)) return (floated = true);
        if (!floated) return false;
        return other.size < block.size * 0.92 || (other.kind === 'heading' && sequence[k - 1]?.kind === 'caption');
      };
      while (j < sequence.length && setApart(j)) j++;
      const next = sequence[j];
      if (!next || next.kind !== 'paragraph' || !sameSize(next.size, block.size)) break;
      if (next.page > last.page + 1) break;
      const nextLine = next.lines[0];
      const lowerStart = /^[\p{Ll}\d(“"‘'$€£%,;–-]/u.test(nextLine.text);
      // A column or page break, or floats set in between: the paragraph was cut by the layout.
      const cut = j > i + 1 || nextLine.page !== last.page || nextLine.y > last.y;
      const goesOn = lowerStart || (cut && block.kind === 'paragraph' && /[\p{Ll},\-–]$/u.test(last.text));
      if (!goesOn) break;
      block.lines.push(...next.lines);
      absorbed.add(next);
    }
  }
  return result;
}

/** Words of the document as printed mid-line, for telling a broken word from a real hyphen. */
function vocabularyOf(lines: Line[]): HyphenResolver {
  const resolver = new HyphenResolver();
  for (let i = 0; i < lines.length; i++) {
    let text = lines[i].text;
    // A word cut at the end of a line, or continued at the start of the next, is not a word.
    if (/[\p{L}][-‐\u00ad]$/u.test(text)) text = text.replace(/\S+$/u, '');
    if (i > 0 && /[\p{L}][-‐\u00ad]$/u.test(lines[i - 1].text)) text = text.replace(/^\S+/u, '');
    resolver.addText(text);
  }
  for (let i = 1; i < lines.length; i++) resolver.observeBreak(lines[i - 1].text, lines[i].text);
  return resolver;
}

interface Emitted {
  text: string;
  /** Each stretch of text with its page, in order. */
  marks: PageSpan[];
  blocks: DocBlock[];
}

function emit(sequence: Block[], hyphens: HyphenResolver): Emitted {
  let text = '';
  const marks: PageSpan[] = [];
  const blocks: DocBlock[] = [];
  let current: PageSpan | null = null;
  const markPage = (page: number) => {
    if (current?.page !== page) {
      current = { page, start: text.length, end: text.length };
      marks.push(current);
    }
  };
  const append = (piece: string) => {
    text += piece;
    if (current) current.end = text.length;
  };
  for (const block of sequence) {
    if (text) text += '\n\n';
    const start = text.length;
    if (block.kind === 'table') {
      const rows: TextSpan[][] = [];
      block.lines.forEach((line, index) => {
        if (index > 0) text += '\n';
        markPage(line.page);
        const cells: TextSpan[] = [];
        line.segments.forEach((segment, cellIndex) => {
          if (cellIndex > 0) append('\t');
          cells.push({ start: text.length, end: text.length + segment.text.length });
          append(segment.text);
        });
        rows.push(cells);
      });
      blocks.push({ kind: 'table', start, end: text.length, rows });
      continue;
    }
    // The paragraph is assembled on its own, so joining lines never rescans or copies the whole text.
    let paragraph = '';
    const pageStarts: Array<[number, number]> = [];
    block.lines.forEach((line, index) => {
      let lineText = line.text;
      if (index > 0) {
        const joined = hyphens.join(paragraph, lineText);
        paragraph = joined.before;
        lineText = joined.after;
      }
      if (pageStarts.at(-1)?.[1] !== line.page) pageStarts.push([paragraph.length, line.page]);
      paragraph += lineText;
    });
    pageStarts.forEach(([offset, page], index) => {
      markPage(page);
      const end = index + 1 < pageStarts.length ? pageStarts[index + 1][0] : paragraph.length;
      // The space between two lines belongs to the page of the first, so page spans tile the text.
      append(paragraph.slice(offset, end));
    });
    const entry: DocBlock = { kind: block.kind, start, end: text.length };
    if (block.marker) entry.marker = block.marker;
    if (block.kind === 'heading' || block.kind === 'title') entry.level = block.kind === 'title' ? 1 : 2;
    blocks.push(entry);
  }
  return { text, marks, blocks };
}

/** Page spans from the page marks: every stretch of text belongs to exactly one page. */
function pageSpans(marks: PageSpan[], pageCount: number, furniture: string[][]): PageSpan[] {
  const spans = marks.map((mark) => ({ ...mark }));
  // Pages without text still get an (empty) span, so the page count survives.
  const seen = new Set(spans.map((span) => span.page));
  for (let page = 1; page <= pageCount; page++) {
    if (seen.has(page)) continue;
    const before = spans.filter((span) => span.page < page).at(-1);
    const at = before ? before.end : 0;
    spans.push({ page, start: at, end: at });
  }
  spans.sort((a, b) => a.start - b.start || a.page - b.page);
  const firstOfPage = new Set<number>();
  for (const span of spans) {
    if (firstOfPage.has(span.page)) continue;
    firstOfPage.add(span.page);
    const kept = furniture[span.page - 1];
    if (kept?.length) span.furniture = kept;
  }
  return spans;
}

export function analyzeLayout(pages: PageRuns[]): LayoutResult {
  const pageLines = pages.map((page) =>
    groupRuns(page)
      .map((runs) => toLine(page.page, runs))
      .filter((line): line is Line => line !== null)
      // Text beyond the page's edges is never seen by a reader.
      .filter((line) => line.y >= 0 && line.y <= page.height && line.x1 > 0 && line.x0 < page.width),
  );
  const furniture = findFurniture(
    pageLines,
    pages.map((page) => page.height),
  );
  const furnitureText = pages.map((page, index) => [
    ...pageLines[index].filter((line) => furniture.lines.has(line)).map((line) => line.text),
    ...page.stray,
  ]);
  const content = pageLines.map((lines) => lines.filter((line) => !furniture.lines.has(line)));
  const metrics = measure(content.flat());

  const masthead = mastheadLines(
    content[0] ?? [],
    pageLines.slice(1).flatMap((lines) => lines.filter((line) => furniture.lines.has(line))),
  );

  let titleBlock: Block | null = null;
  let heading: string | null = null;
  let lead: string | null = null;
  const sequence: Block[] = [];
  content.forEach((lines, index) => {
    const blocks = buildBlocks(lines, metrics);
    classify(blocks, metrics);
    if (index === 0) {
      titleBlock = findTitle(blocks, metrics, pages[index].height, masthead);
      if (titleBlock) titleBlock.kind = 'title';
      else heading = prominentHeading(blocks, metrics, masthead);
      lead = leadHeading(blocks, metrics, masthead);
    }
    // Notes go after the page's text; the title block opens the document.
    const ordered = [
      ...blocks.filter((block) => block.kind === 'title'),
      ...blocks.filter((block) => block.kind !== 'title' && block.kind !== 'footnote'),
      ...blocks.filter((block) => block.kind === 'footnote'),
    ];
    sequence.push(...ordered);
  });

  const hyphens = vocabularyOf(content.flat());
  const joined = joinBrokenParagraphs(sequence);
  const emitted = emit(joined, hyphens);
  const title = titleBlock
    ? (titleBlock as Block).lines.map((line) => line.text).join(' ').replace(/\s+/g, ' ').trim()
    : null;
  return {
    text: emitted.text,
    pages: pageSpans(emitted.marks, pages.length, furnitureText),
    blocks: emitted.blocks,
    title: title ?? heading,
    runningTitle: furniture.runningTitle,
    leadHeading: lead,
  };
}
