// PDF layout analysis, one phenomenon at a time, on two-column reports generated with pdfkit (running
// header, page numbers, notes at the column foot, hyphenation, lists, a table), on a sample article
// printed by LibreOffice, and on the real PDFs in ../shared/formats/pdf (skipped when absent).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../../../shared/types/ingest.ts';
import { extractDocument } from '../../../electron/services/ingest/index.ts';
import { extractPdf } from '../../../electron/services/ingest/pdf.ts';
import { pageAt } from '../../../electron/services/briefs/brief-service.ts';
import { renderSampleReport, type DrawnLine } from '../../../scripts/sample-pdf.ts';
import { longSampleReport } from '../../../scripts/sample-report.ts';
import { sharedFolder, writePdf, type PdfRun } from './helpers.ts';

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const plain = (text: string) => squash(text.replace(/\u00ad/g, '').replace(/\[\^\w+\]/g, ''));

describe('layout of a generated two-column report', () => {
  const report = longSampleReport(3);
  let doc: ExtractedDocument;
  let blocks: Awaited<ReturnType<typeof extractPdf>>['blocks'];
  let drawn: DrawnLine[];

  beforeAll(async () => {
    const rendered = await renderSampleReport(report);
    drawn = rendered.lines;
    doc = await extractDocument({ name: 'report.pdf', bytes: rendered.pdf });
    blocks = (await extractPdf('report.pdf', rendered.pdf, 1e7)).blocks;
  }, 60_000);

  it('reads the title block first and takes it as the title', () => {
    expect(doc.meta.title).toBe(report.title);
    expect(doc.text.startsWith(`${report.title}\n\n`)).toBe(true);
    expect(blocks[0]).toMatchObject({ kind: 'title', start: 0 });
  });

  it('joins every paragraph whole across line ends, columns and pages', () => {
    const text = squash(doc.text);
    const paragraphs = report.blocks.flatMap((block) => (block.kind === 'paragraph' ? [plain(block.text)] : []));
    for (const paragraph of paragraphs) expect(text).toContain(paragraph);
    // The report really breaks paragraphs over columns and pages.
    expect(new Set(drawn.map((line) => `${line.page}/${line.column}`)).size).toBeGreaterThanOrEqual(4);
  });

  it('rejoins words broken at a line end and keeps real compounds', () => {
    const broken = drawn.filter((line) => /\p{L}-$/u.test(line.text));
    expect(broken.length).toBeGreaterThan(0);
    expect(doc.text).not.toMatch(/\p{L}- \p{L}/u);
    expect(doc.text).toContain('Year-over-year');
    expect(doc.text).toContain('long-run');
    expect(doc.text).toContain('without a reservation');
  });

  it('moves the running header and page numbers out of the text into the page map', () => {
    expect(doc.text).not.toContain(report.header);
    expect(doc.text).not.toMatch(/^\d+$/m);
    const firstSpans = new Map<number, string[]>();
    for (const span of doc.pages!) if (span.furniture) firstSpans.set(span.page, span.furniture);
    const pageCount = Math.max(...drawn.map((line) => line.page));
    for (let page = 1; page <= pageCount; page++) {
      expect(firstSpans.get(page)).toEqual(expect.arrayContaining([report.header, String(page)]));
    }
  });

  it('detaches note markers from words and keeps the notes as footnote blocks after their page text', () => {
    expect(doc.text).not.toMatch(/years\.1|dollars\.2/);
    expect(doc.text).toContain('in normal years. Waiting times');
    const notes = blocks.filter((block) => block.kind === 'footnote');
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) {
      expect(note.marker).toMatch(/^[12]$/);
      expect(report.notes[note.marker!]).toBe(squash(doc.text.slice(note.start, note.end)).replace(/^\d+ /, ''));
    }
  });

  it('keeps headings, list items and tables as blocks of their own', () => {
    const kinds = (kind: string) => blocks.filter((block) => block.kind === kind);
    expect(kinds('heading').map((block) => doc.text.slice(block.start, block.end))).toContain('Who was affected');
    const items = kinds('list-item').map((block) => doc.text.slice(block.start, block.end));
    expect(items).toContain('• Container lines moved about 5 percent of their Asia to East Coast cargo onto rail across the United States.');
    const table = kinds('table')[0];
    expect(table.rows!.map((row) => row.map((cell) => doc.text.slice(cell.start, cell.end)))).toEqual([
      ['Month', 'Daily transits', 'Draft limit'],
      ['June', '32', '44 ft'],
      ['November', '24', '44 ft'],
      ['February', '24', '44 ft'],
    ]);
  });

  it('cites each passage on the page it is printed on', () => {
    const secondPage = drawn.find((line) => line.page === 2 && line.text.length > 40 && !/-$/.test(line.text))!;
    const at = doc.text.indexOf(secondPage.text);
    expect(at).toBeGreaterThan(0);
    expect(pageAt(doc.pages, at)).toBe(2);
    const onFirst = doc.text.indexOf(drawn.find((line) => line.page === 1 && line.text.length > 40)!.text);
    expect(pageAt(doc.pages, onFirst)).toBe(1);
  });
});

