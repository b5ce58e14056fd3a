// Generates two-column report PDFs with pdfkit for the layout tests and the import benchmark: a title
// block, running header, page numbers, headings, paragraphs broken across lines, columns and pages
// (words hyphenated at marked points), superscript note markers with notes at the column foot, bulleted
// lists and tables. Returns the lines it drew, so a test can check that a phenomenon really occurs.
import PDFDocument from 'pdfkit';

export type SampleBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; rows: string[][] };

export interface SampleReport {
  title: string;
  header: string;
  blocks: SampleBlock[];
  /** Notes by marker; a paragraph cites one as "[^1]". */
  notes: Record<string, string>;
}

export interface DrawnLine {
  page: number;
  column: number;
  text: string;
}

const PAGE = { width: 612, height: 792, margin: 54, gutter: 18 };
const BODY = 10;
const LEADING = 12.5;
const NOTE = 7.5;
const SOFT_HYPHEN = '\u00ad';

interface Word {
  text: string;
  /** Note markers set raised after this word. */
  marks: string[];
}

function words(text: string): Word[] {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((token) => {
      const marks: string[] = [];
      const bare = token.replace(/\[\^(\w+)\]/g, (_, mark: string) => {
        marks.push(mark);
        return '';
      });
      return { text: bare, marks };
    });
}

