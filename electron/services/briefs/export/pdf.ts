// PDF export with pdfkit (pure JS, so the app and the CLI share it): a typeset brief with
// superscript note markers linked to endnotes that quote each passage, and page numbers.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { ResolvedBrief } from '../../../../shared/types/brief.ts';
import type { Certainty } from '../../../../shared/types/claims.ts';
import { CERTAINTY_COLORS } from '../../../../shared/certainty.ts';
import { BriefPlanner, briefTitle, claimDetails, citationRuns, formatBibliography, formatDate, groupTitle, memberSource, memberVia, runsText, VERDICT_LABEL, type Footnote, type NoteRef } from './citations.ts';
import { MemoryOutput, type ExportOutput } from './output.ts';
import { mapEach, peek, streamOf, type StreamedBrief } from './streamed.ts';
import { cleanText, markdownBlocks, oneLine, type Run } from './rich-text.ts';

type Doc = PDFKit.PDFDocument;
type TextOptions = PDFKit.Mixins.TextOptions;

export interface PdfOptions {
  /**
   * Embed DejaVu (when installed) for text the standard PDF fonts cannot show, such as Cyrillic.
   * Off, such characters are replaced. Default on.
   */
  unicodeFonts?: boolean;
  /** The brief's counts and character needs, when the caller has read it through already. */
  scan?: BriefScan;
}

interface FontSet {
  serif: string;
  serifBold: string;
  serifItalic: string;
  serifBoldItalic: string;
  sans: string;
  sansBold: string;
  sansItalic: string;
  mono: string;
}

// The 14 standard fonts need no embedding and keep files small, but they only cover WinAnsi.
const STANDARD_FONTS: FontSet = {
  serif: 'Times-Roman',
  serifBold: 'Times-Bold',
  serifItalic: 'Times-Italic',
  serifBoldItalic: 'Times-BoldItalic',
  sans: 'Helvetica',
  sansBold: 'Helvetica-Bold',
  sansItalic: 'Helvetica-Oblique',
  mono: 'Courier',
};

const DEJAVU_DIRS = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu', '/usr/share/fonts/TTF', '/usr/local/share/fonts/dejavu'];
const DEJAVU_FILES: FontSet = {
  serif: 'DejaVuSerif.ttf',
  serifBold: 'DejaVuSerif-Bold.ttf',
  serifItalic: 'DejaVuSerif-Italic.ttf',
  serifBoldItalic: 'DejaVuSerif-BoldItalic.ttf',
  sans: 'DejaVuSans.ttf',
  sansBold: 'DejaVuSans-Bold.ttf',
  sansItalic: 'DejaVuSans-Oblique.ttf',
  mono: 'DejaVuSansMono.ttf',
};

/** Paths of the DejaVu family, each style falling back to DejaVuSans; null when DejaVuSans is not installed. */
function findDejaVu(): FontSet | null {
  for (const dir of DEJAVU_DIRS) {
    const regular = join(dir, DEJAVU_FILES.sans);
    if (!existsSync(regular)) continue;
    const set = {} as FontSet;
    for (const key of Object.keys(DEJAVU_FILES) as Array<keyof FontSet>) {
      const path = join(dir, DEJAVU_FILES[key]);
      set[key] = existsSync(path) ? path : regular;
    }
    return set;
  }
  return null;
}

// WinAnsi (CP1252) beyond Latin-1: what the standard fonts can draw besides U+0020–U+007E and U+00A0–U+00FF.
const WIN_ANSI_EXTRA = 'ŒœŠšŸŽžƒˆ˜–—‘’‚“”„†‡•…‰‹›€™';
const NOT_WIN_ANSI = new RegExp(`[^\\n\\u0020-\\u007E\\u00A0-\\u00FF${WIN_ANSI_EXTRA}]`, 'u');

const SUBSTITUTES: Record<string, string> = {
  '\t': ' ',
  '\u00AD': '',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '–',
  '\u2015': '—',
  '\u2212': '-',
  '\u2032': "'",
  '\u2033': '"',
  '\u201B': '‘',
  '\u201F': '“',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2007': ' ',
  '\u2009': ' ',
  '\u200A': ' ',
  '\u202F': ' ',
  '\u200B': '',
  '\u200C': '',
  '\u200D': '',
  '\u2060': '',
  '\uFEFF': '',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2248': '~',
  '\u2260': '!=',
  '\u2192': '->',
  '\u2190': '<-',
  '\u2116': 'No.',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ı: 'i',
  ħ: 'h',
  Ħ: 'H',
};

function isWinAnsi(ch: string): boolean {
  return !NOT_WIN_ANSI.test(ch);
}

/**
 * Whether text holds a character the standard fonts would lose: one outside WinAnsi with no typographic
 * look-alike ("→" is drawn as "->", "≤" as "<="). Only such text makes a brief embed a Unicode font,
 * which costs a much larger file and a much slower layout.
 */
function needsUnicode(text: string): boolean {
  if (!NOT_WIN_ANSI.test(text)) return false;
  for (const ch of text) if (!isWinAnsi(ch) && !(ch in SUBSTITUTES)) return true;
  return false;
}

