// Builds real Word files for the import tests with the `docx` library: a report with a title, a running
// header, page numbers in the footer, headings, paragraphs with footnotes, bulleted and numbered lists
// and a table, optionally set in two columns with automatic hyphenation. The same report is also given
// as clean plain text, so what comes out of the Word file (or of its PDF) can be checked against it.
import {
  AlignmentType,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

export type ReportBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'bullets'; items: string[] }
  | { kind: 'numbered'; items: string[] }
  | { kind: 'table'; rows: string[][] };

export interface WordReport {
  title: string;
  /** Running header text, printed on every page. */
  header: string;
  columns: 1 | 2;
  blocks: ReportBlock[];
  /** Notes by number; a paragraph or list item cites one as "[^1]" straight after a word or stop. */
  notes: Record<string, string>;
}

const NOTE_REF = /\[\^(\d+)\]/g;

/** Text runs of a paragraph, with its "[^n]" marks as real footnote references. */
function runs(text: string): Array<TextRun | FootnoteReferenceRun> {
  const children: Array<TextRun | FootnoteReferenceRun> = [];
  let at = 0;
  for (const match of text.matchAll(NOTE_REF)) {
    if (match.index > at) children.push(new TextRun(text.slice(at, match.index)));
    children.push(new FootnoteReferenceRun(Number(match[1])));
    at = match.index + match[0].length;
  }
  if (at < text.length) children.push(new TextRun(text.slice(at)));
  return children;
}

export async function renderWordReport(report: WordReport): Promise<Uint8Array> {
  const body: Array<Paragraph | Table> = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(report.title)] })];
  for (const block of report.blocks) {
    if (block.kind === 'heading') body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(block.text)] }));
    else if (block.kind === 'paragraph') body.push(new Paragraph({ children: runs(block.text), alignment: AlignmentType.JUSTIFIED }));
    else if (block.kind === 'bullets') for (const item of block.items) body.push(new Paragraph({ children: runs(item), bullet: { level: 0 } }));
    else if (block.kind === 'numbered') {
      for (const item of block.items) body.push(new Paragraph({ children: runs(item), numbering: { reference: 'steps', level: 0 } }));
    } else {
      body.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: block.rows.map((row) => new TableRow({ children: row.map((cell) => new TableCell({ children: [new Paragraph(cell)] })) })),
        }),
      );
    }
  }
  const document = new Document({
    title: report.title,
    creator: 'Dossier tests',
    hyphenation: { autoHyphenation: true },
    styles: { default: { document: { run: { font: 'Liberation Serif', size: 21 }, paragraph: { spacing: { after: 120 } } } } },
    numbering: {
      config: [{ reference: 'steps', levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 400, hanging: 300 } } },
            },
          ], }],
    },
    footnotes: Object.fromEntries(Object.entries(report.notes).map(([id, note]) => [id, { children: [new Paragraph(note)] }])),
    sections: [
      {
        properties: {
          // A5 pages, so the text runs over more than one page and sentences cross page breaks.
          page: { size: { width: 8391, height: 11906 }, margin: { top: 1000, bottom: 1000, left: 850, right: 850, header: 500, footer: 500 } },
          ...(report.columns === 2 ? { column: { count: 2, space: 400, equalWidth: true } } : {}),
        },
        headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun(report.header)], alignment: AlignmentType.RIGHT })] }) },
        footers: {
          default: new Footer({ children: [new Paragraph({ children: [new TextRun({ children: [PageNumber.CURRENT] })], alignment: AlignmentType.CENTER })] }),
        },
        children: body,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** The same report as clean text: one paragraph per line group, lists with "- " or "1. ", tables tab-separated, no notes. */
export function reportAsText(report: WordReport): string {
  const parts = [report.title];
  for (const block of report.blocks) {
    if (block.kind === 'heading' || block.kind === 'paragraph') parts.push(block.text.replace(NOTE_REF, ''));
    else if (block.kind === 'bullets') parts.push(block.items.map((item) => `- ${item.replace(NOTE_REF, '')}`).join('\n'));
    else if (block.kind === 'numbered') parts.push(block.items.map((item, i) => `${i + 1}. ${item.replace(NOTE_REF, '')}`).join('\n'));
    else parts.push(block.rows.map((row) => row.join('\t')).join('\n'));
  }
  return `${parts.join('\n\n')}\n`;
}
