// Word export with the `docx` library: real heading styles (so Word's navigation pane and TOC
// work), real footnotes for citations, and tables for comparisons, disputes and sources.
import { strFromU8, unzipSync, Zip, ZipDeflate } from 'fflate';
import {
  AlignmentType,
  BorderStyle,
  BuilderElement,
  Document,
  FootNotes,
  ExternalHyperlink,
  Footer,
  FootnoteReferenceRun,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  XmlComponent,
  type File,
  type IBordersOptions,
  type IContext,
  type ParagraphChild,
} from 'docx';
import type { ResolvedBrief } from '../../../../shared/types/brief.ts';
import type { Certainty } from '../../../../shared/types/claims.ts';
import { CERTAINTY_COLORS } from '../../../../shared/certainty.ts';
import { BriefPlanner, briefTitle, claimDetails, citationRuns, formatBibliography, formatDate, groupTitle, memberSource, memberVia, VERDICT_LABEL, type NoteRef, type PlannedItem } from './citations.ts';
import { MemoryOutput, type ExportOutput, type Spool } from './output.ts';
import { mapEach, peek, streamOf, type StreamedBrief } from './streamed.ts';
import { cleanText, markdownBlocks, oneLine, safeHref, type Block, type Run } from './rich-text.ts';

const SERIF = 'Georgia';
const SANS = 'Arial';
const MONO = 'Courier New';
const TEXT = '1D232B';
const MUTED = '5F6B78';
const RULE = 'C9D0D8';
const SOFT = 'F3F5F7';
// The app's own certainty colours (Word wants hex without the #).
const CERTAINTY_COLOR = Object.fromEntries(Object.entries(CERTAINTY_COLORS.light).map(([k, v]) => [k, v.slice(1).toUpperCase()])) as Record<Certainty, string>;
const VERDICT_COLOR: Record<string, string> = { conflicting: 'B3261E', evolving: 'A66A00' };

// A4 with one-inch margins: the width tables are laid out in, in twentieths of a point.
const PAGE_WIDTH = 11906;
const PAGE_HEIGHT = 16838;
const MARGIN = 1440;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;

interface RunStyle {
  size?: number;
  color?: string;
  font?: string;
  italics?: boolean;
  bold?: boolean;
}

function textRuns(text: string, style: RunStyle, characterStyle?: string): TextRun[] {
  // Word has no newline character: a hard break inside a paragraph is a break element.
  return cleanText(text)
    .split('\n')
    .map((line, i) => new TextRun({ text: line, break: i ? 1 : undefined, style: characterStyle, ...style }));
}

function noteRun(ref: NoteRef): ParagraphChild {
  // A figure whose passage is already cited points at that footnote by number: Word numbers footnotes
  // in reference order, so the number matches, and a second footnote would repeat the passage.
  return ref.first ? new FootnoteReferenceRun(ref.n) : new TextRun({ text: String(ref.n), superScript: true });
}

/** A run's look in Word: the paragraph's base style with the run's bold, italic and code (a monospace font). */
function runStyle(run: Run, base: RunStyle): RunStyle {
  const style: RunStyle = { ...base };
  if (run.bold) style.bold = true;
  if (run.italic) style.italics = true;
  if (run.code) style.font = MONO;
  return style;
}

function docxRuns(runs: Run[], base: RunStyle = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const run of runs) {
    if (run.note) {
      out.push(new TextRun({ text: String(run.note), superScript: true }));
      continue;
    }
    const style = runStyle(run, base);
    const href = safeHref(run.href);
    if (href) out.push(new ExternalHyperlink({ link: href, children: textRuns(run.text, style, 'Hyperlink') }));
    else out.push(...textRuns(run.text, style));
  }
  return out;
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