/**
 * Text limited to the characters `canDraw` accepts: known look-alikes first, then the letter without
 * its accents, else '?'. Fonts draw a missing glyph as an empty box at a wrong width, which garbles the line.
 */
function fitText(text: string, canDraw: (ch: string) => boolean, cache: Map<string, string>): string {
  let out = '';
  for (const ch of text) {
    let fitted = cache.get(ch);
    if (fitted === undefined) {
      if (canDraw(ch)) fitted = ch;
      else if (ch in SUBSTITUTES) fitted = SUBSTITUTES[ch];
      else {
        const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
        fitted = base && [...base].every(canDraw) ? base : '?';
      }
      cache.set(ch, fitted);
    }
    out += fitted;
  }
  return out;
}

const winAnsiCache = new Map<string, string>();

/** Text the standard fonts can encode. */
export function toWinAnsi(text: string): string {
  const clean = cleanText(text);
  return NOT_WIN_ANSI.test(clean) ? fitText(clean, isWinAnsi, winAnsiCache) : clean;
}

interface GlyphSource {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

/**
 * For embedded fonts: keeps what every face in use has a glyph for (DejaVu has Cyrillic and Greek
 * but no CJK or emoji). pdfkit keeps the fontkit font of an embedded font as `font`.
 */
function embeddedFilter(doc: Doc, fonts: FontSet): (text: string) => string {
  const faces: GlyphSource[] = [];
  for (const name of new Set(Object.values(fonts))) {
    doc.font(name);
    const face = (doc as unknown as { _font?: { font?: Partial<GlyphSource> } })._font?.font;
    if (typeof face?.hasGlyphForCodePoint === 'function') faces.push(face as GlyphSource);
  }
  const cache = new Map<string, string>();
  const canDraw = (ch: string) => ch === '\n' || faces.every((f) => f.hasGlyphForCodePoint(ch.codePointAt(0)!));
  return (text) => {
    const clean = cleanText(text).replace(/\t/g, ' ');
    return NOT_WIN_ANSI.test(clean) ? fitText(clean, canDraw, cache) : clean;
  };
}

const TEXT = '#1d232b';
const MUTED = '#5f6b78';
const RULE = '#c9d0d8';
const SOFT = '#f1f3f6';
const ACCENT = '#2f5d8a';
// The app's own certainty colours, so a claim reads the same on paper as on screen.
const CERTAINTY_COLOR: Record<Certainty, string> = CERTAINTY_COLORS.light;
const VERDICT_COLOR: Record<string, string> = { conflicting: '#b3261e', evolving: '#a66a00' };

const MARGINS = { top: 64, bottom: 72, left: 72, right: 72 };
const BODY_SIZE = 10.5;
const BODY_GAP = 2.2;

type Family = 'serif' | 'sans';

interface Flow {
  x: number;
  width: number;
  family: Family;
  size: number;
  color: string;
  lineGap: number;
}

interface Column {
  title: string;
  width: number;
}

/** A table cell: its paragraphs, each a list of runs. */
type Cell = Run[][];

class BriefPdf {
  readonly doc: Doc;
  private readonly fonts: FontSet;
  private readonly clean: (text: string) => string;
  private pageCount = 0;
  /** Lets the event loop run between rows and paragraphs of long tables. */
  private readonly pause: () => Promise<void>;

  constructor(doc: Doc, fonts: FontSet, clean: (text: string) => string, pause: () => Promise<void>) {
    this.doc = doc;
    this.fonts = fonts;
    this.clean = clean;
    this.pause = pause;
    doc.on('pageAdded', () => this.pageCount++);
  }

