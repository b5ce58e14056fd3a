// Import stays bounded on hostile input: folder walks visit each real path once (symbolic link loops
// neither loop nor duplicate) and say what they skipped; Word archives are measured before inflating;
// a worker that outgrows its heap is stopped with a clear error while the host goes on.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../../electron/services/container.ts';
import { extractDocument } from '../../../electron/services/ingest/index.ts';
import { ImportRunner } from '../../../electron/services/ingest/import-runner.ts';
import { ARCHIVE_LIMITS } from '../../../electron/services/ingest/docx.ts';

let work: string;
let services: Services;

beforeEach(async () => {
  work = mkdtempSync(join(tmpdir(), 'dossier-bounds-'));
  services = await openServices({ libraryDir: join(work, 'library'), host: 'cli', version: 'test' });
});
afterEach(async () => {
  await services.close();
  rmSync(work, { recursive: true, force: true });
});

/** A minimal Word document whose body repeats one paragraph `count` times. */
async function wordFile(paragraph: string, count: number, coreTitle = 'Bounded'): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file('docProps/core.xml', `<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${coreTitle}</dc:title></cp:coreProperties>`);
  const para = `<w:p><w:r><w:t>${paragraph}</w:t></w:r></w:p>`;
  zip.file('word/document.xml', `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${para.repeat(count)}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** Rewrites the sizes the central directory declares for one entry, as a forged archive would. */
function forgeDeclaredSize(zip: Buffer, entryName: string, declared: number): Buffer {
  const out = Buffer.from(zip);
  for (let i = 0; i < out.length - 46; i++) {
    if (out.readUInt32LE(i) !== 0x02014b50) continue;
    const nameLength = out.readUInt16LE(i + 28);
    if (out.toString('utf8', i + 46, i + 46 + nameLength) === entryName) out.writeUInt32LE(declared, i + 24);
  }
  return out;
}

describe('folder walks', () => {
  it('import a real file once through a symbolic link loop and report the skipped links', async () => {
    const folder = join(work, 'inbox');
    mkdirSync(join(folder, 'sub'), { recursive: true });
    writeFileSync(join(folder, 'sub', 'harbour.txt'), 'The harbour took in 37 vessels during the storm week.');
    symlinkSync(folder, join(folder, 'sub', 'back-to-top'));
    symlinkSync(join(folder, 'sub'), join(folder, 'again'));
    symlinkSync(join(folder, 'sub', 'harbour.txt'), join(folder, 'alias.txt'));
    const results = await services.handlers['library:import']({ paths: [folder] });
    expect(results.filter((r) => r.status === 'imported')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'duplicate')).toHaveLength(0);
    const skipped = results.filter((r) => r.errorCode === 'skipped');
    expect(skipped.length).toBe(3);
    expect(skipped.map((r) => r.error).join('\n')).toMatch(/already covers|same file as/);
    expect(services.library.list()).toHaveLength(1);
  });

  it('finish a folder with two loops into each other', async () => {
    const a = join(work, 'a');
    const b = join(work, 'b');
    mkdirSync(a);
    mkdirSync(b);
    writeFileSync(join(a, 'one.md'), '# One\n\nPrices rose 4 percent in March.');
    writeFileSync(join(b, 'two.md'), '# Two\n\nPrices rose 5 percent in April.');
    symlinkSync(b, join(a, 'to-b'));
    symlinkSync(a, join(b, 'to-a'));
    symlinkSync(a, join(a, 'self'));
    const results = await services.handlers['library:import']({ paths: [a, b] });
    expect(results.filter((r) => r.status === 'imported')).toHaveLength(2);
    expect(results.filter((r) => r.status === 'error' && r.errorCode !== 'skipped')).toHaveLength(0);
  });
});

describe('Word archives', () => {
  it('refuse a body that declares an expansion past the limit, before inflating it', async () => {
    const bomb = await wordFile('x'.repeat(1000), Math.ceil((ARCHIVE_LIMITS.maxXmlPartBytes * 1.5) / 1030));
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    await expect(extractDocument({ name: 'bomb.docx', bytes: new Uint8Array(bomb) })).rejects.toMatchObject({ code: 'too-large', message: /bomb\.docx .*would expand to/ });
  });

  it('refuse a body whose declared size lies, by measuring it as it inflates', async () => {
    const bomb = forgeDeclaredSize(await wordFile('y'.repeat(1000), Math.ceil((ARCHIVE_LIMITS.maxXmlPartBytes * 1.5) / 1030)), 'word/document.xml', 4096);
    await expect(extractDocument({ name: 'liar.docx', bytes: new Uint8Array(bomb) })).rejects.toMatchObject({ code: 'too-large', message: /expands past/ });
  });

  it('refuse millions of empty paragraphs, counted as they inflate', async () => {
    const bomb = await wordFile('', Math.ceil(ARCHIVE_LIMITS.maxXmlTags / 6) + 1000);
    await expect(extractDocument({ name: 'many.docx', bytes: new Uint8Array(bomb) })).rejects.toMatchObject({ code: 'too-large', message: /pieces of markup/ });
  });

  it('ignore inflated document properties and still read the body', async () => {
    const doc = await wordFile('The reservoir held 82 percent of its capacity.', 3, 'T'.repeat(ARCHIVE_LIMITS.maxCorePropertiesBytes + 10));
    const extracted = await extractDocument({ name: 'props.docx', bytes: new Uint8Array(doc) });
    expect(extracted.text).toContain('82 percent');
    expect(extracted.meta.title ?? '').not.toMatch(/TTTTTTTTTT/);
  });

  it('stop a worker that outgrows its heap with a too-large error, and keep importing', { timeout: 120_000 }, async () => {
    const runner = new ImportRunner({ workerFile: pathToFileURL(join(process.cwd(), 'electron/services/ingest/worker.ts')), execArgv: ['--import', 'tsx'], maxHeapMb: 64 });
    try {
      // Within the archive limits, but its many short paragraphs need far more than 64 MB of heap to convert.
      const heavy = await wordFile('z', 150_000);
      await expect(runner.extract({ name: 'heavy.docx', bytes: new Uint8Array(heavy) })).rejects.toMatchObject({ code: 'too-large', message: /more than 64 MB of memory/ });
      const fine = await runner.extract({ name: 'fine.txt', bytes: new Uint8Array(Buffer.from('Inflation eased to 2.1 percent.')) });
      expect(fine.text).toContain('2.1 percent');
    } finally {
      await runner.close();
    }
  });
});