/** Brief Markdown as Word paragraphs; its headings sit one level under the brief's own. */
function markdownParagraphs(source: string, frame: { indent?: number; border?: IBordersOptions } = {}): Paragraph[] {
  const extraIndent = frame.indent ?? 0;
  const box = frame.border ? { border: frame.border } : {};
  return markdownBlocks(source).map((block: Block) => {
    switch (block.kind) {
      case 'heading':
        return new Paragraph({ heading: HEADINGS[Math.min(5, block.level)], children: docxRuns(block.runs), ...box, indent: { left: extraIndent } });
      case 'rule':
        return new Paragraph({ children: [], border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: RULE, space: 1 } }, indent: { left: extraIndent } });
      case 'code':
        return new Paragraph({
          children: textRuns(block.text, { font: MONO, size: 18 }),
          indent: { left: extraIndent + 360 * (block.quoteDepth + block.listDepth) },
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: SOFT },
          ...box,
        });
      case 'paragraph': {
        const left = extraIndent + 360 * (block.quoteDepth + block.listDepth);
        const children: ParagraphChild[] = [];
        if (block.bullet) children.push(new TextRun({ children: [block.bullet, new Tab()] }));
        children.push(...docxRuns(block.runs, block.quoteDepth ? { color: MUTED } : {}));
        return new Paragraph({
          children,
          ...box,
          indent: block.bullet ? { left, hanging: 360 } : { left },
          ...(block.bullet ? { tabStops: [{ type: 'left', position: left }] } : {}),
        });
      }
    }
  });
}

const CELL_MARGINS = { top: 60, bottom: 60, left: 100, right: 100 };

function cell(children: Paragraph[], width: number, header = false): TableCell {
  return new TableCell({
    children: children.length ? children : [new Paragraph('')],
    width: { size: width, type: WidthType.DXA },
    margins: CELL_MARGINS,
    ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: SOFT } } : {}),
  });
}

function cellText(children: ParagraphChild[]): Paragraph {
  return new Paragraph({ style: 'TableText', children });
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

/** A ruled table (rules between rows, none between columns) that repeats its header across pages. */
function table(widths: number[], header: string[] | null, rows: Paragraph[][][]): Table {
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: { style: BorderStyle.SINGLE, size: 8, color: TEXT },
      bottom: { style: BorderStyle.SINGLE, size: 8, color: TEXT },
      insideHorizontal: { style: BorderStyle.SINGLE, size: 4, color: RULE },
      left: NO_BORDER,
      right: NO_BORDER,
      insideVertical: NO_BORDER,
    },
    rows: [
      ...(header
        ? [
            new TableRow({
              tableHeader: true,
              cantSplit: true,
              children: header.map((h, i) => cell([cellText([new TextRun({ text: h, bold: true })])], widths[i], true)),
            }),
          ]
        : []),
      ...rows.map((cells) => new TableRow({ cantSplit: true, children: cells.map((c, i) => cell(c, widths[i])) })),
    ],
  });
}

/** Rows per piece of a long table: each piece is built, written and let go before the next. */
const TABLE_PIECE = 100;

// ---- Writing WordprocessingML a piece at a time ----
//
// The docx library builds a whole document in memory, which for thousands of claims takes gigabytes.
// Here it builds each paragraph or table as usual and turns it into its XML object with the
// library's own `prepForXml` (what its packer does for every element); `xmlText` writes that object
// as the packer does, and the pieces go straight into the zip. The parts around the body (styles,
// footer, settings) come from the library, packed once for an empty document of the same settings.

type Xmlable = Record<string, unknown>;

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

function xmlEscape(value: unknown): unknown {
  // eslint-disable-next-line no-control-regex -- XML 1.0 cannot hold these control characters: dropped, as the packer does
  return typeof value === 'string' ? value.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => XML_ESCAPES[c] ?? '') : value;
}

/**
 * The XML of an object from `prepForXml`, `{ "w:p": [{ _attr: {...} }, ...children] }`, exactly as the
 * docx packer writes it (which writes it as the `xml` package did, quirks included: a string among
 * an element's children replaces the child before it).
 */
