// Where an export's bytes go, a piece at a time: a file written atomically (a temp file beside it,
// flushed to disk, then renamed over it) or memory. Spools hold the parts a format writes last
// (footnotes, link relationships) on disk beside the file, so no part of a long brief is held whole.
import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';

/** Text kept aside until the end of an export, in the order written. */
export interface Spool {
  /** How many pieces have been written. */
  readonly count: number;
  write(text: string): void;
  /** The text as written, in pieces; the spool is finished after this. */
  chunks(): AsyncIterable<string>;
  /** The text line by line (for pieces written one per line, such as JSON records). */
  lines(): AsyncIterable<string>;
}

export interface ExportOutput {
  write(chunk: string | Uint8Array): void;
  /**
   * Waits until what was written has been taken by the disk, and, every few milliseconds, lets the
   * event loop run: a host exporting a long brief keeps answering its other requests.
   */
  flush(): Promise<void>;
  spool(): Spool;
}

/** The longest a writer runs without giving other work on the event loop a turn. */
const SLICE_MS = 12;

/** Yields to the event loop when the current slice of work has run long enough. */
export class Pacer {
  private last = performance.now();

  async pause(): Promise<void> {
    if (performance.now() - this.last < SLICE_MS) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.last = performance.now();
  }
}

class MemorySpool implements Spool {
  private readonly parts: string[] = [];

  get count(): number {
    return this.parts.length;
  }

  write(text: string): void {
    this.parts.push(text);
  }

  async *chunks(): AsyncIterable<string> {
    yield* this.parts;
  }

  async *lines(): AsyncIterable<string> {
    for (const part of this.parts) yield* part.split('\n').filter(Boolean);
  }
}

/** Collects an export in memory: for the in-process API and tests. */
export class MemoryOutput implements ExportOutput {
  private readonly parts: Uint8Array[] = [];
  private readonly encoder = new TextEncoder();
  private readonly pacer = new Pacer();

  write(chunk: string | Uint8Array): void {
    this.parts.push(typeof chunk === 'string' ? this.encoder.encode(chunk) : chunk);
  }

  flush(): Promise<void> {
    return this.pacer.pause();
  }

  spool(): Spool {
    return new MemorySpool();
  }

  bytes(): Uint8Array {
    return new Uint8Array(Buffer.concat(this.parts));
  }
}

/** A write stream to a new file that keeps its first error for the caller instead of throwing it at the process. */
class FileWriter {
  private readonly stream: WriteStream;
  private error: Error | null = null;
  private closed: Promise<void>;

  constructor(readonly path: string) {
    this.stream = createWriteStream(path, { flags: 'wx', highWaterMark: 1 << 20 });
    this.stream.on('error', (error) => (this.error ??= error));
    this.closed = new Promise<void>((resolve) => this.stream.once('close', () => resolve()));
  }

  write(chunk: string | Uint8Array): void {
    if (!this.error) this.stream.write(chunk);
  }

  async drained(): Promise<void> {
    if (this.error) throw this.error;
    // The stream's own flag: a 'drain' that came while another stream was awaited is never missed.
    if (!this.stream.writableNeedDrain || this.stream.destroyed) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        this.stream.off('drain', done);
        this.stream.off('close', done);
        resolve();
      };
      this.stream.on('drain', done);
      this.stream.on('close', done);
    });
    if (this.error) throw this.error;
  }

  /** Ends the stream and waits until every byte is in the file and the file is closed. */
  async end(): Promise<void> {
    if (!this.stream.writableEnded) this.stream.end();
    await this.closed;
    if (this.error) throw this.error;
  }

  async discard(): Promise<void> {
    this.stream.destroy();
    await this.closed;
    await rm(this.path, { force: true }).catch(() => {});
  }
}

class FileSpool implements Spool {
  private pieces = 0;
  private writer: FileWriter | null = null;

  constructor(private readonly path: string) {}

  get count(): number {
    return this.pieces;
  }

  write(text: string): void {
    this.pieces++;
    (this.writer ??= new FileWriter(this.path)).write(text);
  }

  async drained(): Promise<void> {
    await this.writer?.drained();
  }

  private async *read(): AsyncIterable<string> {
    if (!this.writer) return;
    await this.writer.end();
    yield* createReadStream(this.path, { encoding: 'utf8', highWaterMark: 1 << 20 }) as AsyncIterable<string>;
  }

  chunks(): AsyncIterable<string> {
    return this.read();
  }

  async *lines(): AsyncIterable<string> {
    if (!this.writer) return;
    await this.writer.end();
    const lines = createInterface({ input: createReadStream(this.path, { encoding: 'utf8', highWaterMark: 1 << 20 }), crlfDelay: Infinity });
    for await (const line of lines) if (line) yield line;
  }

  async discard(): Promise<void> {
    await this.writer?.discard();
  }
}

/**
 * An export written to `target` atomically: everything goes to a temp file in the same folder, which
 * replaces the target only once it is complete and on disk. On any failure (a full disk included),
 * `abort` removes the temp file and the spools, and the target is left as it was.
 */
export class FileOutput implements ExportOutput {
  private readonly spools: FileSpool[] = [];
  private readonly pacer = new Pacer();
  private readonly file: FileWriter;
  private readonly stem: string;

  constructor(readonly target: string) {
    this.stem = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}`);
    this.file = new FileWriter(`${this.stem}.tmp`);
  }

  write(chunk: string | Uint8Array): void {
    this.file.write(chunk);
  }

  async flush(): Promise<void> {
    await this.file.drained();
    for (const spool of this.spools) await spool.drained();
    await this.pacer.pause();
  }

  spool(): Spool {
    const spool = new FileSpool(`${this.stem}.${this.spools.length + 1}.spool.tmp`);
    this.spools.push(spool);
    return spool;
  }

  /** Finishes the file: on disk, then renamed over the target. Returns its size in bytes. */
  async commit(): Promise<number> {
    await this.file.end();
    const handle = await open(this.file.path, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(this.file.path, this.target);
    await this.removeSpools();
    return (await stat(this.target)).size;
  }

  async abort(): Promise<void> {
    await this.file.discard();
    await this.removeSpools();
  }

  private async removeSpools(): Promise<void> {
    for (const spool of this.spools) await spool.discard();
  }
}