export async function renderSampleReport(report: SampleReport): Promise<{ pdf: Uint8Array; lines: DrawnLine[] }> {
  const doc = new PDFDocument({ size: [PAGE.width, PAGE.height], margin: 0, autoFirstPage: false, info: { Title: '' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));

  const lines: DrawnLine[] = [];
  const columnWidth = (PAGE.width - 2 * PAGE.margin - PAGE.gutter) / 2;
  let page = 0;
  let column = 0;
  let y = 0;
  let columnTop = 0;
  let notesHere: string[] = [];
  let notesHeight = 0;
  const bottom = () => PAGE.height - PAGE.margin - notesHeight;
  const x = () => PAGE.margin + column * (columnWidth + PAGE.gutter);

  const noteLines = (text: string): string[] => breakWords(words(text), columnWidth - 8, NOTE, 'Helvetica').map((l) => l.text);
  const flushNotes = () => {
    let noteY = PAGE.height - PAGE.margin - notesHeight + 6;
    for (const mark of notesHere) {
      doc.font('Helvetica').fontSize(5).text(mark, x(), noteY - 2, { lineBreak: false });
      noteLines(report.notes[mark]).forEach((text, index) => {
        doc.font('Helvetica').fontSize(NOTE).text(text, x() + (index === 0 ? 5 : 0), noteY, { lineBreak: false });
        lines.push({ page, column, text: index === 0 ? `${mark} ${text}` : text });
        noteY += NOTE * 1.25;
      });
    }
    notesHere = [];
    notesHeight = 0;
  };
  const newPage = () => {
    doc.addPage();
    page++;
    doc.font('Helvetica').fontSize(8).text(report.header, PAGE.margin, 28, { lineBreak: false });
    doc.font('Helvetica').fontSize(8).text(String(page), PAGE.width / 2 - 4, PAGE.height - 30, { lineBreak: false });
    column = 0;
    y = PAGE.margin;
    if (page === 1) {
      doc.font('Helvetica-Bold').fontSize(20).text(report.title, PAGE.margin, y, { width: PAGE.width - 2 * PAGE.margin });
      y = doc.y + 18;
    }
    columnTop = y;
  };
  const nextColumn = () => {
    flushNotes();
    if (column === 0) {
      column = 1;
      y = columnTop;
    } else newPage();
  };
  const room = (height: number) => {
    if (y + height > bottom()) nextColumn();
  };

  const drawLine = (line: BrokenLine, font: string, size: number, indent = 0) => {
    room(LEADING);
    let cursor = x() + indent;
    for (const piece of line.pieces) {
      doc.font(font).fontSize(size).text(piece.text, cursor, y, { lineBreak: false });
      cursor += doc.widthOfString(piece.text);
      for (const mark of piece.marks) {
        doc.font('Helvetica').fontSize(6).text(mark, cursor, y, { lineBreak: false });
        cursor += doc.widthOfString(mark);
        notesHere.push(mark);
        notesHeight += noteLines(report.notes[mark]).length * NOTE * 1.25 + 4;
      }
      cursor += doc.font(font).fontSize(size).widthOfString(' ');
    }
    lines.push({ page, column, text: line.text });
    y += LEADING;
  };

  newPage();
  for (const block of report.blocks) {
    if (block.kind === 'heading') {
      room(LEADING * 3);
      y += 6;
      for (const line of breakWords(words(block.text), columnWidth, 12, 'Helvetica-Bold')) drawLine(line, 'Helvetica-Bold', 12);
      y += 2;
    } else if (block.kind === 'paragraph') {
      for (const line of breakWords(words(block.text), columnWidth, BODY, 'Helvetica')) drawLine(line, 'Helvetica', BODY);
      y += 6;
    } else if (block.kind === 'list') {
      for (const item of block.items) {
        breakWords(words(item), columnWidth - 12, BODY, 'Helvetica').forEach((line, index) => {
          if (index === 0) {
            room(LEADING);
            doc.font('Helvetica').fontSize(BODY).text('•', x(), y, { lineBreak: false });
          }
          drawLine(line, 'Helvetica', BODY, 12);
        });
      }
      y += 6;
    } else {
      room(LEADING * block.rows.length);
      const cellWidth = columnWidth / block.rows[0].length;
      for (const row of block.rows) {
        row.forEach((cell, index) => doc.font('Helvetica').fontSize(9).text(cell, x() + index * cellWidth, y, { lineBreak: false }));
        lines.push({ page, column, text: row.join(' | ') });
        y += LEADING;
      }
      y += 6;
    }
  }
  flushNotes();
  doc.end();
  await done;
  return { pdf: new Uint8Array(Buffer.concat(chunks)), lines };
}

interface BrokenLine {
  text: string;
  pieces: Word[];
}

let measurer: PDFKit.PDFDocument | null = null;
function widthOf(text: string, font: string, size: number): number {
  measurer ??= new PDFDocument({ autoFirstPage: false });
  return measurer.font(font).fontSize(size).widthOfString(text);
}

/** Greedy line breaking; a word that does not fit is split at a marked hyphenation point or after a hyphen. */
function breakWords(input: Word[], width: number, size: number, font: string): BrokenLine[] {
  const out: BrokenLine[] = [];
  let pieces: Word[] = [];
  const lineText = (list: Word[]) => list.map((w) => w.text).join(' ');
  const fits = (list: Word[]) => widthOf(lineText(list), font, size) <= width;
  const queue = input.map((w) => ({ ...w }));
  while (queue.length) {
    const word = queue.shift()!;
    const plain = { ...word, text: word.text.replaceAll(SOFT_HYPHEN, '') };
    if (fits([...pieces, plain])) {
      pieces.push(plain);
      continue;
    }
    // Try the latest split point (marked soft hyphen, or a hyphen inside a compound) that fits.
    const points = [...word.text.matchAll(/\u00ad|-(?=\p{L})/gu)].map((m) => m.index!).reverse();
    // Long plain words may break after their third letter or later, keeping three letters over.
    if (!points.length && /^\p{Ll}{7,}$/u.test(word.text)) {
      for (let at = word.text.length - 3; at >= 3; at--) points.push(at);
    }
    let split = false;
    const marked = word.text.includes(SOFT_HYPHEN) || word.text.includes('-');
    for (const at of points) {
      const head = word.text.slice(0, at).replaceAll(SOFT_HYPHEN, '') + '-';
      // A marked point (soft hyphen, compound hyphen) is dropped from the rest; a plain one is not.
      const rest = marked ? word.text.slice(at + 1) : word.text.slice(at);
      if (fits([...pieces, { text: head, marks: [] }])) {
        pieces.push({ text: head, marks: [] });
        queue.unshift({ text: rest, marks: word.marks });
        split = true;
        break;
      }
    }
    if (pieces.length) out.push({ text: lineText(pieces), pieces });
    pieces = split ? [] : [plain];
  }
  if (pieces.length) out.push({ text: lineText(pieces), pieces });
  return out;
}