export function xmlText(data: Xmlable): string {
  const name = Object.keys(data)[0];
  const values = name === undefined ? undefined : data[name];
  let attributes = '';
  const content: unknown[] = [];
  const addAttributes = (attr: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(attr)) attributes += ` ${key}="${String(xmlEscape(value))}"`;
  };
  if (typeof values === 'object') {
    if (values !== null) {
      const { _attr: attr, _cdata: cdata } = values as { _attr?: Record<string, unknown>; _cdata?: string };
      if (attr) addAttributes(attr);
      if (cdata) content.push(`<![CDATA[${cdata.replace(/\]\]>/g, ']]]]><![CDATA[>')}]]>`);
      if (Array.isArray(values)) {
        let isStringContent = false;
        content.push('');
        for (const value of values) {
          if (typeof value === 'object') {
            if (Object.keys(value as object)[0] === '_attr') addAttributes((value as { _attr: Record<string, unknown> })._attr);
            else content.push(xmlText(value as Xmlable));
          } else {
            content.pop();
            isStringContent = true;
            content.push(xmlEscape(value));
          }
        }
        if (!isStringContent) content.push('');
      }
    }
  } else content.push(xmlEscape(values));
  if (content.length === 0) return `<${name}${attributes}/>`;
  return `<${name}${attributes}>${content.map((child) => (child === undefined ? '' : String(child))).join('')}</${name}>`;
}

/**
 * Stands in for a part's `Relationships` while its elements are written: each link relationship the
 * library adds is written out at once (to a spool), instead of being kept for the whole document.
 */
class LinkRelationships {
  private pieces: string[] | null = null;

  constructor(private readonly write: (xml: string) => void) {}

  /** A link's relationship, written as the library writes one. */
  add(id: string, target: string): void {
    if (!this.pieces) {
      let xml = '';
      new LinkRelationships((written) => (xml = written)).addRelationship(MARK, 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink', `${MARK}target`, 'External');
      const [head, rest] = xml.split(`rId${MARK}`);
      const [middle, tail] = rest!.split(`${MARK}target`);
      this.pieces = [head!, middle!, tail!];
    }
    this.write(`${this.pieces[0]}${id}${this.pieces[1]}${String(xmlEscape(target))}${this.pieces[2]}`);
  }

  addRelationship(id: string | number, type: string, target: string, targetMode?: string): void {
    const relationship = new BuilderElement<{ id: string; type: string; target: string; targetMode?: string }>({
      name: 'Relationship',
      attributes: { id: { key: 'Id', value: `rId${id}` }, type: { key: 'Type', value: type }, target: { key: 'Target', value: target }, targetMode: { key: 'TargetMode', value: targetMode } },
    });
    this.write(xmlText(relationship.prepForXml({ stack: [] } as unknown as IContext) as Xmlable));
  }
}

/** Writes a part's elements as XML pieces, with the library's own `prepForXml`, and its links to their spool. */
class PartWriter {
  constructor(
    private readonly file: File,
    private readonly emit: (xml: string) => void,
    readonly links: LinkRelationships,
    readonly shapes: WordShapes,
  ) {}

  private context(): IContext {
    return { file: this.file, viewWrapper: { View: this.file.Document.View, Relationships: this.links }, stack: [] } as unknown as IContext;
  }

  element(element: XmlComponent): void {
    this.emit(xmlText(element.prepForXml(this.context()) as Xmlable));
  }

  /** XML already written (by `shapes`). */
  raw(xml: string): void {
    this.emit(xml);
  }

  /** A table: its properties and header row from the library, then each row's cells (paragraphs already written). */
  async table(header: string[], fractions: number[], rows: Iterable<string[]> | AsyncIterable<string[]>, pause: () => Promise<void>): Promise<void> {
    const total = fractions.reduce((a, b) => a + b, 0);
    const widths = fractions.map((f) => Math.floor((CONTENT_WIDTH * f) / total));
    const head = xmlText(table(widths, header, []).prepForXml(this.context()) as Xmlable);
    this.emit(head.slice(0, head.lastIndexOf('</w:tbl>')));
    let count = 0;
    for await (const cells of rows) {
      this.emit(this.shapes.row(widths, cells));
      if (++count % TABLE_PIECE === 0) await pause();
    }
    this.emit('</w:tbl>');
  }

