// The on-disk library: a lowdb index of document records (sharded) plus one folder per document
// for large content (text, original file, page map, claims), all written atomically.
import { access, appendFile, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { constants, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClaimSet } from '../../../shared/types/claims.ts';
import type { DocBlock } from '../../../shared/types/blocks.ts';
import type { PageSpan } from '../../../shared/types/ingest.ts';
import type { DocumentRecord } from '../../../shared/types/library.ts';
import { DossierError } from '../errors.ts';
import { writeAtomic } from './atomic.ts';
import { LibraryLock } from './lock.ts';
import { ShardedCollection } from './sharded-collection.ts';
import { BACKUP_META, listBackups } from './backups.ts';
import { documentRecordSchema, recordCheck } from './record-schemas.ts';
import { assertDocumentId, compactClaims, DOCUMENT_ID_PATTERN, documentDir, readClaimsFile } from './document-files.ts';

const BACKUPS_KEPT = 5;
/** Temp files of an atomic write: lowdb's steno (`.name.tmp`) and write-file-atomic (`name.<number>`). */
const STENO_TEMP = /^\..+\.tmp$/;
const ATOMIC_TEMP = /^.+\.\d+$/;

/** A stored record: a JSON object (not null, not an array). */
export function isPlainRecord(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface StoreOptions {
  /** Skip the lock (read-only inspection tools only). */
  lock?: boolean;
}

export class LibraryStore {
  readonly documents: ShardedCollection<DocumentRecord>;
  readonly warnings: string[] = [];
  readOnly = false;
  /** Why the library is read-only, in words for the banner; null when it is writable. */
  readOnlyReason: string | null = null;
  private readonly lock: LibraryLock;
  private readonly byHash = new Map<string, string>();
  private readonly collections: ShardedCollection<unknown>[] = [];

  constructor(readonly dir: string) {
    this.lock = new LibraryLock(dir);
    this.documents = this.collection<DocumentRecord>('documents', recordCheck(documentRecordSchema));
  }

  /** Where interrupted work found at open, and what was done about it, is written for the user. */
  get recoveryLog(): string {
    return join(this.dir, 'recovery.log');
  }

  /** Declares another collection (notes, briefs...) stored, backed up and recovered like the documents. */
  collection<T>(name: string, isRecord: (value: unknown) => boolean = isPlainRecord): ShardedCollection<T> {
    const collection = new ShardedCollection<T>(join(this.dir, 'index'), name, join(this.dir, 'backups'), isRecord);
    this.collections.push(collection as ShardedCollection<unknown>);
    return collection;
  }

  async open(options: StoreOptions = {}): Promise<void> {
    const unwritable = await this.unwritableReason();
    if (unwritable) {
      // A folder we may read but not write (permissions, a read-only disk or mount): open it to read.
      this.readOnly = true;
      this.readOnlyReason = unwritable;
      this.warnings.push(unwritable);
    } else if (options.lock !== false) this.lock.acquire();
    try {
      for (const collection of this.collections) {
        const report = await collection.open({ writable: !unwritable });
        this.warnings.push(...report.warnings);
        if (report.readOnly && !this.readOnly) {
          this.readOnly = true;
          this.readOnlyReason = 'The library is open read-only because one of its files could not be read nor restored from a backup. Nothing will be changed until this is fixed.';
        }
      }
      if (!this.readOnly) {
        await this.recoverInterrupted();
        await this.purgeDeleted();
        await this.backup();
      }
      for (const doc of this.documents.values()) this.byHash.set(doc.contentHash, doc.id);
    } catch (error) {
      this.lock.release();
      throw error;
    }
  }

  close(): void {
    this.lock.release();
  }

  /** Null when the library folder can be written; otherwise why not, for the user. */
  private async unwritableReason(): Promise<string | null> {
    try {
      await mkdir(join(this.dir, 'docs'), { recursive: true });
      await access(this.dir, constants.W_OK);
      await access(join(this.dir, 'docs'), constants.W_OK);
      return null;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (!['EACCES', 'EPERM', 'EROFS'].includes(code) || !existsSync(this.dir)) throw error;
      const why = code === 'EROFS' ? 'it is on a read-only disk' : 'you do not have permission to change it';
      return `The library folder ${this.dir} cannot be written (${why}), so it is open read-only: you can read and search, but nothing can be imported or changed.`;
    }
  }

  docDir(id: string): string {
    return documentDir(this.dir, id);
  }

  findByHash(hash: string): DocumentRecord | undefined {
    const id = this.byHash.get(hash);
    return id ? this.documents.get(id) : undefined;
  }

  get(id: string): DocumentRecord {
    assertDocumentId(id);
    const doc = this.documents.get(id);
    if (!doc || doc.deletedAt) throw new DossierError('not-found', `No document with id ${id} in this library.`);
    return doc;
  }

  /** Writes the content files first and the index record last, so a crash never leaves a record without its text. */
  async add(
    record: DocumentRecord,
    content: { text: string; pages: PageSpan[] | null; blocks?: DocBlock[] | null; original: Uint8Array },
  ): Promise<void> {
    this.assertWritable();
    const dir = this.docDir(record.id);
    try {
      await mkdir(dir, { recursive: true });
      await writeAtomic(join(dir, record.originalFile), content.original);
      await writeAtomic(join(dir, 'text.txt'), content.text);
      if (content.pages) await writeAtomic(join(dir, 'pages.json'), JSON.stringify(content.pages));
      if (content.blocks) await writeAtomic(join(dir, 'blocks.json'), JSON.stringify(content.blocks));
      await this.documents.put(record.id, record);
    } catch (error) {
      // Nothing half-imported stays behind (a full disk, say); a kill here is cleaned at the next open.
      await rm(dir, { recursive: true, force: true }).catch(() => {});
      throw error;
    }
    this.byHash.set(record.contentHash, record.id);
  }

  async update(record: DocumentRecord): Promise<void> {
    this.assertWritable();
    await this.documents.put(record.id, record);
    if (record.deletedAt) this.byHash.delete(record.contentHash);
    else this.byHash.set(record.contentHash, record.id);
  }

  async readText(id: string): Promise<string> {
    return readFile(join(this.docDir(id), 'text.txt'), 'utf8');
  }

  readTextSync(id: string): string {
    return readFileSync(join(this.docDir(id), 'text.txt'), 'utf8');
  }

  async readPages(id: string): Promise<PageSpan[] | null> {
    const file = join(this.docDir(id), 'pages.json');
    return existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as PageSpan[]) : null;
  }

  /** The document's blocks; null for documents stored without them (plain text, or older libraries). */
  async readBlocks(id: string): Promise<DocBlock[] | null> {
    const file = join(this.docDir(id), 'blocks.json');
    if (!existsSync(file)) return null;
    try {
      return JSON.parse(await readFile(file, 'utf8')) as DocBlock[];
    } catch {
      return null; // derived data: the text alone still works
    }
  }

  /** Stores a document's blocks again (a document migrated to the current block model). */
  async writeBlocks(id: string, blocks: DocBlock[]): Promise<void> {
    this.assertWritable();
    await writeAtomic(join(this.docDir(id), 'blocks.json'), JSON.stringify(blocks));
  }

  /** The original file as imported; null when it is missing from the document folder. */
  async readOriginal(id: string): Promise<Uint8Array | null> {
    const file = join(this.docDir(id), this.get(id).originalFile);
    try {
      return new Uint8Array(await readFile(file));
    } catch {
      return null;
    }
  }

  /**
   * The document's claims with its text attached. claims.json references text.txt rather than copying it;
   * a file from an older library that still holds the text is rewritten in the compact form on first read.
   */
  async readClaims(id: string): Promise<ClaimSet | null> {
    const read = await readClaimsFile(this.docDir(id));
    if (read?.legacy && !this.readOnly) await this.writeClaims(id, read.set);
    return read?.set ?? null;
  }

  async writeClaims(id: string, claims: ClaimSet): Promise<void> {
    this.assertWritable();
    await writeAtomic(join(this.docDir(id), 'claims.json'), JSON.stringify(compactClaims(claims)));
  }

  /** Documents deleted in an earlier run can no longer be restored: remove them for good. */
  private async purgeDeleted(): Promise<void> {
    for (const doc of [...this.documents.values()]) {
      if (!doc.deletedAt) continue;
      await this.documents.delete(doc.id);
      await rm(this.docDir(doc.id), { recursive: true, force: true });
    }
  }

  /**
   * Each backup gets the next number in the library's sequence, stored with it; rotation keeps the
   * highest numbers, so a clock set wrong (forward or back) never makes a recent backup look old.
   */
  private async backup(): Promise<void> {
    const root = join(this.dir, 'backups');
    await mkdir(root, { recursive: true });
    const existing = await listBackups(root);
    const sequence = (existing[0]?.sequence ?? 0) + 1;
    const target = join(root, `backup-${String(sequence).padStart(8, '0')}`);
    await rm(target, { recursive: true, force: true });
    for (const collection of this.collections) await collection.backupInto(target);
    // The meta file goes last: a backup without it (cut short by a kill) sorts as oldest.
    await writeFile(join(target, BACKUP_META), JSON.stringify({ sequence, takenAt: new Date().toISOString() }));
    for (const old of (await listBackups(root)).slice(BACKUPS_KEPT)) {
      await rm(join(root, old.folder), { recursive: true, force: true });
    }
  }

  /**
   * After a kill: document folders whose import never reached the index, and temp files of writes that
   * never finished, are removed; each is written to the recovery log and reported as a warning.
   */
  private async recoverInterrupted(): Promise<void> {
    const found: string[] = [];
    const docsDir = join(this.dir, 'docs');
    for (const name of await readdir(docsDir)) {
      const full = join(docsDir, name);
      if (DOCUMENT_ID_PATTERN.test(name) && this.documents.get(name)) continue;
      await rm(full, { recursive: true, force: true });
      found.push(`removed ${full}: an import that did not finish (no library record refers to it)`);
    }
    const tempIn = async (dir: string, pattern: RegExp) => {
      if (!existsSync(dir)) return;
      for (const name of await readdir(dir)) {
        if (!pattern.test(name)) continue;
        const full = join(dir, name);
        if (!(await stat(full)).isFile()) continue;
        await rm(full, { force: true });
        found.push(`removed ${full}: a temporary file of a write that did not finish`);
      }
    };
    await tempIn(join(this.dir, 'index'), STENO_TEMP);
    await tempIn(join(this.dir, 'search'), /^index\.json\.\d+$/);
    await tempIn(this.dir, /^\.lock\.tmp$|^\..+\.tmp$/);
    if (!found.length) return;
    const when = new Date().toISOString();
    await appendFile(this.recoveryLog, found.map((line) => `${when} ${line}\n`).join(''));
    this.warnings.push(
      `Dossier was stopped during earlier work and tidied up ${found.length === 1 ? 'one leftover' : `${found.length} leftovers`} at start-up; nothing you saved was affected. Details: ${this.recoveryLog}`,
    );
  }

  /**
   * Temp files left inside document folders by a claims or text write that was cut short. Run in the
   * background after open; files newer than `openedAt` may belong to writes of this run and are kept.
   */
  async removeStaleDocumentTemps(openedAt: number): Promise<string[]> {
    if (this.readOnly) return [];
    const removed: string[] = [];
    const docsDir = join(this.dir, 'docs');
    for (const id of await readdir(docsDir).catch(() => [] as string[])) {
      const dir = join(docsDir, id);
      for (const name of await readdir(dir).catch(() => [] as string[])) {
        if (!ATOMIC_TEMP.test(name)) continue;
        const full = join(dir, name);
        const info = await stat(full).catch(() => null);
        if (!info?.isFile() || info.mtimeMs >= openedAt) continue;
        await rm(full, { force: true });
        removed.push(full);
      }
    }
    if (removed.length) {
      const when = new Date().toISOString();
      await appendFile(this.recoveryLog, removed.map((full) => `${when} removed ${full}: a temporary file of a write that did not finish\n`).join(''));
    }
    return removed;
  }

  private assertWritable(): void {
    if (this.readOnly) {
      throw new DossierError('read-only', this.readOnlyReason ?? 'The library is open read-only; see the warning at start-up.');
    }
  }
}