describe('title of a periodical page', () => {
  // A bulletin's first page: a masthead (the publication, its section in large type, volume and date),
  // the issuing office in bold, then the notice's own title in bold at body size above its text. Later
  // pages repeat the masthead's items in one running head.
  const body = [
    'The bureau will close the upper deck of the harbor bridge to all traffic on four nights',
    'in April so that crews can replace the expansion joints installed in 1987. Each closure',
    'starts at 10 p.m. and ends at 5 a.m. the next morning, when the deck opens again.',
    'Buses on the two night routes that cross the bridge will use the lower deck instead.',
  ];
  const masthead = (page: number): PdfRun[] =>
    page === 1
      ? [
          { text: 'Service Changes', x: 45, y: 723, size: 18 },
          { text: 'Harbor City Bulletin', x: 400, y: 727, size: 8 },
          { text: 'Vol. 12, No. 7', x: 400, y: 712, size: 8 },
          { text: 'Monday, March 4, 2024', x: 400, y: 695, size: 8 },
        ]
      : [
          { text: 'Harbor City Bulletin / Vol. 12, No. 7 / Monday, March 4, 2024 / Service Changes', x: 120, y: 750, size: 9 },
          { text: String(40 + page), x: 540, y: 750, size: 10 },
        ];
  const bodyRuns = (top: number): PdfRun[] => body.map((text, i) => ({ text, x: 45, y: top - 13 * i, size: 10 }));

  it('takes the bold title above the first paragraph, not the masthead or the office', async () => {
    const first: PdfRun[] = [
      ...masthead(1),
      { text: 'DEPARTMENT OF PUBLIC WORKS', x: 45, y: 640, size: 10, bold: true },
      { text: 'Bureau of Bridges', x: 45, y: 622, size: 10, bold: true },
      { text: 'Night Closures of the Harbor Bridge', x: 45, y: 600, size: 10, bold: true },
      { text: 'Upper Deck in April', x: 45, y: 588, size: 10, bold: true },
      ...bodyRuns(566),
    ];
    const pages = [first, [...masthead(2), ...bodyRuns(700)], [...masthead(3), ...bodyRuns(700)]];
    const doc = await extractDocument({ name: 'bulletin.pdf', bytes: writePdf(pages.map((runs) => ({ runs }))) });
    expect(doc.meta.title).toBe('Night Closures of the Harbor Bridge Upper Deck in April');
    // The running head is page furniture; the masthead's items are not read as one line with the section.
    expect(doc.text).not.toContain('Vol. 12, No. 7 / Monday');
    expect(doc.text).not.toContain('Service Changes Harbor City Bulletin');
  });

  it('keeps a first-page title that later pages repeat, small, as their running head', async () => {
    const pages = [1, 2, 3].map((page) => ({
      runs: [
        ...(page === 1
          ? [{ text: 'Harbor Bridge Repairs 2024', x: 45, y: 735, size: 22 }]
          : [{ text: 'Harbor Bridge Repairs 2024', x: 300, y: 750, size: 9 }]),
        ...bodyRuns(650),
      ],
    }));
    const doc = await extractDocument({ name: 'repairs.pdf', bytes: writePdf(pages) });
    expect(doc.meta.title).toBe('Harbor Bridge Repairs 2024');
    // On the first page it is the title block, not page furniture; on the others it is the running head.
    expect(doc.text.startsWith('Harbor Bridge Repairs 2024\n\n')).toBe(true);
    expect(doc.blocks![0].kind).toBe('title');
    expect(doc.text.match(/Harbor Bridge Repairs/g)).toHaveLength(1);
  });
});