  /** A table cell's paragraph (style TableText) around runs already written. */
  cellParagraph(runs: string): string {
    return this.shapes.paragraph({ style: 'TableText' }, runs);
  }
}

// A placeholder the library writes unchanged (no character it escapes), and a number it writes as is.
const MARK = 'dossierplaceholder';
const MARK_NUMBER = 987654321;

/** The library's rule for a link's fragment: written as the hyperlink's anchor when short enough. */
function linkParts(link: string): { target: string; anchor: string | null } {
  const index = link.indexOf('#');
  const fragment = link.length - index - 1;
  return index > 0 && fragment > 0 && fragment <= 255 ? { target: link.slice(0, index), anchor: link.slice(index + 1) } : { target: link, anchor: null };
}

/**
 * XML for what a long brief repeats thousands of times (runs, claim and table paragraphs, table rows,
 * links, footnotes): the docx library writes each shape once, with placeholders, and each occurrence
 * fills them with its own escaped text. Every tag and attribute is still the library's; a brief of
 * 50,000 claims costs string joins instead of 50,000 element trees for the garbage collector.
 */
class WordShapes {
  private readonly cache = new Map<string, string[]>();
  private linkCount = 0;
  private readonly runMark: string;

  constructor(private readonly file: File) {
    this.runMark = this.xml(new TextRun(MARK));
  }

  private xml(element: XmlComponent, onLink?: (id: string) => void): string {
    const relationships = { addRelationship: (id: string | number) => onLink?.(`rId${id}`) };
    return xmlText(element.prepForXml({ file: this.file, viewWrapper: { View: this.file.Document.View, Relationships: relationships }, stack: [] } as unknown as IContext) as Xmlable);
  }

  /** The pieces of a shape's XML between its placeholders, made once per key. */
  private shape(key: string, make: () => { xml: string; marks: string[] }): string[] {
    let pieces = this.cache.get(key);
    if (!pieces) {
      const { xml, marks } = make();
      pieces = [];
      let rest = xml;
      for (const mark of marks) {
        const at = rest.indexOf(mark);
        if (at < 0) throw new Error(`Word export: the library's XML for ${key} lost a placeholder`);
        pieces.push(rest.slice(0, at));
        rest = rest.slice(at + mark.length);
      }
      pieces.push(rest);
      this.cache.set(key, pieces);
    }
    return pieces;
  }

  private static fill(pieces: string[], values: string[]): string {
    let out = pieces[0]!;
    for (let i = 0; i < values.length; i++) out += values[i]! + pieces[i + 1]!;
    return out;
  }

  /** A run of text in one style (`TextRun`). */
  run(text: string, options: Omit<ConstructorParameters<typeof TextRun>[0] & object, 'text'>): string {
    const pieces = this.shape(`run ${JSON.stringify(options)}`, () => ({ xml: this.xml(new TextRun({ ...options, text: MARK })), marks: [MARK] }));
    return WordShapes.fill(pieces, [String(xmlEscape(text))]);
  }

  /** A paragraph around runs already written (`Paragraph` with `children`). */
  paragraph(options: Omit<ConstructorParameters<typeof Paragraph>[0] & object, 'children'>, children: string): string {
    // With no runs the library writes the paragraph differently (possibly as an empty element).
    if (!children) return this.xml(new Paragraph({ ...options, children: [] }));
    const pieces = this.shape(`paragraph ${JSON.stringify(options)}`, () => ({ xml: this.xml(new Paragraph({ ...options, children: [new TextRun(MARK)] })), marks: [this.runMark] }));
    return WordShapes.fill(pieces, [children]);
  }