  get left(): number {
    return this.doc.page.margins.left;
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  private font(family: Family | 'mono', bold = false, italic = false): string {
    const f = this.fonts;
    if (family === 'mono') return f.mono;
    if (family === 'sans') return bold ? f.sansBold : italic ? f.sansItalic : f.sans;
    return bold && italic ? f.serifBoldItalic : bold ? f.serifBold : italic ? f.serifItalic : f.serif;
  }

  /** Starts a new page unless `height` more points fit on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom && this.doc.y > this.doc.page.margins.top + 1) this.doc.addPage();
  }

  space(points: number): void {
    this.doc.y += points;
  }

  lineHeight(family: Family, size: number, lineGap: number, bold = false): number {
    return this.doc.font(this.font(family, bold)).fontSize(size).currentLineHeight(true) + lineGap;
  }

  measure(runs: Run[], flow: Pick<Flow, 'family' | 'size' | 'lineGap' | 'width'>): number {
    const text = this.clean(runsText(runs.map((r) => (r.note ? { text: String(r.note) } : r))));
    if (!text.trim()) return 0;
    return this.doc.font(this.font(flow.family)).fontSize(flow.size).heightOfString(text, { width: flow.width, lineGap: flow.lineGap });
  }

  /**
   * A quick, slightly generous height for page-break decisions: one width measurement instead of a
   * second full line-breaking pass, which would nearly double the cost of a long brief.
   */
  estimate(runs: Run[], flow: Pick<Flow, 'family' | 'size' | 'lineGap' | 'width'>): number {
    const text = this.clean(runsText(runs.map((r) => (r.note ? { text: String(r.note) } : r))));
    if (!text.trim()) return 0;
    const doc = this.doc.font(this.font(flow.family)).fontSize(flow.size);
    const lines = Math.max(1, Math.ceil(doc.widthOfString(text) / (flow.width * 0.9)));
    return lines * (doc.currentLineHeight(true) + flow.lineGap);
  }

  /**
   * Writes runs as one paragraph. Note markers are set smaller on the same line top, which reads as
   * superscript, and link to their endnote.
   */
  runs(runs: Run[], flow: Flow): void {
    const doc = this.doc;
    let parts = runs.filter((r) => r.note || this.clean(r.text));
    if (!parts.length) return;
    parts = this.keepMarkerWithWord(parts, flow);
    doc.x = flow.x;
    let lastSize = flow.size;
    parts.forEach((run, i) => {
      const size = run.note ? flow.size * 0.64 : flow.size;
      const family = run.code ? 'mono' : flow.family;
      doc
        .font(run.note ? this.font('sans', true) : this.font(family, run.bold, run.italic))
        .fontSize(run.code ? size * 0.92 : size)
        .fillColor(run.note ? ACCENT : run.href ? ACCENT : flow.color);
      // Options carry over between continued fragments in pdfkit, so links are always set or cleared.
      const options = {
        width: flow.width,
        lineGap: flow.lineGap,
        continued: i < parts.length - 1,
        align: 'left',
        link: run.href ?? null,
        goTo: run.note ? `note-${run.note}` : null,
        destination: null,
        underline: false,
      } as unknown as TextOptions;
      const text = run.note ? `${run.note}` : this.clean(run.text);
      if (i === 0) doc.text(text, flow.x, doc.y, options);
      else doc.text(text, options);
      lastSize = size;
    });
    // A paragraph ending in a small marker advanced by the marker's line height; make it a full line.
    if (lastSize !== flow.size) {
      const small = doc.fontSize(lastSize).currentLineHeight(true);
      doc.font(this.font(flow.family)).fontSize(flow.size);
      doc.y += doc.currentLineHeight(true) - small;
    }
    doc.x = this.left;
  }

  /**
   * pdfkit breaks lines per fragment, so a closing note marker can land alone at the start of a
   * line. When text plus marker would need an extra line, the last word moves down with it.
   */
  private keepMarkerWithWord(parts: Run[], flow: Flow): Run[] {
    if (parts.length !== 2 || !parts[1].note || parts[0].note || parts[0].code) return parts;
    const text = this.clean(parts[0].text).trimEnd();
    const lastSpace = text.lastIndexOf(' ');
    if (lastSpace <= 0) return parts;
    const doc = this.doc.font(this.font(flow.family, parts[0].bold, parts[0].italic)).fontSize(flow.size);
    const options = { width: flow.width, lineGap: flow.lineGap };
    // The marker is measured at body size: a little wider than it is drawn, so the check errs towards moving.
    if (doc.heightOfString(`${text}${parts[1].note}`, options) <= doc.heightOfString(text, options)) return parts;
    return [{ ...parts[0], text: `${text.slice(0, lastSpace)}\n${text.slice(lastSpace + 1)}` }, parts[1]];
  }

  /** A vertical bar beside content written since `top`, when it all landed on one page. */
  bar(top: number, startPage: number, x: number, color: string, width = 2.4): void {
    if (this.pageCount !== startPage) return;
    const bottom = this.doc.y - 2;
    if (bottom > top) this.doc.save().rect(x, top, width, bottom - top).fill(color).restore();
  }

  get page(): number {
    return this.pageCount;
  }

  rule(y: number, x: number, width: number, color: string, lineWidth: number): void {
    this.doc.save().moveTo(x, y).lineTo(x + width, y).lineWidth(lineWidth).strokeColor(color).stroke().restore();
  }

  heading(text: string, level: 1 | 2 | 3): void {
    const size = level === 1 ? 15 : level === 2 ? 12.5 : 11;
    const before = level === 1 ? 16 : 10;
    // Keep a heading with at least a few lines of what follows.
    this.ensureSpace(before + size * 1.4 + 48);
    this.space(before);
    this.doc.font(this.fonts.sansBold).fontSize(size).fillColor(TEXT).text(this.clean(oneLine(text)), this.left, this.doc.y, { width: this.width, lineGap: 1 });
    if (level === 1) {
      this.rule(this.doc.y + 2, this.left, this.width, RULE, 0.6);
      this.space(9);
    } else this.space(4);
  }

  markdown(source: string, indent = 0): void {
    let inList = false;
    for (const block of markdownBlocks(source)) {
      const x = this.left + indent;
      // List items sit close together; the block after a list gets the space a paragraph would.
      const listItem = block.kind === 'paragraph' && block.listDepth > 0;
      if (inList && !listItem) this.space(4);
      inList = listItem;
      switch (block.kind) {
        case 'heading':
          this.heading(runsText(block.runs), block.level <= 1 ? 2 : 3);
          break;
        case 'rule':
          this.ensureSpace(12);
          this.rule(this.doc.y + 5, x, this.width - indent, RULE, 0.6);
          this.space(12);
          break;
        case 'code': {
          const left = x + 14 * (block.quoteDepth + block.listDepth);
          this.ensureSpace(20);
          this.doc.font(this.fonts.mono).fontSize(8.5).fillColor(TEXT).text(this.clean(block.text), left + 6, this.doc.y, { width: this.left + this.width - left - 6, lineGap: 1.5 });
          this.space(6);
          break;
        }
        case 'paragraph': {
          const hang = block.bullet ? 14 : 0;
          const left = x + 14 * Math.max(0, block.listDepth - 1) + 14 * block.quoteDepth + (block.bullet ? 4 : 0);
          const flow: Flow = { x: left + hang, width: this.left + this.width - left - hang, family: 'serif', size: BODY_SIZE, color: block.quoteDepth ? MUTED : TEXT, lineGap: BODY_GAP };
          this.ensureSpace(this.lineHeight('serif', BODY_SIZE, BODY_GAP) * 2);
          const top = this.doc.y;
          const page = this.page;
          if (block.bullet) {
            this.doc.font(this.fonts.serif).fontSize(BODY_SIZE).fillColor(MUTED).text(this.clean(block.bullet), left, top, { width: hang, lineBreak: false });
            this.doc.y = top;
          }
          this.runs(block.runs, flow);
          if (block.quoteDepth) this.bar(top + 1, page, x + 14 * (block.quoteDepth - 1), RULE, 1.6);
          this.space(block.listDepth ? 2.5 : 6);
          break;
        }
      }
    }
  }

  /** Draws a ruled table; rows never split across pages, and the header repeats after a break. */
  async table(columns: Column[], rows: Iterable<Cell[]> | AsyncIterable<Cell[]>, size = 8.5): Promise<void> {
    const doc = this.doc;
    const total = columns.reduce((a, c) => a + c.width, 0);
    const widths = columns.map((c) => (this.width * c.width) / total);
    const padX = 4;
    const padY = 3.5;
    const lineGap = 1.2;
    const cellFlow = (i: number, x: number): Flow => ({ x: x + padX, width: widths[i] - 2 * padX, family: 'sans', size, color: TEXT, lineGap });
    // A cell can hold thousands of paragraphs (every figure of a dispute over a whole library).
    const many = 200;

    const drawRow = async (cells: Cell[], header: boolean): Promise<void> => {
      const heights: number[] = [];
      for (const [i, cell] of cells.entries()) {
        let height = 0;
        for (const [k, para] of cell.entries()) {
          height += this.measure(header ? para.map((r) => ({ ...r, bold: true })) : para, { ...cellFlow(i, 0), family: 'sans' }) + 1.5;
          if (k % many === many - 1) await this.pause();
        }
        heights.push(height);
      }
      // Bold and markers measure a little wider than plain text: one spare line keeps the estimate safe.
      const estimate = Math.max(...heights) + 2 * padY + size * 1.3;
      const fits = doc.y + estimate <= this.bottom;
      if (!fits && !header) {
        doc.addPage();
        await drawRow(
          columns.map((c) => [[{ text: c.title }]]),
          true,
        );
      }
      const top = doc.y;
      if (header) {
        doc.save().rect(this.left, top, this.width, Math.max(...heights) + 2 * padY).fill(SOFT).restore();
        this.rule(top, this.left, this.width, TEXT, 0.9);
      }
      // A cell longer than the estimate must not make pdfkit break the page mid-row.
      const margin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      let bottom = top;
      let x = this.left;
      for (const [i, cell] of cells.entries()) {
        doc.y = top + padY;
        for (const [k, para] of cell.entries()) {
          this.runs(header ? para.map((r) => ({ ...r, bold: true })) : para, cellFlow(i, x));
          doc.y += 1.5;
          if (k % many === many - 1) await this.pause();
        }
        bottom = Math.max(bottom, doc.y);
        x += widths[i];
      }
      doc.page.margins.bottom = margin;
      doc.y = bottom + padY - 1.5;
      this.rule(doc.y, this.left, this.width, header ? TEXT : RULE, header ? 0.6 : 0.4);
    };

    this.ensureSpace(size * 6);
    await drawRow(
      columns.map((c) => [[{ text: c.title }]]),
      true,
    );
    for await (const row of rows) {
      await drawRow(row, false);
      await this.pause();
    }
    this.rule(doc.y, this.left, this.width, TEXT, 0.9);
    doc.x = this.left;
    this.space(12);
  }

  /** A numbered list entry with the number hanging in the margin: endnotes and sources. */
  numbered(n: number, runs: Run[], destination: string | null): void {
    const doc = this.doc;
    const hang = 22;
    const flow: Flow = { x: this.left + hang, width: this.width - hang, family: 'serif', size: 9, color: TEXT, lineGap: 1.6 };
    this.ensureSpace(Math.min(this.estimate(runs, flow), 60) + 4);
    const top = doc.y;
    doc
      .font(this.fonts.sansBold)
      .fontSize(7.5)
      .fillColor(ACCENT)
      .text(`${n}`, this.left, top + 1, { width: hang - 7, align: 'right', lineBreak: true, destination, link: null, goTo: null } as unknown as TextOptions);
    doc.y = top;
    this.runs(runs, flow);
    this.space(4);
  }
}

function noteRun(ref: NoteRef | null | undefined): Run[] {
  return ref ? [{ text: '', note: ref.n }] : [];
}

function creationDate(generatedAt: string): Date {
  const date = new Date(generatedAt);
  return Number.isNaN(date.getTime()) ? new Date() : date;
}

/** What the title block and the choice of fonts need before the first line is written. */
export interface BriefScan {
  claims: number;
  /** Sources cited, or for an outlined brief the documents whose claims it lists (see `documents`). */
  sources: number;
  /**
   * True when `sources` counts the documents whose claims are listed, as an outline knows them before
   * the comparison ends: the disputed figures may cite a further document by its headline.
   */
  documents?: boolean;
  /** Whether any text of the brief needs more than WinAnsi. */
  unicode: boolean;
}

/**
 * Reads the brief through once without writing it: a streamed brief is resolved again for the real
 * pass, which costs a fraction of laying it out and holds nothing. A brief that can outline itself
 * (every claim of a library) is not read at all.
 */
export async function scanBrief(brief: StreamedBrief): Promise<BriefScan> {
  if (brief.outline) {
    const { claims, documents, needed } = await brief.outline(needsUnicode);
    return { claims, sources: documents, documents: true, unicode: needed || needsUnicode(brief.title) || needsUnicode(brief.generatedAt) };
  }
  const planner = new BriefPlanner(() => {});
  let claims = 0;
  let unicode = needsUnicode(brief.title) || needsUnicode(brief.generatedAt);
  for await (const item of brief.items) {
    planner.item(item);
    if (item.type === 'claim') claims++;
    if (!unicode) unicode = needsUnicode(JSON.stringify(item));
  }
  for await (const group of brief.disputes()) {
    planner.dispute(group);
    if (!unicode) unicode = needsUnicode(JSON.stringify(group));
  }
  const sources = planner.sources(brief.sources());
  if (!unicode) unicode = needsUnicode(JSON.stringify(sources));
  return { claims, sources: sources.length, unicode };
}

/** Laid-out words an embedded font keeps in each of its two generations (about 2 kB each). */
const LAYOUT_GENERATION = 3000;
/** Strings longer than this are measured afresh: a whole paragraph is measured once, a word thousands of times. */
const WIDTH_MEMO_CHARS = 48;
/** Widths remembered per font before the memo starts again: a few megabytes at most. */
const WIDTH_MEMO_ENTRIES = 100_000;

/** What pdfkit reads of a shaped piece of text (a fontkit GlyphRun). */
interface LaidOut {
  glyphs: unknown[];
  positions: unknown[];
  readonly advanceWidth: number;
}

/** The parts of a pdfkit font object this file tunes (see `tuneFonts`). */
interface PdfKitFont {
  widthOfString(text: string, size: number, features?: unknown): number;
  /** Only an embedded font has these: `layoutRun` shapes one piece of text, `layoutCached` remembers it. */
  layoutRun?(text: string): LaidOut;
  layoutCached?(text: string): LaidOut;
  /** A standard font's metrics (pdfkit's AFMFont). */
  font?: { kernPairs?: Record<string, number>; getKernPair?(left: string, right: string): number };
}

/**
 * Makes pdfkit's width measurement cheap without changing a single width. pdfkit measures every word
 * each time it wraps a paragraph (its own memo lasts one paragraph), sums a standard font's glyph
 * advances and kerning pair by pair, and has an embedded font shape the word: over 50,000 claims and
 * their endnotes, most of the export's time. Here each font remembers the width of the short strings
 * it measures (words, mostly) at size 1000, scaled as pdfkit scales it, and a standard font finds its
 * kerning pairs in a map of maps instead of building a string key for every pair of letters.
 *
 * It also bounds what an embedded font (DejaVu) remembers of the words it has shaped for drawing.
 * pdfkit keeps every one for as long as the document lives: over 50,000 claims, with their figures,
 * names and links, hundreds of megabytes. Here the words are kept in two generations: when the newer
 * one is full, the older is dropped, and a word found there moves up. Words in use stay shaped (an
 * embedded font shapes a word in about 0.1 ms); a figure met once goes within a few thousand words.
 */
function tuneFonts(doc: Doc, fonts: FontSet): void {
  const internals = doc as unknown as { _font: PdfKitFont };
  const tuned = new Set<PdfKitFont>();
  for (const name of new Set(Object.values(fonts))) {
    doc.font(name);
    tuned.add(internals._font);
  }
  for (const font of tuned) {
    const measure = font.widthOfString.bind(font);
    const widths = new Map<string, number>();
    // pdfkit's unscaled width of `text` (its sum, as measured at size 1000), remembered when short.
    const unscaled = (text: string): number => {
      if (text.length > WIDTH_MEMO_CHARS) return measure(text, 1000);
      let width = widths.get(text);
      if (width === undefined) {
        if (widths.size >= WIDTH_MEMO_ENTRIES) widths.clear();
        width = measure(text, 1000);
        widths.set(text, width);
      }
      return width;
    };
    // An embedded font lays a string out piece by piece, each piece ending after a space or tab, and
    // adds up the pieces' widths: summed here in the same order, from remembered pieces, the width is
    // the same number without laying out (shaping) the string. A standard font kerns across spaces, so
    // its strings are measured whole.
    const pieces = typeof font.layoutRun === 'function';
    font.widthOfString = (text, size, features) => {
      if (features) return measure(text, size, features);
      if (!pieces || text.length <= WIDTH_MEMO_CHARS) return unscaled(text) * (size / 1000);
      let width = 0;
      let start = 0;
      for (let i = 0; i < text.length; i++) {
        const ch = text.charCodeAt(i);
        if (ch !== 32 && ch !== 9) continue;
        width += unscaled(text.slice(start, i + 1));
        start = i + 1;
      }
      if (start < text.length) width += unscaled(text.slice(start));
      return width * (size / 1000);
    };
    const metrics = font.font;
    if (metrics?.kernPairs && metrics.getKernPair) {
      const pairs = new Map<string, Map<string, number>>();
      for (const [key, amount] of Object.entries(metrics.kernPairs)) {
        const [left, right] = key.split('\0');
        let row = pairs.get(left);
        if (!row) pairs.set(left, (row = new Map()));
        row.set(right, amount);
      }
      metrics.getKernPair = (left, right) => pairs.get(left)?.get(right) || 0;
    }
  }
  for (const font of tuned) {
    const shape = font.layoutRun?.bind(font);
    if (!shape || !font.layoutCached) continue;
    let newer = new Map<string, LaidOut>();
    let older = new Map<string, LaidOut>();
    font.layoutCached = (text) => {
      let run = newer.get(text);
      if (run) return run;
      run = older.get(text) ?? shape(text);
      if (newer.size >= LAYOUT_GENERATION) {
        older = newer;
        newer = new Map();
      }
      newer.set(text, run);
      return run;
    };
  }
}

/** Bytes of pdfkit's output gathered before they are written to the file. */
const OUTPUT_BLOCK_BYTES = 1 << 16;

/** The parts of a pdfkit page that `gatherPageContent` takes over. */
interface PdfKitPage {
  write(chunk: string | Uint8Array): unknown;
  end(): unknown;
  content: { write(chunk: string | Uint8Array): unknown };
}

/**
 * pdfkit turns every operator line written to a page (a dozen for each line of text) into a byte
 * array of its own as it comes, and joins them when the page ends: over thousands of pages, millions
 * of small arrays for the garbage collector. Here a page keeps its lines as text and hands them to
 * pdfkit as one array when it ends: the same bytes (pdfkit ends each line with a newline, and keeps
 * the low byte of each character), made once.
 */
function gatherPageContent(doc: Doc): void {
  const internals = doc as unknown as { page: PdfKitPage };
  doc.on('pageAdded', () => {
    const page = internals.page;
    const content = page.content;
    let lines: string[] = [];
    const hand = () => {
      if (!lines.length) return;
      content.write(Buffer.from(`${lines.join('\n')}\n`, 'latin1'));
      lines = [];
    };
    page.write = (chunk) => {
      if (typeof chunk === 'string') return lines.push(chunk);
      hand();
      return content.write(chunk);
    };
    const end = page.end.bind(page);
    page.end = () => {
      hand();
      return end();
    };
  });
}

/** A PDF page whose footer is written after the last page, once their count is known. */
interface FooterSlot {
  stream: PDFKit.PDFKitReference;
  page: { width: number; height: number; margins: { top: number; bottom: number; left: number; right: number } };
}

/** Internals of pdfkit this file relies on: each is used the way pdfkit itself uses it (see `footers`). */
interface PdfKitInternals {
  _font: { id: string; ref(): PDFKit.PDFKitReference };
  page: { dictionary: { data: { Contents: unknown } }; fonts: Record<string, unknown>; width: number; height: number; margins: FooterSlot['page']['margins'] };
}

/**
 * Page footers ("title · 3 / 120") without holding the pages: each page gets a second, empty content
 * stream (a PDF page may have several, drawn in order), left open while the page itself is written
 * out; after the last page the footers are drawn into them with pdfkit's own text layout.
 */
function deferFooters(doc: Doc, footerFont: string): { slots: FooterSlot[]; draw(write: (slot: FooterSlot, page: number, total: number) => void): void } {
  const internals = doc as unknown as PdfKitInternals;
  doc.font(footerFont);
  const font = internals._font;
  const slots: FooterSlot[] = [];
  let previous: { data: unknown } | null = null;
  doc.on('pageAdded', () => {
    // The page before this one has just been written out. pdfkit keeps its dictionary for the page tree,
    // which needs only the dictionary's object number: its contents (links, resources) can go.
    if (previous) previous.data = {};
    const page = internals.page;
    previous = page.dictionary as unknown as { data: unknown };
    const stream = doc.ref({});
    page.dictionary.data.Contents = [page.dictionary.data.Contents, stream];
    // The page's resources are written with the page, before its footer: the font must be listed now.
    page.fonts[font.id] = font.ref();
    slots.push({ stream, page: { width: page.width, height: page.height, margins: { ...page.margins } } });
  });
  return {
    slots,
    draw(write) {
      const current = internals.page;
      slots.forEach((slot, i) => {
        // Text drawn while `page` is this stand-in goes to the footer stream; the fonts are already listed.
        internals.page = {
          ...slot.page,
          margins: { ...slot.page.margins },
          dictionary: { data: { Contents: null } },
          fonts: {},
          write: (chunk: string) => slot.stream.write(chunk),
          maxY: () => slot.page.height,
        } as unknown as PdfKitInternals['page'];
        write(slot, i + 1, slots.length);
        slot.stream.end('');
      });
      internals.page = current;
    },
  };
}

export async function toPdf(brief: ResolvedBrief, options: PdfOptions = {}): Promise<Uint8Array> {
  const out = new MemoryOutput();
  await writePdf(streamOf(brief), out, options);
  return out.bytes();
}

/** Writes the brief page by page: each page goes out as soon as the next begins. */
export async function writePdf(brief: StreamedBrief, out: ExportOutput, options: PdfOptions = {}): Promise<void> {
  const scan = options.scan ?? (await scanBrief(brief));
  const title = briefTitle(brief.title);
  const dejavu = options.unicodeFonts !== false && scan.unicode ? findDejaVu() : null;
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    autoFirstPage: false,
    lang: 'en',
    displayTitle: true,
    info: { Title: title, Creator: 'Dossier', Producer: 'Dossier', Subject: 'Research brief', CreationDate: creationDate(brief.generatedAt) },
  });
  // pdfkit hands over every PDF object and operator line as a chunk of its own, millions in a long
  // brief: they go to the file in blocks, which costs the file stream one write per block instead.
  const block: Uint8Array[] = [];
  let blockBytes = 0;
  const sendBlock = () => {
    if (!blockBytes) return;
    out.write(Buffer.concat(block, blockBytes));
    block.length = 0;
    blockBytes = 0;
  };
  doc.on('data', (chunk: Uint8Array) => {
    block.push(chunk);
    blockBytes += chunk.length;
    if (blockBytes >= OUTPUT_BLOCK_BYTES) sendBlock();
  });
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  let fonts = STANDARD_FONTS;
  if (dejavu) {
    for (const [name, path] of Object.entries(dejavu)) doc.registerFont(`dossier-${name}`, path);
    fonts = Object.fromEntries(Object.keys(dejavu).map((name) => [name, `dossier-${name}`])) as unknown as FontSet;
  }
  const clean = dejavu ? embeddedFilter(doc, fonts) : toWinAnsi;
  gatherPageContent(doc);
  const footers = deferFooters(doc, fonts.sans);
  tuneFonts(doc, fonts);
  const step = () => {
    sendBlock();
    return out.flush();
  };
  const pdf = new BriefPdf(doc, fonts, clean, step);
  doc.addPage();
  const left = pdf.left;
  const width = pdf.width;
  const body = (x = left, w = width): Flow => ({ x, width: w, family: 'serif', size: BODY_SIZE, color: TEXT, lineGap: BODY_GAP });