describe('a sentence cut by a page break and a table', () => {
  it('joins the halves over the table, its title and its smaller notes and source line', async () => {
    const body = (lines: string[], top: number): PdfRun[] => lines.map((text, i) => ({ text, x: 72, y: top - 14 * i, size: 11 }));
    const first = body(
      [
        'Ferry crossings on the northern route fell sharply in the winter, when',
        'two of the four vessels were withdrawn for repairs to their engines and',
        'the operator cut the timetable to six sailings a day. Among the',
      ],
      140,
    );
    const second: PdfRun[] = [
      { text: 'Table 3.', x: 72, y: 720, size: 11, bold: true },
      { text: 'Crossings by Month', x: 72, y: 702, size: 13, bold: true },
      { text: 'Month', x: 72, y: 680, size: 9 },
      { text: 'Crossings', x: 250, y: 680, size: 9 },
      { text: 'December', x: 72, y: 666, size: 9 },
      { text: '186', x: 250, y: 666, size: 9 },
      { text: 'January', x: 72, y: 652, size: 9 },
      { text: '174', x: 250, y: 652, size: 9 },
      { text: 'Note: sailings cancelled for weather are not counted.', x: 72, y: 634, size: 8 },
      { text: 'Source: harbour authority records.', x: 72, y: 623, size: 8 },
      ...body(['passengers who still travelled, most were commuters who crossed twice a day.', 'Freight was moved to the southern route.'], 600),
    ];
    const doc = await extractDocument({ name: 'ferries.pdf', bytes: writePdf([{ runs: first }, { runs: second }]) });
    expect(squash(doc.text)).toContain('Among the passengers who still travelled, most were commuters who crossed twice a day.');
    expect(doc.blocks!.some((block) => block.kind === 'table')).toBe(true);
  });
});

const SHARED_PDFS = sharedFolder('formats', 'pdf');
if (!SHARED_PDFS) console.warn('Skipping the shared-PDF layout checks: ../shared/formats/pdf is absent.');

describe.skipIf(!SHARED_PDFS)('layout of the real PDFs in ../shared/formats/pdf', () => {
  const names = SHARED_PDFS ? readdirSync(SHARED_PDFS).filter((name) => name.endsWith('.pdf')) : [];
  const normalize = (text: string) => squash(text.normalize('NFC').replace(/[\u00ad\u200b-\u200d\ufeff]/g, ''));

  it.each(names)('%s: sentences whole, no furniture in running text, pages in order', async (name) => {
    const expected = JSON.parse(readFileSync(join(SHARED_PDFS!, name.replace(/\.pdf$/, '.expected.json')), 'utf8')) as {
      sentences: string[];
      absent: string[];
      order: string[];
      title: string;
    };
    const doc = await extractDocument({ name, bytes: new Uint8Array(readFileSync(join(SHARED_PDFS!, name))) });
    const text = normalize(doc.text);
    const whole = expected.sentences.filter((sentence) => text.includes(normalize(sentence)));
    expect(whole.length / expected.sentences.length).toBeGreaterThanOrEqual(0.9);
    const paragraphs = doc.text.split(/\n{2,}/).map(normalize);
    for (const absent of expected.absent) {
      const inProse = paragraphs.some((p) => p.includes(normalize(absent)) && /\p{L}/u.test(p.replace(normalize(absent), '')));
      expect(inProse, absent).toBe(false);
    }
    let from = 0;
    for (const phrase of expected.order) {
      const at = text.indexOf(normalize(phrase), from);
      expect(at, phrase).toBeGreaterThanOrEqual(0);
      from = at + phrase.length;
    }
    // As a reader would name it (case, spacing, quote and dash style aside; a subtitle after ": " may be left off).
    const titleKey = (title: string) => squash(title).toLowerCase().replace(/[‘’“”"']/g, "'").replace(/[–—-]/g, '-');
    const got = titleKey(doc.meta.title ?? '');
    const want = titleKey(expected.title);
    expect([want, want.split(': ')[0]], `title: ${doc.meta.title}`).toContain(got.replace(/:$/, ''));
  }, 60_000);
});