  /** A link around runs already written (`ExternalHyperlink`); its relationship goes to `links`. */
  hyperlink(link: string, children: string, links: LinkRelationships): string {
    const { target, anchor } = linkParts(link);
    let linkId = '';
    const pieces = this.shape(`hyperlink ${anchor === null ? 'plain' : 'anchored'}`, () => {
      const xml = this.xml(new Paragraph({ children: [new ExternalHyperlink({ link: anchor === null ? `https://${MARK}.invalid/` : `https://${MARK}.invalid/#${MARK}anchor`, children: [new TextRun(MARK)] })] }), (id) => (linkId = id));
      const link = xml.slice(xml.indexOf('<w:hyperlink'), xml.lastIndexOf('</w:hyperlink>') + '</w:hyperlink>'.length);
      return { xml: link, marks: anchor === null ? [linkId, this.runMark] : [`${MARK}anchor`, linkId, this.runMark] };
    });
    const id = `rId${(++this.linkCount).toString(36).padStart(21, 'l')}`;
    links.add(id, target);
    return WordShapes.fill(pieces, anchor === null ? [id, children] : [String(xmlEscape(anchor)), id, children]);
  }

  /** A footnote's number in the text (`FootnoteReferenceRun`). */
  footnoteReference(n: number): string {
    const pieces = this.shape('footnote reference', () => ({ xml: this.xml(new FootnoteReferenceRun(MARK_NUMBER)), marks: [String(MARK_NUMBER)] }));
    return WordShapes.fill(pieces, [String(n)]);
  }

  /** A table row of cells, each holding paragraphs already written, in a table of `widths`. */
  row(widths: number[], cells: string[]): string {
    const marks = widths.map((_, i) => this.xml(cellText([new TextRun(`${MARK}cell${i}x`)])));
    const pieces = this.shape(`row ${widths.join(',')}`, () => {
      const xml = this.xml(table(widths, null, [widths.map((_, i) => [cellText([new TextRun(`${MARK}cell${i}x`)])])]));
      return { xml: xml.slice(xml.indexOf('<w:tr>'), xml.lastIndexOf('</w:tr>') + '</w:tr>'.length), marks };
    });
    return WordShapes.fill(pieces, cells);
  }

  /** A footnote whose one paragraph holds runs already written; the library puts the note's own number first. */
  footnote(n: number, runs: string): string {
    const pieces = this.shape('footnote', () => {
      const notes = new FootNotes();
      notes.createFootNote(MARK_NUMBER, [new Paragraph({ style: 'FootnoteText', children: [new TextRun(MARK)] })]);
      const xml = notes.prepForXml({ file: this.file, viewWrapper: { View: this.file.Document.View, Relationships: { addRelationship: () => {} } }, stack: [] } as unknown as IContext) as Xmlable;
      const note = (xml['w:footnotes'] as Xmlable[]).map(xmlText).find((x) => x.includes(String(MARK_NUMBER)))!;
      return { xml: note, marks: [String(MARK_NUMBER), this.runMark] };
    });
    return WordShapes.fill(pieces, [String(n), runs]);
  }

  // ---- The brief's runs, as `textRuns`, `noteRun` and `docxRuns` make them ----

  textRuns(text: string, style: RunStyle, characterStyle?: string): string {
    return cleanText(text)
      .split('\n')
      .map((line, i) => this.run(line, { break: i ? 1 : undefined, style: characterStyle, ...style }))
      .join('');
  }

  noteRun(ref: NoteRef): string {
    return ref.first ? this.footnoteReference(ref.n) : this.run(String(ref.n), { superScript: true });
  }

