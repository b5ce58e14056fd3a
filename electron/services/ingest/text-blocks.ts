// Structure of plain text, which has no markup: read from blank lines and the shape of each line.
// Paragraphs are runs of hard-wrapped lines (each broken where the next word would not fit) or single
// lines, where the text puts one paragraph per line; headings are short lines without closing punctuation that stand alone, lead into a
// paragraph, or are underlined with === or ---; list items open with a bullet or a number; lines opening
// with "[n]" are notes; "> " lines are quotes; tab-separated rows are tables. Offsets are the text's own.
import type { DocBlock, TextSpan } from '../../../shared/types/blocks.ts';
import { LIST_MARKER } from './layout-cues.ts';

interface TextLine extends TextSpan {
  text: string;
}

/** Longest line a hard-wrapped text is set to; beyond it, each line is a paragraph of its own. */
const WRAPPED_MAX = 100;
/** Headings are short: a few words, never a wrapped sentence. */
const HEADING_MAX_CHARS = 100;
const HEADING_MAX_WORDS = 14;

const UNDERLINE = /^\s*(={3,}|-{3,})\s*$/;
const ATX = /^\s{0,3}(#{1,6})\s+\S/;
const NOTE = /^\s*(\[\d{1,3}\])\s+\S/;
const QUOTE = /^\s*>\s?/;
// Closing punctuation of a sentence or clause, with any closing quote or bracket after it.
const CLOSED = /[.,;:!?…]["'”’)\]]*$/;

function linesOf(text: string): TextLine[] {
  const lines: TextLine[] = [];
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    lines.push({ start, end: stop, text: text.slice(start, stop) });
    if (end < 0) return lines;
    start = end + 1;
  }
}

const blank = (line: TextLine | undefined) => !line || !line.text.trim();
const isListLine = (line: TextLine) => LIST_MARKER.test(line.text.trimStart());
const isTableLine = (line: TextLine) => /\S\t+\S/.test(line.text.trim());

/** A line that reads as a heading on its own: short, worded, opening in capitals or a number, unpunctuated. */
function headingShaped(line: TextLine): boolean {
  const text = line.text.trim();
  if (ATX.test(line.text)) return true;
  if (text.length < 2 || text.length > HEADING_MAX_CHARS || CLOSED.test(text)) return false;
  if (!/^[\p{Lu}\p{N}"“‘']/u.test(text) || !/\p{L}{2}/u.test(text)) return false;
  if (isListLine(line) || NOTE.test(line.text) || QUOTE.test(line.text) || isTableLine(line)) return false;
  return text.split(/\s+/).length <= HEADING_MAX_WORDS;
}

/**
 * Whether a hard-wrapped line runs on into the next: it was broken there because the next word would
 * not have fitted. A line that ends well short of the wrap width ends its paragraph (one paragraph per
 * line, or a heading or date line above the text).
 */
function wrapsOnto(line: TextLine, next: TextLine, width: number): boolean {
  const nextWord = /^\s*(\S+)/.exec(next.text)?.[1] ?? '';
  return line.text.trim().length + 1 + nextWord.length >= 0.9 * width;
}

/** The span of a line without its surrounding spaces. */
function trimmed(line: TextLine): TextSpan {
  const lead = line.text.length - line.text.trimStart().length;
  return { start: line.start + lead, end: line.start + line.text.trimEnd().length };
}

function tableBlock(lines: TextLine[]): DocBlock {
  const rows = lines.map((line) => {
    const cells: TextSpan[] = [];
    for (const match of line.text.matchAll(/[^\t]+/g)) {
      const cell = match[0];
      const lead = cell.length - cell.trimStart().length;
      if (cell.trim()) cells.push({ start: line.start + match.index + lead, end: line.start + match.index + cell.trimEnd().length });
    }
    return cells;
  });
  return { kind: 'table', start: trimmed(lines[0]).start, end: trimmed(lines.at(-1)!).end, rows };
}

/**
 * Blocks of a plain-text document. Every block covers whole lines (without their outer spaces), in
 * order and without overlap; text in no block is only blank lines and heading underlines' decoration.
 */
export function plainTextBlocks(text: string): DocBlock[] {
  const lines = linesOf(text);
  const filled = lines.filter((line) => !blank(line));
  if (!filled.length) return [];
  // Text set one paragraph per line runs its lines long; hard-wrapped text never passes its width.
  const wrapped = filled.every((line) => line.text.trimEnd().length <= WRAPPED_MAX);
  // The wrap width, from the lines of running text (tables and rules are set to their own widths).
  const prose = filled.filter((line) => !isTableLine(line) && !UNDERLINE.test(line.text));
  const width = Math.max(...(prose.length ? prose : filled).map((line) => line.text.trim().length));
  const blocks: DocBlock[] = [];
  const push = (block: DocBlock) => {
    if (block.end > block.start) blocks.push(block);
  };
  let firstHeading = true;
  const heading = (span: TextSpan, level?: number) => {
    push({ kind: 'heading', ...span, level: level ?? (firstHeading && !blocks.length ? 1 : 2) });
    firstHeading = false;
  };

  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (blank(line)) {
      i++;
      continue;
    }
    const next = lines[i + 1];
    const afterRun = (j: number) => blank(lines[j]);

    if (!blank(next) && UNDERLINE.test(next.text) && !UNDERLINE.test(line.text) && !isListLine(line)) {
      heading(trimmed(line), next.text.includes('=') ? 1 : 2);
      push({ kind: 'furniture', ...trimmed(next) });
      i += 2;
      continue;
    }
    if (UNDERLINE.test(line.text)) {
      // A rule of dashes or equals signs between paragraphs: decoration, no text of its own.
      push({ kind: 'furniture', ...trimmed(line) });
      i++;
      continue;
    }
    const atx = ATX.exec(line.text);
    if (atx) {
      heading(trimmed(line), atx[1].length);
      i++;
      continue;
    }
    if (isTableLine(line) && !blank(next) && isTableLine(next)) {
      let j = i;
      while (j < lines.length && !blank(lines[j]) && isTableLine(lines[j])) j++;
      push(tableBlock(lines.slice(i, j)));
      i = j;
      continue;
    }
    if (QUOTE.test(line.text)) {
      let j = i;
      while (j < lines.length && !blank(lines[j]) && QUOTE.test(lines[j].text)) j++;
      push({ kind: 'quote', start: trimmed(line).start, end: trimmed(lines[j - 1]).end });
      i = j;
      continue;
    }
    const note = NOTE.exec(line.text);
    const listItem = isListLine(line);
    if (note || listItem) {
      // The item goes on over indented or unmarked lines until a blank line or the next item.
      const indent = line.text.length - line.text.trimStart().length;
      let j = i + 1;
      while (j < lines.length && !blank(lines[j]) && !isListLine(lines[j]) && !NOTE.test(lines[j].text) && !UNDERLINE.test(lines[j].text)) {
        const continued = lines[j].text.length - lines[j].text.trimStart().length > indent || (wrapped && wrapsOnto(lines[j - 1], lines[j], width));
        if (!continued) break;
        j++;
      }
      const span = { start: trimmed(line).start, end: trimmed(lines[j - 1]).end };
      push(note ? { kind: 'footnote', ...span, marker: note[1] } : { kind: 'list-item', ...span, level: 1 + Math.min(3, Math.floor(indent / 2)) });
      i = j;
      continue;
    }
    if (headingShaped(line)) {
      // It stands alone, or leads into longer text below it; hard-wrapped text also needs it short
      // against the wrap width, as a paragraph's first line runs to the margin.
      const alone = afterRun(i + 1);
      const leads = !alone && next.text.trim().length > line.text.trim().length && (!wrapped || line.text.trim().length < 0.6 * width);
      if (alone || leads) {
        heading(trimmed(line));
        i++;
        continue;
      }
    }
    // A paragraph: one line where the text gives one per line, else the lines up to a blank line, a
    // list item or an underline.
    let j = i + 1;
    if (wrapped) {
      while (
        j < lines.length &&
        !blank(lines[j]) &&
        !isListLine(lines[j]) &&
        !NOTE.test(lines[j].text) &&
        !UNDERLINE.test(lines[j].text) &&
        !(lines[j + 1] && !blank(lines[j + 1]) && UNDERLINE.test(lines[j + 1].text)) &&
        wrapsOnto(lines[j - 1], lines[j], width)
      ) {
        j++;
      }
    }
    push({ kind: 'paragraph', start: trimmed(line).start, end: trimmed(lines[j - 1]).end });
    i = j;
  }
  return blocks;
}