  // Title block.
  doc.font(fonts.sansBold).fontSize(7.5).fillColor(ACCENT).text('RESEARCH BRIEF', left, doc.y, { characterSpacing: 1.4, width });
  pdf.space(6);
  doc.font(fonts.sansBold).fontSize(21).fillColor(TEXT).text(clean(title), left, doc.y, { width, lineGap: 1 });
  pdf.space(5);
  const generated = formatDate(brief.generatedAt, true);
  const summary = [generated ? `Generated ${generated}` : null, `${scan.claims} claim${scan.claims === 1 ? '' : 's'}`, `${scan.sources} ${scan.documents ? 'document' : 'source'}${scan.sources === 1 ? '' : 's'}`];
  doc.font(fonts.sans).fontSize(8.5).fillColor(MUTED).text(clean(summary.filter(Boolean).join('  ·  ')), left, doc.y, { width });
  pdf.space(8);
  pdf.rule(doc.y, left, width, TEXT, 1.4);
  pdf.space(14);

  // Endnotes wait on disk, one JSON line each, until the last item is written.
  const notes = out.spool();
  const planner = new BriefPlanner((footnote) => notes.write(`${JSON.stringify(footnote)}\n`));
  for await (const resolved of brief.items) {
    const item = planner.item(resolved);
    switch (item.type) {
      case 'heading':
        pdf.heading(item.text, 1);
        break;
      case 'text':
        pdf.markdown(item.markdown);
        break;
      case 'claim': {
        const indent = 11;
        const textFlow = body(left + indent, width - indent);
        const details = claimDetails(item.claim);
        const detailsFlow: Flow = { x: left + indent, width: width - indent, family: 'sans', size: 7.8, color: MUTED, lineGap: 1.2 };
        const claimRuns: Run[] = [{ text: oneLine(item.claim.text) }, ...noteRun(item.note)];
        pdf.ensureSpace(pdf.estimate(claimRuns, textFlow) + pdf.estimate(details, detailsFlow) + 10);
        const top = doc.y;
        const page = pdf.page;
        pdf.runs(claimRuns, textFlow);
        pdf.space(2);
        pdf.runs(details, detailsFlow);
        pdf.bar(top + 1, page, left, CERTAINTY_COLOR[item.claim.certainty] ?? MUTED);
        pdf.space(9);
        break;
      }
      case 'note': {
        const indent = 11;
        pdf.ensureSpace(50);
        const top = doc.y;
        const page = pdf.page;
        pdf.runs([{ text: 'NOTE', bold: true }, ...noteRun(item.note)], { x: left + indent, width: width - indent, family: 'sans', size: 7.5, color: MUTED, lineGap: 1 });
        pdf.space(3);
        pdf.markdown(item.markdown, indent);
        doc.y -= 4;
        pdf.bar(top + 1, page, left, RULE);
        pdf.space(9);
        break;
      }
      case 'group': {
        const { group } = item;
        const reason = oneLine(group.reason);
        pdf.ensureSpace(90);
        pdf.space(2);
        doc.font(fonts.sansBold).fontSize(9.5).fillColor(TEXT).text(clean(groupTitle(group)), left, doc.y, { continued: true, width });
        doc.font(fonts.sans).fillColor(MUTED).text(clean('  ·  Verdict: '), { continued: true });
        doc.font(fonts.sansBold).fillColor(VERDICT_COLOR[group.verdict] ?? TEXT).text(VERDICT_LABEL[group.verdict], { continued: Boolean(reason) });
        if (reason) doc.font(fonts.sans).fillColor(MUTED).text(clean(` — ${reason}`), { continued: false });
        doc.x = left;
        pdf.space(4);
        await pdf.table(
          [
            { title: 'Source', width: 3 },
            { title: 'Figure', width: 2 },
            { title: 'Via', width: 3 },
          ],
          group.members.map((m, i) => [[[{ text: memberSource(m) }]], [[{ text: oneLine(m.quantityText) }, ...noteRun(item.notes[i])]], [[{ text: memberVia(m) }]]]),
        );
        break;
      }
    }
    await step();
  }