  runs(runs: Run[], links: LinkRelationships, base: RunStyle = {}): string {
    let out = '';
    for (const run of runs) {
      if (run.note) {
        out += this.run(String(run.note), { superScript: true });
        continue;
      }
      const style = runStyle(run, base);
      const href = safeHref(run.href);
      out += href ? this.hyperlink(href, this.textRuns(run.text, style, 'Hyperlink'), links) : this.textRuns(run.text, style);
    }
    return out;
  }
}

function documentOptions(title: string, generated: string | null, body: Array<Paragraph | Table>, footnotes: Record<string, { children: Paragraph[] }>): ConstructorParameters<typeof Document>[0] {
  return {
    creator: 'Dossier',
    title,
    description: `Research brief${generated ? ` generated ${generated}` : ''}`,
    features: { updateFields: false },
    styles: {
      default: {
        document: { run: { font: SERIF, size: 22, color: TEXT }, paragraph: { spacing: { after: 120, line: 288, lineRule: LineRuleType.AUTO } } },
        title: { run: { font: SANS, size: 44, bold: true, color: TEXT }, paragraph: { spacing: { after: 80, line: 264, lineRule: LineRuleType.AUTO } } },
        heading1: { run: { font: SANS, size: 30, bold: true, color: TEXT }, paragraph: { spacing: { before: 360, after: 120 }, keepNext: true } },
        heading2: { run: { font: SANS, size: 26, bold: true, color: TEXT }, paragraph: { spacing: { before: 280, after: 100 }, keepNext: true } },
        heading3: { run: { font: SANS, size: 23, bold: true, color: TEXT }, paragraph: { spacing: { before: 240, after: 80 }, keepNext: true } },
        heading4: { run: { font: SANS, size: 22, bold: true, color: TEXT }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } },
        hyperlink: { run: { color: '2F5D8A', underline: {} } },
        footnoteText: { run: { font: SERIF, size: 17, color: TEXT }, paragraph: { spacing: { after: 60, line: 240, lineRule: LineRuleType.AUTO } } },
      },
      paragraphStyles: [
        { id: 'BriefMeta', name: 'Brief Meta', basedOn: 'Normal', run: { font: SANS, size: 18, color: MUTED }, paragraph: { spacing: { after: 360 } } },
        { id: 'ClaimText', name: 'Claim', basedOn: 'Normal', paragraph: { indent: { left: 200 }, spacing: { before: 160, after: 20 } } },
        { id: 'ClaimDetails', name: 'Claim Details', basedOn: 'Normal', run: { font: SANS, size: 16, color: MUTED }, paragraph: { indent: { left: 200 }, spacing: { after: 160 } } },
        { id: 'TableText', name: 'Table Text', basedOn: 'Normal', run: { font: SANS, size: 17 }, paragraph: { spacing: { before: 0, after: 0, line: 252, lineRule: LineRuleType.AUTO } } },
      ],
    },
    footnotes,
    sections: [
      {
        properties: { page: { size: { width: PAGE_WIDTH, height: PAGE_HEIGHT }, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [`${title} · `, PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES], font: SANS, size: 16, color: MUTED })],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  };
}

/** The title and the line under it. */
function titleBlock(title: string, generated: string | null): Paragraph[] {
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] }),
    new Paragraph({
      style: 'BriefMeta',
      children: [new TextRun(`Research brief${generated ? ` · generated ${generated}` : ''}`)],
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: TEXT, space: 8 } },
    }),
  ];
}

/** One item of the brief as Word elements, through `part`. */
async function writeItem(part: PartWriter, item: PlannedItem, pause: () => Promise<void>): Promise<void> {
  switch (item.type) {
    case 'heading':
      part.element(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(oneLine(item.text))] }));
      break;
    case 'text':
      for (const paragraph of markdownParagraphs(item.markdown)) part.element(paragraph);
      break;
    case 'claim': {
      const { claim } = item;
      const { shapes } = part;
      // Both paragraphs share the same left rule, which Word draws as one bar beside the claim.
      const border = { left: { style: BorderStyle.SINGLE, size: 18, color: CERTAINTY_COLOR[claim.certainty] ?? MUTED, space: 8 } };
      part.raw(shapes.paragraph({ style: 'ClaimText', border, keepNext: true, keepLines: true }, shapes.run(oneLine(claim.text), {}) + shapes.noteRun(item.note)));
      part.raw(shapes.paragraph({ style: 'ClaimDetails', border, keepLines: true }, shapes.runs(claimDetails(claim), part.links)));
      break;
    }
    case 'note': {
      const border = { left: { style: BorderStyle.SINGLE, size: 18, color: RULE, space: 8 } };
      const label: ParagraphChild[] = [new TextRun({ text: 'NOTE', bold: true, font: SANS, size: 16, color: MUTED, characterSpacing: 20 })];
      if (item.note) label.push(noteRun(item.note));
      part.element(new Paragraph({ children: label, border, indent: { left: 200 }, keepNext: true, spacing: { before: 120, after: 60 } }));
      for (const paragraph of markdownParagraphs(item.markdown, { indent: 200, border })) part.element(paragraph);
      break;
    }
    case 'group': {
      const { group } = item;
      const reason = oneLine(group.reason);
      part.element(
        new Paragraph({
          keepNext: true,
          spacing: { before: 160, after: 80 },
          children: [
            new TextRun({ text: groupTitle(group), bold: true, font: SANS, size: 20 }),
            new TextRun({ text: ' · Verdict: ', font: SANS, size: 20, color: MUTED }),
            new TextRun({ text: VERDICT_LABEL[group.verdict], bold: true, font: SANS, size: 20, color: VERDICT_COLOR[group.verdict] ?? TEXT }),
            ...(reason ? [new TextRun({ text: ` — ${reason}`, font: SANS, size: 20, color: MUTED })] : []),
          ],
        }),
      );
      const { shapes } = part;
      await part.table(
        ['Source', 'Figure', 'Via'],
        [3, 2, 3],
        group.members.map((m, i) => [
          part.cellParagraph(shapes.run(memberSource(m), {})),
          part.cellParagraph(shapes.run(oneLine(m.quantityText), {}) + shapes.noteRun(item.notes[i])),
          part.cellParagraph(shapes.run(memberVia(m), {})),
        ]),
        pause,
      );
      part.element(new Paragraph({ children: [], spacing: { after: 60 } }));
      break;
    }
  }
}

