// Exports waiting for a browser to fetch them. The browser host cannot write into the user's folders,
// so it writes an export to a private temp folder and answers with a one-time id; the browser then
// fetches the file, streamed from disk, and it is removed. Unfetched files go after ten minutes.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ExportDownload {
  id: string;
  path: string;
  fileName: string;
  mime: string;
  bytes: number;
}

const KEPT_MS = 10 * 60_000;

export class ExportDownloads {
  private dir: Promise<string> | null = null;
  private readonly files = new Map<string, { download: ExportDownload; timer: NodeJS.Timeout | null }>();

  /** A place to write an export to; it can be fetched once `ready` is called. */
  async reserve(fileName: string, mime: string): Promise<ExportDownload> {
    this.dir ??= mkdtemp(join(tmpdir(), 'dossier-exports-'));
    const id = randomBytes(16).toString('hex');
    // The path holds no part of the file's name: only the id, which the host made.
    const download = { id, path: join(await this.dir, id), fileName, mime, bytes: 0 };
    this.files.set(id, { download, timer: null });
    return download;
  }

  /** The export is written: it may be fetched, once, for the next ten minutes. */
  ready(id: string, bytes: number): void {
    const entry = this.files.get(id);
    if (!entry) return;
    entry.download.bytes = bytes;
    entry.timer = setTimeout(() => void this.discard(id), KEPT_MS);
    entry.timer.unref();
  }

  /** Hands a ready export over (it can be taken only once); the caller removes it with `release` when sent. */
  take(id: string): ExportDownload | null {
    const entry = this.files.get(id);
    if (!entry?.timer) return null;
    clearTimeout(entry.timer);
    this.files.delete(id);
    return entry.download;
  }

  async release(download: ExportDownload): Promise<void> {
    await rm(download.path, { force: true }).catch(() => {});
  }

  /** Drops a reserved or ready export. */
  async discard(id: string): Promise<void> {
    const entry = this.files.get(id);
    if (!entry) return;
    if (entry.timer) clearTimeout(entry.timer);
    this.files.delete(id);
    await this.release(entry.download);
  }

  async close(): Promise<void> {
    for (const { timer } of this.files.values()) if (timer) clearTimeout(timer);
    this.files.clear();
    const dir = await this.dir?.catch(() => null);
    if (dir) await rm(dir, { recursive: true, force: true }).catch(() => {});
    this.dir = null;
  }
}
