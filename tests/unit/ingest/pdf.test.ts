// PDF import: line and paragraph assembly and page spans on hand-built PDFs, then real PDFs made by
// LibreOffice from our fixtures (multi-page), encrypted with qpdf, and damaged by truncation.
import { randomBytes } from 'node:crypto';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../../../shared/types/ingest.ts';
import { extractDocument, readAndExtract } from '../../../electron/services/ingest/index.ts';
import { FIXTURES, hasCommand, libreOfficeConvert, makeTempDir, qpdf, writePdf } from './helpers.ts';

const pdf = (bytes: Uint8Array, name = 'doc.pdf') => extractDocument({ name, bytes });

function expectConsistentSpans(doc: ExtractedDocument, pageCount: number): void {
  expect(doc.pages).not.toBeNull();
  const pages = doc.pages!;
  expect(pages.map((p) => p.page)).toEqual(Array.from({ length: pageCount }, (_, i) => i + 1));
  let previousEnd = 0;
  for (const span of pages) {
    expect(span.start).toBeGreaterThanOrEqual(previousEnd);
    expect(span.end).toBeGreaterThanOrEqual(span.start);
    const between = doc.text.slice(previousEnd, span.start);
    expect(between === '' || between === '\n\n').toBe(true);
    previousEnd = span.end;
  }
  expect(previousEnd).toBe(doc.text.length);
}

describe('PDF text assembly (hand-built PDFs)', () => {
  const twoPages = writePdf(
    [
      {
        runs: [
          { text: 'Shipping report', x: 72, y: 720, size: 18 },
          { text: 'Traffic rose by 12% in the third quarter,', x: 72, y: 690 },
          { text: 'the port authority said.', x: 72, y: 676 },
          { text: 'Insurers cut premiums.', x: 72, y: 640 },
          { text: 'Left column', x: 72, y: 600 },
          { text: 'right column', x: 320, y: 600 },
        ],
      },
      { runs: [] },
      {
        runs: [
          { text: 'Page three text.', x: 72, y: 720 },
          { text: 'It continues here.', x: 72, y: 706 },
        ],
      },
    ],
    { Title: 'Quarterly shipping report', Author: 'Lena Vogel', CreationDate: "D:20240105143000+01'00'", Subject: 'Shipping' },
  );

  it('joins runs into lines and lines into paragraphs, pages separated by a blank line', async () => {
    const doc = await pdf(twoPages);
    expect(doc.format).toBe('pdf');
    expect(doc.text).toBe(
      'Shipping report\n\nTraffic rose by 12% in the third quarter, the port authority said.\n\nInsurers cut premiums.\n\nLeft column right column' +
        '\n\nPage three text. It continues here.',
    );
  });

  it('records a span per page, empty pages included, that slices out each page', async () => {
    const doc = await pdf(twoPages);
    expectConsistentSpans(doc, 3);
    const [first, second, third] = doc.pages!;
    expect(doc.text.slice(first.start, first.end)).toMatch(/^Shipping report[\s\S]*right column$/);
    expect(second.start).toBe(second.end);
    expect(doc.text.slice(third.start, third.end)).toBe('Page three text. It continues here.');
  });

  it('reads title, author and subject from the info dictionary, and keeps its creation date as the file date, not the publication date', async () => {
    const doc = await pdf(twoPages);
    expect(doc.meta).toEqual({
      title: 'Quarterly shipping report',
      author: 'Lena Vogel',
      outlet: null,
      published: null,
      fileDate: '2024-01-05T14:30:00+01:00',
      url: null,
      lang: null,
      excerpt: 'Shipping',
    });
  });

  it('falls back to the first line for a title when the PDF has none, ignoring placeholder titles', async () => {
    const bytes = writePdf([{ runs: [{ text: 'Budget overview', x: 72, y: 720 }, { text: 'Spending rose.', x: 72, y: 690 }] }], {
      Title: 'Microsoft Word - budget.docx',
    });
    expect((await pdf(bytes)).meta.title).toBe('Budget overview');
  });

  it('leaves the caller’s bytes intact', async () => {
    const copy = twoPages.slice();
    await pdf(copy);
    expect(copy.byteLength).toBe(twoPages.byteLength);
    expect(Buffer.from(copy).equals(Buffer.from(twoPages))).toBe(true);
  });

  it("reports a PDF with only drawings as 'no-text'", async () => {
    const bytes = writePdf([{ runs: [], graphics: '0 0 1 rg 20 20 300 300 re f' }]);
    await expect(pdf(bytes, 'scan.pdf')).rejects.toMatchObject({
      code: 'no-text',
      message: expect.stringMatching(/^scan\.pdf contains no text .*scanned image/),
    });
  });

  it("reports other files named .pdf as 'corrupt'", async () => {
    await expect(pdf(new TextEncoder().encode('<html>not a pdf</html>'), 'broken.pdf')).rejects.toMatchObject({
      code: 'corrupt',
      message: 'broken.pdf is damaged or not a PDF',
    });
  });
});

const HAS_LIBREOFFICE = hasCommand('libreoffice');
const HAS_QPDF = hasCommand('qpdf');
if (!HAS_LIBREOFFICE) console.warn('Skipping LibreOffice-generated PDF tests: `libreoffice` is not on PATH (apt package libreoffice-writer-nogui).');
if (!HAS_QPDF) console.warn('Skipping encrypted-PDF tests: `qpdf` is not on PATH.');