/** Streams the entries of a zip file into `out`, deflating each as it is written. */
class ZipStream {
  private readonly zip: Zip;
  private failure: Error | null = null;

  constructor(out: ExportOutput) {
    this.zip = new Zip((error, data) => {
      if (error) this.failure ??= error;
      else out.write(data);
    });
  }

  /** An entry written in pieces; text is gathered into blocks of about 256 kB before it is deflated. */
  entry(path: string): { write(text: string): void; end(): void } {
    const file = new ZipDeflate(path, { level: 6 });
    this.zip.add(file);
    const encoder = new TextEncoder();
    let pending: string[] = [];
    let size = 0;
    const push = (final: boolean) => {
      file.push(encoder.encode(pending.join('')), final);
      pending = [];
      size = 0;
      if (this.failure) throw this.failure;
    };
    return {
      write(text) {
        pending.push(text);
        size += text.length;
        if (size >= 1 << 18) push(false);
      },
      end: () => push(true),
    };
  }

  file(path: string, data: Uint8Array): void {
    const file = new ZipDeflate(path, { level: 6 });
    this.zip.add(file);
    file.push(data, true);
    if (this.failure) throw this.failure;
  }

  end(): void {
    this.zip.end();
    if (this.failure) throw this.failure;
  }
}

/** The parts the brief's content goes into; every other part comes from the library unchanged. */
const STREAMED_PARTS = ['word/document.xml', 'word/_rels/document.xml.rels', 'word/footnotes.xml', 'word/_rels/footnotes.xml.rels'];

/** Splits a part before the closing tag of its root element (opening it, when the library wrote it empty). */
function aroundContent(xml: string, root: string): [string, string] {
  const close = `</${root}>`;
  const at = xml.lastIndexOf(close);
  if (at >= 0) return [xml.slice(0, at), xml.slice(at)];
  if (xml.endsWith('/>') && xml.lastIndexOf(`<${root}`) >= 0) return [`${xml.slice(0, -2)}>`, close];
  throw new Error(`Word export: the library wrote no ${root} element`);
}

export async function toDocx(brief: ResolvedBrief): Promise<Uint8Array> {
  const out = new MemoryOutput();
  await writeDocx(streamOf(brief), out);
  return out.bytes();
}

/**
 * Writes the brief into a Word file as its items arrive: the body streams into the zip, and the
 * footnotes and link relationships wait in spools on disk until the body is done.
 */
