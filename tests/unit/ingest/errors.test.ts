// Bad input: empty, binary, unsupported, unreadable and oversized files each fail with their own
// code and a message that names the file, and huge files are refused before being read.
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeTempDir } from './helpers.ts';

// Spy on reads so the size check can be shown to happen before any byte is loaded.
const readFileSpy = vi.hoisted(() => ({ calls: [] as string[] }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    readFile: (async (path: Parameters<typeof actual.readFile>[0], ...rest: unknown[]) => {
      readFileSpy.calls.push(String(path));
      return (actual.readFile as (...args: unknown[]) => Promise<unknown>)(path, ...rest);
    }) as typeof actual.readFile,
  };
});

const { IngestError, extractDocument, precheckPath, readAndExtract, unreadableError } = await import(
  '../../../electron/services/ingest/index.ts'
);

let dir = '';
let cleanup = async () => {};
beforeAll(async () => {
  ({ dir, cleanup } = await makeTempDir('errors'));
});
afterAll(() => cleanup());
beforeEach(() => {
  readFileSpy.calls.length = 0;
});

describe('empty and binary files', () => {
  it("refuses a 0-byte file as 'empty', from disk and from memory", async () => {
    const path = join(dir, 'nothing.txt');
    await writeFile(path, '');
    await expect(readAndExtract(path)).rejects.toMatchObject({ code: 'empty', message: 'nothing.txt is empty (0 bytes)' });
    await expect(extractDocument({ name: 'empty.pdf', bytes: new Uint8Array(0) })).rejects.toMatchObject({ code: 'empty' });
  });

  it("refuses binary content named .txt, .md or .html as 'binary'", async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(2048)]);
    await expect(extractDocument({ name: 'photo.txt', bytes: png })).rejects.toMatchObject({
      code: 'binary',
      message: 'photo.txt looks like a binary file, not text (it appears to be a PNG image)',
    });
    for (const name of ['data.md', 'page.html']) {
      await expect(extractDocument({ name, bytes: randomBytes(4096) })).rejects.toMatchObject({ code: 'binary' });
    }
  });

  it('calls control-character soup binary even without NUL bytes', async () => {
    const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)));
    await expect(extractDocument({ name: 'dump.txt', bytes })).rejects.toBeInstanceOf(IngestError);
    await expect(extractDocument({ name: 'dump.txt', bytes })).rejects.toMatchObject({ code: 'binary' });
  });

  it('still accepts text with the odd form feed or DOS end-of-file marker', async () => {
    const doc = await extractDocument({ name: 'old.txt', bytes: Buffer.from('Page one\fPage two\r\n\x1a') });
    expect(doc.text).toBe('Page one\fPage two\n\x1a');
  });
});

describe('unsupported types', () => {
  it("names the extension and the supported ones", async () => {
    await expect(extractDocument({ name: 'data.xyz', bytes: Buffer.from('x') })).rejects.toMatchObject({
      code: 'unsupported',
      message: 'data.xyz: unsupported file type .xyz (supported: .txt, .md, .markdown, .html, .htm, .pdf, .docx)',
    });
    await expect(extractDocument({ name: 'README', bytes: Buffer.from('x') })).rejects.toMatchObject({ code: 'unsupported' });
  });

  it('refuses an unsupported file on disk without reading it', async () => {
    const path = join(dir, 'sheet.xlsx');
    await writeFile(path, 'x');
    await expect(readAndExtract(path)).rejects.toMatchObject({ code: 'unsupported' });
    expect(readFileSpy.calls).toEqual([]);
  });
});

describe('unreadable paths', () => {
  it("maps a missing file to 'unreadable' with the full path", async () => {
    const path = join(dir, 'missing', 'report.pdf');
    await expect(readAndExtract(path)).rejects.toMatchObject({ code: 'unreadable', message: `cannot read ${path}: file not found` });
  });

  it("maps a folder to 'unreadable'", async () => {
    const path = join(dir, 'folder.txt');
    await mkdir(path);
    await expect(readAndExtract(path)).rejects.toMatchObject({ code: 'unreadable', message: `cannot read ${path}: it is a folder, not a file` });
  });

  it('maps permission errors (EACCES, EPERM) and others to clear reasons', () => {
    const err = (code: string) => Object.assign(new Error(`${code}: raw system text`), { code });
    expect(unreadableError('/data/secret.txt', err('EACCES'))).toMatchObject({
      code: 'unreadable',
      message: 'cannot read /data/secret.txt: permission denied',
      name: 'IngestError',
    });
    expect(unreadableError('/data/x.txt', err('EPERM')).message).toBe('cannot read /data/x.txt: permission denied');
    expect(unreadableError('/data/x.txt', err('EISDIR')).message).toBe('cannot read /data/x.txt: it is a folder, not a file');
    expect(unreadableError('/data/x.txt', err('EWEIRD')).message).toBe('cannot read /data/x.txt: EWEIRD: raw system text');
  });

  const isRoot = process.getuid?.() === 0;
  it.skipIf(isRoot)('refuses a file without read permission (skipped as root, who can read it anyway)', async () => {
    const path = join(dir, 'locked.txt');
    await writeFile(path, 'secret');
    await chmod(path, 0o000);
    await expect(readAndExtract(path)).rejects.toMatchObject({ code: 'unreadable', message: `cannot read ${path}: permission denied` });
  });
});

describe('size limits', () => {
  it("refuses a 50 MB text file as 'too-large' from stat alone, never reading it", async () => {
    const path = join(dir, 'big.txt');
    const handle = await open(path, 'w');
    await handle.truncate(50 * 1024 * 1024); // sparse: the size is real, no 50 MB is written
    await handle.close();
    await expect(precheckPath(path)).rejects.toMatchObject({ code: 'too-large' });
    await expect(readAndExtract(path)).rejects.toMatchObject({
      code: 'too-large',
      message: 'big.txt is 50.0 MB; the limit for text files is 16 MB',
    });
    expect(readFileSpy.calls).toEqual([]);
  });

  it('applies the limits per format to bytes in memory too', async () => {
    const bytes = new Uint8Array(17 * 1024 * 1024).fill(0x61);
    await expect(extractDocument({ name: 'huge.html', bytes })).rejects.toMatchObject({
      code: 'too-large',
      message: 'huge.html is 17.0 MB; the limit for HTML files is 16 MB',
    });
    // The same size is fine for a PDF (limit 100 MB); it fails later, for not being a PDF.
    await expect(extractDocument({ name: 'huge.pdf', bytes })).rejects.toMatchObject({ code: 'corrupt' });
  });

  it('accepts a text file just under the limit', async () => {
    const bytes = new Uint8Array(16 * 1024 * 1024 - 1).fill(0x61);
    const doc = await extractDocument({ name: 'edge.txt', bytes });
    expect(doc.text.length).toBe(bytes.length);
  });

  it('passes the precheck for a normal file, then reads it once', async () => {
    const path = join(dir, 'fine.txt');
    await writeFile(path, 'Fine text.');
    await expect(precheckPath(path)).resolves.toBeUndefined();
    const doc = await readAndExtract(path);
    expect(doc.text).toBe('Fine text.');
    expect(readFileSpy.calls).toEqual([path]);
  });
});
