// Zip files for the interchange formats, on yazl (writing, streamed) and yauzl (reading, random access
// from a file or a buffer). Reading checks the central directory before anything is inflated: entry
// count, declared sizes and file names; yauzl then holds every entry to the size it declared.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { DossierError } from '../errors.ts';
import { FileOutput } from '../briefs/export/output.ts';
import { formatMegabytes } from '../ingest/errors.ts';

export interface ZipLimits {
  maxEntries: number;
  /** Sum of the sizes the entries declare. */
  maxTotalBytes: number;
  /** Largest single entry. */
  maxEntryBytes: number;
}

export interface ZipEntryInfo {
  name: string;
  size: number;
}

/** An open archive: its entries as listed in the central directory, each readable on demand. */
export interface ZipReader {
  entries: Map<string, ZipEntryInfo>;
  read(name: string): Promise<Buffer>;
  /** Streams an entry through SHA-256 without keeping it: [hex digest, bytes]. */
  hash(name: string): Promise<[string, number]>;
  close(): void;
}

/** How a zip that cannot be read is described to the user: `what` names the file ("This archive"). */
export type ZipFailure = (reason: string) => DossierError;

function openZip(source: string | Buffer): Promise<yauzl.ZipFile> {
  const options = { lazyEntries: true, autoClose: false, validateEntrySizes: true, decodeStrings: true, strictFileNames: true };
  return new Promise((resolveZip, rejectZip) => {
    const done = (error: Error | null, zip?: yauzl.ZipFile) => (error || !zip ? rejectZip(error ?? new Error('no zip')) : resolveZip(zip));
    if (typeof source === 'string') yauzl.open(source, options, done);
    else yauzl.fromBuffer(source, options, done);
  });
}

function listEntries(zip: yauzl.ZipFile, limits: ZipLimits, fail: ZipFailure): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolveList, rejectList) => {
    if (zip.entryCount > limits.maxEntries) {
      rejectList(fail(`it holds ${zip.entryCount.toLocaleString('en')} entries (the limit is ${limits.maxEntries.toLocaleString('en')})`));
      return;
    }
    const entries = new Map<string, yauzl.Entry>();
    let total = 0;
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName.endsWith('/')) return zip.readEntry(); // a folder entry carries no data
      if (entries.has(entry.fileName)) return rejectList(fail(`it lists ${entry.fileName} twice`));
      if (entry.isEncrypted()) return rejectList(fail(`${entry.fileName} is encrypted`));
      if (entry.uncompressedSize > limits.maxEntryBytes) return rejectList(fail(`${entry.fileName} would expand to ${formatMegabytes(entry.uncompressedSize)}`));
      total += entry.uncompressedSize;
      if (total > limits.maxTotalBytes) return rejectList(fail(`it would expand to more than ${formatMegabytes(limits.maxTotalBytes)}`));
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.once('end', () => resolveList(entries));
    zip.once('error', (error: Error) => rejectList(fail(plainReason(error))));
    zip.readEntry();
  });
}

/** yauzl's messages, said for a user: the zip is cut short, or its data does not add up. */
function plainReason(error: Error): string {
  const message = error.message || String(error);
  if (/end of central directory|unexpected EOF|truncated|not enough data|invalid central directory|Invalid comment length|file data overflows/i.test(message)) {
    return 'the file is cut short or is not a zip file';
  }
  if (/invalid (code|distance|block|stored)|incorrect header check|too many length|unexpected end of file|invalid relative path|absolute path|invalid characters/i.test(message)) {
    return `its data is damaged (${message})`;
  }
  return message;
}

function entryStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolveStream, rejectStream) => zip.openReadStream(entry, (error, stream) => (error || !stream ? rejectStream(error) : resolveStream(stream))));
}

/** Opens a zip (a path or its bytes) and lists its entries within the limits, inflating nothing. */
export async function readZip(source: string | Buffer, limits: ZipLimits, fail: ZipFailure): Promise<ZipReader> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(source);
  } catch (error) {
    throw fail(plainReason(error as Error));
  }
  let raw: Map<string, yauzl.Entry>;
  try {
    raw = await listEntries(zip, limits, fail);
  } catch (error) {
    zip.close();
    throw error;
  }
  const entries = new Map([...raw].map(([name, entry]) => [name, { name, size: entry.uncompressedSize }]));
  const consume = async (name: string, sink: (chunk: Buffer) => void): Promise<number> => {
    const entry = raw.get(name);
    if (!entry) throw fail(`${name} is missing`);
    let bytes = 0;
    try {
      const stream = await entryStream(zip, entry);
      for await (const chunk of stream) {
        bytes += (chunk as Buffer).length;
        sink(chunk as Buffer);
      }
    } catch (error) {
      throw fail(`${name} cannot be read: ${plainReason(error as Error)}`);
    }
    return bytes;
  };
  return {
    entries,
    async read(name) {
      const chunks: Buffer[] = [];
      await consume(name, (chunk) => chunks.push(chunk));
      return Buffer.concat(chunks);
    },
    async hash(name) {
      const hash = createHash('sha256');
      const bytes = await consume(name, (chunk) => hash.update(chunk));
      return [hash.digest('hex'), bytes];
    },
    close: () => zip.close(),
  };
}

/** One entry of a zip being written: bytes in memory, or a file on disk streamed when its turn comes. */
export type ZipInput = { name: string; data: Buffer | string } | { name: string; file: string };

/** Builds a zip from entries, in order; returns its bytes. */
export function zipToBuffer(inputs: ZipInput[]): Promise<Buffer> {
  const zip = buildZip(inputs);
  return new Promise((resolveZip, rejectZip) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    // A file that cannot be read (removed meanwhile) is reported on the zip itself.
    zip.on('error', rejectZip);
    zip.outputStream.on('error', rejectZip);
    zip.outputStream.on('end', () => resolveZip(Buffer.concat(chunks)));
  });
}

/**
 * Writes a zip to a file as an export's file output does (a temp file flushed to disk and renamed at
 * the end), so a failed write leaves no half archive. Returns the archive's size in bytes.
 */
export async function zipToFile(inputs: ZipInput[], path: string): Promise<number> {
  const zip = buildZip(inputs);
  // A file that cannot be read (removed meanwhile) is reported on the zip itself: it ends the output
  // with that error, which stops the loop below.
  // (yazl's output is a PassThrough, typed only as a readable stream.)
  const output = zip.outputStream as Readable;
  zip.on('error', (error: Error) => output.destroy(error));
  const out = new FileOutput(path);
  try {
    for await (const chunk of output) {
      out.write(chunk as Buffer);
      await out.flush();
    }
    return await out.commit();
  } catch (error) {
    await out.abort();
    throw error;
  }
}

function buildZip(inputs: ZipInput[]): yazl.ZipFile {
  const zip = new yazl.ZipFile();
  // A fixed time, so the same library gives the same archive bytes.
  const mtime = new Date(Date.UTC(2000, 0, 1));
  for (const input of inputs) {
    if ('file' in input) zip.addFile(input.file, input.name, { mtime, mode: 0o100644 });
    else zip.addBuffer(typeof input.data === 'string' ? Buffer.from(input.data, 'utf8') : input.data, input.name, { mtime, mode: 0o100644 });
  }
  zip.end();
  return zip;
}
