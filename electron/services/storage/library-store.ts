// The on-disk library: a lowdb index of document records (sharded) plus one folder per document
// for large content (text, original file, page map, claims), all written atomically.
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClaimSet } from '../../../shared/types/claims.ts';
import type { DocBlock } from '../../../shared/types/blocks.ts';
import type { PageSpan } from '../../../shared/types/ingest.ts';
import type { DocumentRecord } from '../../../shared/types/library.ts';
import { DossierError } from '../errors.ts';
import { writeAtomic } from './atomic.ts';
import { LibraryLock } from './lock.ts';
import { ShardedCollection } from './sharded-collection.ts';

const ID_PATTERN = /^[0-9a-f]{12}$/;
const BACKUPS_KEPT = 5;

export function assertDocumentId(id: unknown): asserts id is string {
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
    throw new DossierError('bad-id', `Not a document id: ${JSON.stringify(id)}`);
  }
}

export interface StoreOptions {
  /** Skip the lock (read-only inspection tools only). */
  lock?: boolean;
}

export class LibraryStore {
  readonly documents: ShardedCollection<DocumentRecord>;
  readonly warnings: string[] = [];
  readOnly = false;
  private readonly lock: LibraryLock;
  private readonly byHash = new Map<string, string>();
  private readonly collections: ShardedCollection<unknown>[] = [];

  constructor(readonly dir: string) {
    this.lock = new LibraryLock(dir);
    this.documents = this.collection<DocumentRecord>('documents');
  }

  /** Declares another collection (notes, briefs...) stored, backed up and recovered like the documents. */
  collection<T>(name: string): ShardedCollection<T> {
    const collection = new ShardedCollection<T>(join(this.dir, 'index'), name, join(this.dir, 'backups'));
    this.collections.push(collection as ShardedCollection<unknown>);
    return collection;
  }

  async open(options: StoreOptions = {}): Promise<void> {
    await mkdir(join(this.dir, 'docs'), { recursive: true });
    if (options.lock !== false) this.lock.acquire();
    try {
      for (const collection of this.collections) {
        const report = await collection.open();
        this.warnings.push(...report.warnings);
        this.readOnly ||= report.readOnly;
      }
      if (!this.readOnly) {
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

  docDir(id: string): string {
    assertDocumentId(id);
    return join(this.dir, 'docs', id);
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
    await mkdir(dir, { recursive: true });
    await writeAtomic(join(dir, record.originalFile), content.original);
    await writeAtomic(join(dir, 'text.txt'), content.text);
    if (content.pages) await writeAtomic(join(dir, 'pages.json'), JSON.stringify(content.pages));
    if (content.blocks) await writeAtomic(join(dir, 'blocks.json'), JSON.stringify(content.blocks));
    await this.documents.put(record.id, record);
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

  async readClaims(id: string): Promise<ClaimSet | null> {
    const file = join(this.docDir(id), 'claims.json');
    if (!existsSync(file)) return null;
    try {
      return JSON.parse(await readFile(file, 'utf8')) as ClaimSet;
    } catch {
      return null; // unreadable claims are derived data: extract again
    }
  }

  async writeClaims(id: string, claims: ClaimSet): Promise<void> {
    this.assertWritable();
    await writeAtomic(join(this.docDir(id), 'claims.json'), JSON.stringify(claims));
  }

  /** Documents deleted in an earlier run can no longer be restored: remove them for good. */
  private async purgeDeleted(): Promise<void> {
    for (const doc of [...this.documents.values()]) {
      if (!doc.deletedAt) continue;
      await this.documents.delete(doc.id);
      await rm(this.docDir(doc.id), { recursive: true, force: true });
    }
  }

  private async backup(): Promise<void> {
    const root = join(this.dir, 'backups');
    const target = join(root, new Date().toISOString().replace(/[:.]/g, '-'));
    for (const collection of this.collections) await collection.backupInto(target);
    const all = (await readdir(root)).sort();
    for (const old of all.slice(0, Math.max(0, all.length - BACKUPS_KEPT))) {
      await rm(join(root, old), { recursive: true, force: true });
    }
  }

  private assertWritable(): void {
    if (this.readOnly) {
      throw new DossierError('read-only', 'The library is open read-only because a library file could not be read; see the warning at start-up.');
    }
  }
}