export async function writeDocx(brief: StreamedBrief, out: ExportOutput): Promise<void> {
  const title = briefTitle(brief.title);
  const generated = formatDate(brief.generatedAt, true);
  // An empty document with the brief's settings: its parts are the frame the content is written into.
  const frame = new Document(documentOptions(title, generated, [], {}));
  const parts = unzipSync(await Packer.pack(frame, 'uint8array'));
  const text = (path: string) => strFromU8(parts[path]!);

  const zip = new ZipStream(out);
  const pause = () => out.flush();
  for (const [path, data] of Object.entries(parts)) if (!STREAMED_PARTS.includes(path)) zip.file(path, data);

  const bodyLinks = out.spool();
  const notes = out.spool();
  const noteLinks = out.spool();
  const shapes = new WordShapes(frame);
  const footnoteLinks = new LinkRelationships((xml) => noteLinks.write(xml));
  const planner = new BriefPlanner(({ n, citation }) => notes.write(shapes.footnote(n, shapes.run(' ', {}) + shapes.runs(citationRuns(citation), footnoteLinks))));

  const documentXmlFrame = text('word/document.xml');
  const sections = documentXmlFrame.lastIndexOf('<w:sectPr');
  if (sections < 0) throw new Error('Word export: the library wrote no section properties');
  const [documentHead, documentTail] = [documentXmlFrame.slice(0, sections), documentXmlFrame.slice(sections)];
  const documentXml = zip.entry('word/document.xml');
  documentXml.write(documentHead);
  const body = new PartWriter(frame, (xml) => documentXml.write(xml), new LinkRelationships((xml) => bodyLinks.write(xml)), shapes);
  for (const paragraph of titleBlock(title, generated)) body.element(paragraph);
  for await (const item of brief.items) {
    await writeItem(body, planner.item(item), pause);
    await out.flush();
  }

  const disputes = await peek(brief.disputes());
  if (disputes) {
    body.element(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Figures in dispute')] }));
    await body.table(
      ['Figure', 'Unit', 'Verdict', 'Reason', 'Figures given'],
      [1.6, 1, 1.1, 2.6, 2.8],
      mapEach(disputes, (disputed) => {
        const { group, notes: refs } = planner.dispute(disputed);
        return [
          body.cellParagraph(shapes.run(oneLine(group.label), {})),
          body.cellParagraph(shapes.run(oneLine(group.unit ?? '') || '—', {})),
          body.cellParagraph(shapes.run(VERDICT_LABEL[group.verdict], { bold: true, color: VERDICT_COLOR[group.verdict] ?? TEXT })),
          body.cellParagraph(shapes.run(oneLine(group.reason), {})),
          group.members.map((m, i) => body.cellParagraph(shapes.run(`${oneLine(m.quantityText)} (${memberSource(m)})`, {}) + shapes.noteRun(refs[i]))).join(''),
        ];
      }),
      pause,
    );
    await out.flush();
  }

  const bibliography = formatBibliography(planner.sources(brief.sources()));
  if (bibliography.length) {
    body.element(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Sources')] }));
    bibliography.forEach((entry, i) => body.element(new Paragraph({ spacing: { after: 80 }, indent: { left: 360, hanging: 360 }, children: [new TextRun(`${i + 1}.\t`), ...docxRuns(entry.runs)] })));
  }
  documentXml.write(documentTail);
  documentXml.end();
  await out.flush();

  const copy = async (entry: { write(text: string): void }, spool: Spool) => {
    for await (const chunk of spool.chunks()) {
      entry.write(chunk);
      await out.flush();
    }
  };
  for (const [path, spool, root] of [
    ['word/_rels/document.xml.rels', bodyLinks, 'Relationships'],
    ['word/footnotes.xml', notes, 'w:footnotes'],
    ['word/_rels/footnotes.xml.rels', noteLinks, 'Relationships'],
  ] as const) {
    if (!spool.count) {
      zip.file(path, parts[path]!);
      continue;
    }
    const [head, tail] = aroundContent(text(path), root);
    const entry = zip.entry(path);
    entry.write(head);
    await copy(entry, spool);
    entry.write(tail);
    entry.end();
  }
  zip.end();
  await out.flush();
}