describe.skipIf(!HAS_LIBREOFFICE)('PDFs made by LibreOffice', () => {
  let dir = '';
  let cleanup = async () => {};
  const out = (name: string) => join(dir, name);

  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir('pdf'));
    await copyFile(join(FIXTURES, 'multipage.html'), out('report.html'));
    // Enough text to fill several pages without manual breaks.
    const paragraphs = Array.from(
      { length: 60 },
      (_, i) => `Paragraph ${i + 1}. The committee reviewed item ${i + 1} and found that ${(i + 1) * 1000} dollars were spent on schedule. `.repeat(3).trim(),
    );
    await writeFile(out('long.txt'), `Annual budget review\n\n${paragraphs.join('\n\n')}\n`);
    await libreOfficeConvert([out('report.html')], 'docx:MS Word 2007 XML', dir);
    await libreOfficeConvert([out('report.html'), out('long.txt')], 'pdf', dir);
    await copyFile(out('report.docx'), out('from-word.docx'));
    await libreOfficeConvert([out('from-word.docx')], 'pdf', dir);
  }, 240_000);

  afterAll(() => cleanup());

  it('keeps manual page breaks: three pages with their own text and spans', async () => {
    const doc = await readAndExtract(out('report.pdf'));
    expectConsistentSpans(doc, 3);
    const pageText = doc.pages!.map((span) => doc.text.slice(span.start, span.end));
    expect(pageText[0]).toMatch(/^Shipping report\n\nPage one opens the report\./);
    expect(pageText[0]).toContain('Māori-owned carrier');
    expect(pageText[1]).toMatch(/^Page two covers the outlook\. Analysts expect growth to slow\.\n\nFreight rates fell to 1,450 dollars per container\.$/);
    expect(pageText[2]).toBe('Page three lists the sources. Port authority data and broker surveys.');
    expect(doc.text).toBe(doc.text.normalize('NFC'));
    expect(doc.meta.title).toBe('Quarterly shipping report');
    expect(doc.meta.author).toBe('Lena Vogel');
    expect(doc.meta.fileDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
  });

  it('splits long text over pages in order, with every paragraph once', async () => {
    const doc = await readAndExtract(out('long.pdf'));
    expect(doc.pages!.length).toBeGreaterThanOrEqual(3);
    expectConsistentSpans(doc, doc.pages!.length);
    expect(doc.meta.title).toBe('Annual budget review');
    const numbers = [...doc.text.matchAll(/^Paragraph (\d+)\./gm)].map((m) => Number(m[1]));
    expect(numbers).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    // Each page starts where the previous one stopped.
    for (const span of doc.pages!.slice(1)) expect(doc.text.slice(span.start, span.end)).toMatch(/^\S/);
  });

  it('imports the Word file LibreOffice wrote, and its PDF, alike', async () => {
    const word = await readAndExtract(out('report.docx'));
    expect(word.format).toBe('docx');
    expect(word.meta.title).toBe('Quarterly shipping report');
    expect(word.meta.author).toBe('Lena Vogel');
    expect(word.text).toMatch(/^Shipping report\n\nPage one opens the report\./);
    expect(word.text).toContain('\n\nFreight rates fell to 1,450 dollars per container.\n\n');
    const printed = await readAndExtract(out('from-word.pdf'));
    expect(printed.pages).toHaveLength(3);
    expect(printed.text.replace(/\s+/g, ' ')).toBe(word.text.replace(/\s+/g, ' '));
  });

  it("reports a truncated PDF as 'corrupt'", async () => {
    const bytes = await readFile(out('report.pdf'));
    for (const fraction of [0.1, 0.5, 0.9]) {
      await expect(pdf(bytes.subarray(0, Math.floor(bytes.length * fraction)), 'truncated.pdf')).rejects.toMatchObject({
        code: 'corrupt',
        message: 'truncated.pdf is damaged or not a PDF',
      });
    }
  });

  it("reports a PDF with garbled bytes as 'corrupt'", async () => {
    const bytes = Buffer.from(await readFile(out('report.pdf')));
    randomBytes(bytes.length - 64).copy(bytes, 64);
    await expect(pdf(bytes, 'garbled.pdf')).rejects.toMatchObject({ code: 'corrupt' });
  });

  describe.skipIf(!HAS_QPDF)('encrypted with qpdf', () => {
    it("refuses a password-protected PDF as 'encrypted'", async () => {
      await qpdf(['--encrypt', 'user', 'owner', '256', '--', out('report.pdf'), out('locked.pdf')]);
      await expect(readAndExtract(out('locked.pdf'))).rejects.toMatchObject({
        code: 'encrypted',
        message: 'locked.pdf is encrypted (password-protected); remove the password and import it again',
      });
    });

    it('imports a PDF that is encrypted only against editing (no password to open)', async () => {
      await qpdf(['--encrypt', '', 'owner', '256', '--', out('report.pdf'), out('restricted.pdf')]);
      const doc = await readAndExtract(out('restricted.pdf'));
      expect(doc.pages).toHaveLength(3);
      expect(doc.text).toContain('Page two covers the outlook.');
    });
  });
});
