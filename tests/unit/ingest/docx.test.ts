// Word import: every real file from mammoth's test suite in ../shared, structure (lists, tables,
// notes), core-properties metadata, and refusal of empty, corrupt and old-style files.
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { extractDocument, readAndExtract } from '../../../electron/services/ingest/index.ts';
import { sharedFolder } from './helpers.ts';

const docxDir = sharedFolder('formats', 'docx');

describe('real Word files (../shared/formats/docx)', () => {
  if (!docxDir) {
    it.skip('skipped: ../shared/formats/docx is absent (real-file tests need the shared folder beside the project)', () => {});
    return;
  }
  const files = readdirSync(docxDir).filter((name) => name.endsWith('.docx')).sort();
  const open = (name: string) => readAndExtract(join(docxDir, name));

  it('imports every file except empty.docx, which has no text', async () => {
    expect(files.length).toBeGreaterThanOrEqual(9);
    for (const name of files) {
      if (name === 'empty.docx') continue;
      const doc = await open(name);
      expect(doc.format, name).toBe('docx');
      expect(doc.text.trim().length, name).toBeGreaterThan(0);
      expect(doc.text, name).toBe(doc.text.normalize('NFC'));
      expect(doc.text, name).not.toMatch(/[<>\r]|↑/);
      expect(doc.meta.title, name).toBeTruthy();
    }
  });

  it("refuses empty.docx with a clear 'no-text' error", async () => {
    await expect(open('empty.docx')).rejects.toMatchObject({ code: 'no-text', message: 'empty.docx contains no text' });
  });

  it('keeps footnotes and endnotes as text at the end, labelled like their references', async () => {
    for (const name of ['footnotes.docx', 'endnotes.docx']) {
      const doc = await open(name);
      expect(doc.text, name).toBe('Ouch[1].[2]\n\n[1] A tachyon walks into a bar.\n[2] Fin.');
    }
  });

  it('renders lists and tables as lines', async () => {
    expect((await open('simple-list.docx')).text).toBe('- Apple\n- Banana');
    expect((await open('tables.docx')).text).toBe('Above\n\nTop left | Top right\nBottom left | Bottom right\n\nBelow');
  });

  it('reads title, author and date from docProps/core.xml', async () => {
    const doc = await open('single-paragraph.docx');
    expect(doc.text).toBe('Walking on imported air');
    expect(doc.meta.author).toBe('Michael Williamson');
    expect(doc.meta.published).toBe('2013-04-03T20:15:00Z');
    // No dc:title in this file: the first line stands in.
    expect(doc.meta.title).toBe('Walking on imported air');
  });

  it('reads strict OOXML and XML with a byte-order mark', async () => {
    expect((await open('strict-format.docx')).text).toBe('Test');
    expect((await open('utf8-bom.docx')).text).toBe('This XML has a byte order mark.');
  });
});

describe('generated Word files', () => {
  /** Rewrites a real file's core properties, to test metadata without a Word installation. */
  async function withCoreXml(source: Uint8Array, coreXml: string): Promise<Uint8Array> {
    const zip = await JSZip.loadAsync(source);
    zip.file('docProps/core.xml', coreXml);
    return zip.generateAsync({ type: 'uint8array' });
  }

  it.skipIf(!docxDir)('uses dc:title, dc:creator and dcterms:created, decoding XML entities', async () => {
    const source = await readFile(join(docxDir!, 'tables.docx'));
    const bytes = await withCoreXml(
      source,
      `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <dc:title>Supply &amp; demand: Q&#x33; review</dc:title><dc:creator>Zoë Brandt</dc:creator><dc:language>de-DE</dc:language>
        <dcterms:created xsi:type="dcterms:W3CDTF">2024-02-29T08:15:00Z</dcterms:created></cp:coreProperties>`,
    );
    const doc = await extractDocument({ name: 'review.docx', bytes });
    expect(doc.meta).toMatchObject({
      title: 'Supply & demand: Q3 review',
      author: 'Zoë Brandt',
      published: '2024-02-29T08:15:00Z',
      lang: 'de-DE',
    });
  });

  it.skipIf(!docxDir)('ignores placeholder titles and authors that Word fills in', async () => {
    const source = await readFile(join(docxDir!, 'tables.docx'));
    const bytes = await withCoreXml(
      source,
      `<cp:coreProperties xmlns:cp="x" xmlns:dc="y"><dc:title>Microsoft Word - draft3.docx</dc:title><dc:creator>Windows User</dc:creator></cp:coreProperties>`,
    );
    const doc = await extractDocument({ name: 'draft3.docx', bytes });
    expect(doc.meta.title).toBe('Above');
    expect(doc.meta.author).toBeNull();
  });
});

describe('broken Word files', () => {
  it("reports random bytes named .docx as 'corrupt'", async () => {
    await expect(extractDocument({ name: 'broken.docx', bytes: randomBytes(4096) })).rejects.toMatchObject({
      code: 'corrupt',
      message: 'broken.docx is damaged or not a Word document',
    });
  });

  it("reports a ZIP without a Word body as 'corrupt'", async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'not a document');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    await expect(extractDocument({ name: 'archive.docx', bytes })).rejects.toMatchObject({ code: 'corrupt' });
  });

  it('tells an old .doc file or an encrypted Office file apart', async () => {
    const ole = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    await expect(extractDocument({ name: 'old.docx', bytes: ole })).rejects.toMatchObject({
      code: 'corrupt',
      message: expect.stringContaining('old-style Word file (.doc)'),
    });
    Buffer.from('EncryptedPackage', 'utf16le').copy(ole, 1024);
    await expect(extractDocument({ name: 'locked.docx', bytes: ole })).rejects.toMatchObject({
      code: 'encrypted',
      message: 'locked.docx is encrypted (password-protected); remove the password and import it again',
    });
  });
});