  const disputes = await peek(brief.disputes());
  if (disputes) {
    pdf.heading('Figures in dispute', 1);
    await pdf.table(
      [
        { title: 'Figure', width: 1.6 },
        { title: 'Unit', width: 1 },
        { title: 'Verdict', width: 1.1 },
        { title: 'Reason', width: 2.6 },
        { title: 'Figures given', width: 2.8 },
      ],
      mapEach(disputes, (disputed): Cell[] => {
        const { group, notes: refs } = planner.dispute(disputed);
        return [
          [[{ text: oneLine(group.label) }]],
          [[{ text: oneLine(group.unit ?? '') || '—' }]],
          [[{ text: VERDICT_LABEL[group.verdict], bold: true }]],
          [[{ text: oneLine(group.reason) }]],
          group.members.map((m, i) => [{ text: `${oneLine(m.quantityText)} (${memberSource(m)})` }, ...noteRun(refs[i])]),
        ];
      }),
    );
  }

  const bibliography = formatBibliography(planner.sources(brief.sources()));
  if (bibliography.length) {
    pdf.heading('Sources', 1);
    for (const [i, entry] of bibliography.entries()) {
      pdf.numbered(i + 1, entry.runs, null);
      await step();
    }
  }

  if (notes.count) {
    pdf.heading('Notes', 1);
    for await (const line of notes.lines()) {
      const { n, citation } = JSON.parse(line) as Footnote;
      pdf.numbered(n, citationRuns(citation), `note-${n}`);
      await step();
    }
  }

  // Footers go on last, once the page count is known, each into its page's own footer stream.
  const footerTitle = clean(title.length > 80 ? `${title.slice(0, 79)}…` : title);
  footers.draw((slot, n, total) => {
    const y = slot.page.height - slot.page.margins.bottom + 26;
    doc.font(fonts.sans).fontSize(7.5).fillColor(MUTED);
    doc.text(footerTitle, left, y, { lineBreak: false });
    const pageLabel = `${n} / ${total}`;
    doc.text(pageLabel, left + width - doc.widthOfString(pageLabel), y, { lineBreak: false });
  });
  doc.end();
  await finished;
  sendBlock();
  await out.flush();
}
