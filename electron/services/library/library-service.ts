// Library use cases: import (files, folders, uploads) with progress and cancel, list, read,
// edit metadata, delete with undo. Storage, extraction and claims come in through the constructor.
import { createHash, randomBytes } from 'node:crypto';
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import type { ClaimSet } from '../../../shared/types/claims.ts';
import { BLOCK_MODEL_VERSION, type DocBlock } from '../../../shared/types/blocks.ts';
import type { ExtractedDocument } from '../../../shared/types/ingest.ts';
import type {
  DocumentContent,
  DocumentMetadata,
  DocumentRecord,
  DocumentSummary,
  ImportProgress,
  ImportResult,
  MetadataUpdate,
} from '../../../shared/types/library.ts';
import { claimableText, withDocumentText } from '../claims/structured.ts';
import { findSameText, textSignature } from './same-text.ts';
import { rebuildBlocks } from './structure.ts';
import { DISK_FULL_MESSAGE, DossierError, isDiskFull } from '../errors.ts';
import type { LibraryStore } from '../storage/library-store.ts';


/** A folder import stops after this many files and folders, and this many levels of nesting. */
const MAX_WALK_ENTRIES = 100_000;
const MAX_WALK_DEPTH = 64;
export interface ImportSource {
  /** What the user gave: an absolute path, or an uploaded file's name. */
  label: string;
  name: string;
  read(): Promise<Uint8Array>;
  /** The absolute path, for a file on disk (an upload has none). */
  path?: string;
  /** Set when a folder walk found the file but import does not read it: the reason, reported as `skipped`. */
  skip?: string;
}

export interface LibraryDeps {
  store: LibraryStore;
  /** Turns a file's bytes into text and metadata; throws an error with a `code` for bad input. */
  extract(input: { name: string; bytes: Uint8Array }): Promise<ExtractedDocument>;
  /** Reads a file for import, refusing huge, empty or unsupported files before loading them. */
  readFile(path: string): Promise<Uint8Array>;
  claims?: { extract(text: string): Promise<ClaimSet>; version: string };
  /** Full-text index kept in step with imports and edits. */
  index?: { add(doc: DocumentRecord, text?: string, claims?: ClaimSet | null): Promise<void>; update(doc: DocumentRecord): Promise<void> };
  onProgress?(progress: ImportProgress): void;
  onChanged?(reason: string): void;
  /** Whether a collection id names a live collection; edits naming another are refused. */
  collectionExists?(id: string): boolean;
  /** Extensions the importer takes when it walks a folder. */
  extensions: readonly string[];
}

export interface ImportOptions {
  jobId?: string;
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+|(?<=\p{N})[.,]\p{N}+)*/gu;

export function countWords(text: string): number {
  let count = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text)) count++;
  return count;
}

export function summarize(doc: DocumentRecord): DocumentSummary {
  return {
    id: doc.id,
    title: doc.title,
    format: doc.format,
    path: doc.sourcePath,
    words: doc.words,
    author: doc.author,
    outlet: doc.outlet,
    published: doc.published,
    url: doc.url,
    lang: doc.lang,
    tags: doc.tags,
    collections: doc.collections ?? [],
    fileDate: doc.fileDate ?? null,
    importedAt: doc.importedAt,
    claimCount: doc.claimCount ?? 0,
    sameTextAs: doc.sameTextAs ?? null,
  };
}

const EDITABLE: ReadonlyArray<keyof DocumentMetadata> = ['title', 'author', 'outlet', 'published', 'url', 'lang', 'tags', 'collections'];

/** A publication date as the app stores it: a year, a month, a day, or a day with a time (and zone). */
const ISO_DATE = /^\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01])(?:T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?)?)?$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  if (!d) return true;
  // 2023-02-30 passes the pattern; the calendar decides.
  const date = new Date(Date.UTC(y!, m! - 1, d));
  return date.getUTCMonth() === m! - 1 && date.getUTCDate() === d;
}

/** A language tag such as en, en-GB or pt-BR (BCP 47, the common shapes). */
export const LANG_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/i;

/** A link the library keeps as a document's URL: web, FTP or a local file. */
export const URL_PATTERN = /^(https?|ftp|file):\/\/\S+$/i;

/** The distinct, trimmed, non-empty names of a list, first spelling kept (tags match without case). */
function cleanList(values: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const name = value.trim().replace(/\s+/g, ' ');
    if (!name || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    out.push(name);
  }
  return out;
}

export class LibraryService {
  private readonly cancelled = new Set<string>();
  /** Documents whose blocks are being rebuilt, by id. */
  private readonly restructuring = new Map<string, Promise<DocBlock[]>>();
  /** Claim extractions under way, by document: see `claims`. */
  private readonly extracting = new Map<string, Promise<ClaimSet>>();

  constructor(private readonly deps: LibraryDeps) {}

  count(): number {
    let count = 0;
    for (const doc of this.deps.store.documents.values()) if (!doc.deletedAt) count++;
    return count;
  }

  list(): DocumentSummary[] {
    const docs: DocumentSummary[] = [];
    for (const doc of this.deps.store.documents.values()) if (!doc.deletedAt) docs.push(summarize(doc));
    return docs.sort((a, b) => (a.importedAt < b.importedAt ? 1 : a.importedAt > b.importedAt ? -1 : a.title.localeCompare(b.title)));
  }

  async get(id: string): Promise<DocumentContent> {
    const document = this.deps.store.get(id);
    const [text, pages, blocks] = await Promise.all([this.deps.store.readText(id), this.deps.store.readPages(id), this.blocksOf(document)]);
    return { document: this.deps.store.get(id), text, pages, blocks };
  }

  /**
   * The document's blocks under the current block model. A document stored by an older version (or
   * before documents kept their structure) is migrated the first time it is opened: its blocks are
   * rebuilt and stored, and claims made without them are extracted again. Concurrent reads share one
   * rebuild.
   */
  private blocksOf(record: DocumentRecord): Promise<DocBlock[] | null> {
    if (record.blocksVersion === BLOCK_MODEL_VERSION) return this.deps.store.readBlocks(record.id);
    let pending = this.restructuring.get(record.id);
    if (!pending) {
      pending = this.migrateBlocks(record).finally(() => this.restructuring.delete(record.id));
      this.restructuring.set(record.id, pending);
    }
    return pending;
  }

  private async migrateBlocks(record: DocumentRecord): Promise<DocBlock[]> {
    const { store } = this.deps;
    const [text, stored, original] = await Promise.all([store.readText(record.id), store.readBlocks(record.id), store.readOriginal(record.id)]);
    const blocks = await rebuildBlocks({ name: record.originalFile, text, original, blocks: stored }, this.deps.extract);
    // A read-only library gets the structure for this session without anything being written.
    if (store.readOnly) return blocks;
    await store.writeBlocks(record.id, blocks);
    await store.update({ ...store.get(record.id), blocksVersion: BLOCK_MODEL_VERSION });
    // Claims made without this structure may reach into headings, notes or reference lists.
    if (this.deps.claims && record.claimsVersion) {
      await this.extractClaims(store.get(record.id), text, blocks);
      await this.deps.index?.update(store.get(record.id));
    }
    return blocks;
  }

  /** Expands folders recursively (supported extensions only, hidden entries skipped). */
  /**
   * Files to import from the given files and folders. Each real path is visited once, so a symbolic
   * link back up the tree (or two links to one file) neither loops nor imports a file twice; what is
   * skipped comes back as an entry that reports why. The walk stops at a bounded number of entries.
   */
  async expandPaths(paths: string[]): Promise<ImportSource[]> {
    const sources: ImportSource[] = [];
    const visited = new Map<string, string>();
    let seen = 0;
    const skip = (path: string, reason: string) => sources.push(this.skippedSource(path, reason));
    const walk = async (path: string, explicit: boolean, depth: number): Promise<void> => {
      if (++seen > MAX_WALK_ENTRIES) {
        if (seen === MAX_WALK_ENTRIES + 1) skip(path, `The folder holds more than ${MAX_WALK_ENTRIES} entries; the rest was not imported.`);
        return;
      }
      let info;
      let real;
      try {
        info = await stat(path);
        real = await realpath(path);
      } catch {
        sources.push(this.pathSource(path)); // reported as unreadable by the import itself
        return;
      }
      const earlier = visited.get(real);
      if (earlier !== undefined) {
        if (info.isDirectory()) skip(path, `Skipped: a link to the folder ${earlier}, which this import already covers.`);
        else if (explicit || this.deps.extensions.includes(extname(path).toLowerCase()))
          skip(path, `Skipped: the same file as ${earlier}, already in this import.`);
        return;
      }
      visited.set(real, path);
      if (info.isDirectory()) {
        if (depth >= MAX_WALK_DEPTH) {
          skip(path, `Skipped: folders nested more than ${MAX_WALK_DEPTH} levels deep.`);
          return;
        }
        let names: string[];
        try {
          names = await readdir(path);
        } catch {
          skip(path, 'Skipped: the folder cannot be read.');
          return;
        }
        for (const entry of names.sort()) {
          if (entry.startsWith('.')) skip(join(path, entry), 'Skipped: a hidden file or folder.');
          else await walk(join(path, entry), false, depth + 1);
        }
      } else if (explicit || this.deps.extensions.includes(extname(path).toLowerCase())) {
        sources.push(this.pathSource(path));
      } else {
        const ext = extname(path).toLowerCase();
        sources.push(this.skippedSource(path, ext ? `${ext} files are not imported (supported: ${this.deps.extensions.join(', ')})` : `no file extension (supported: ${this.deps.extensions.join(', ')})`));
      }
    };
    for (const path of paths) await walk(resolve(path), true, 0);
    return sources;
  }

  /** An entry that imports nothing and reports why the walk passed it by. */
  private skippedSource(path: string, reason: string): ImportSource {
    return { label: path, name: basename(path), skip: reason, read: () => Promise.reject(new DossierError('skipped', reason)) };
  }

  private pathSource(path: string): ImportSource {
    return {
      label: path,
      name: basename(path),
      path,
      read: () => this.deps.readFile(path),
    };
  }

  /** A file on disk as import reads it (refusing huge, empty or unsupported files before loading them). */
  sourceForPath(path: string): ImportSource {
    return this.pathSource(resolve(path));
  }

  async importPaths(paths: string[], options: ImportOptions = {}): Promise<ImportResult[]> {
    return this.importSources(await this.expandPaths(paths), options);
  }

  cancelImport(jobId: string): boolean {
    this.cancelled.add(jobId);
    return true;
  }

  /** Imports one by one so a bad file never stops the batch; progress after each file. */
  async importSources(sources: ImportSource[], options: ImportOptions = {}): Promise<ImportResult[]> {
    const jobId = options.jobId ?? randomBytes(4).toString('hex');
    const results: ImportResult[] = [];
    const report = (current: string | null, finished: boolean, cancelled = false) =>
      this.deps.onProgress?.({ jobId, done: results.length, total: sources.length, current, finished, cancelled });
    try {
      for (const source of sources) {
        if (this.cancelled.has(jobId)) {
          report(null, true, true);
          return results;
        }
        report(source.label, false);
        results.push(await this.importOne(source));
      }
      report(null, true);
      return results;
    } finally {
      this.cancelled.delete(jobId);
      if (results.some((r) => r.status === 'imported')) this.deps.onChanged?.('import');
    }
  }

  private async importOne(source: ImportSource): Promise<ImportResult> {
    const { store } = this.deps;
    if (source.skip) return { path: source.label, status: 'skipped', error: `Skipped: ${source.skip}.`, errorCode: 'skipped' };
    try {
      const bytes = await source.read();
      const contentHash = createHash('sha256').update(bytes).digest('hex');
      const existing = store.findByHash(contentHash);
      if (existing && !existing.deletedAt) {
        return { path: source.label, status: 'duplicate', id: existing.id, title: existing.title, error: `Already in the library as “${existing.title}”.` };
      }
      const extracted = await this.deps.extract({ name: source.name, bytes });
      const id = randomBytes(6).toString('hex');
      const ext = extname(source.name).toLowerCase() || `.${extracted.format}`;
      const record: DocumentRecord = {
        id,
        format: extracted.format,
        sourcePath: source.label,
        contentHash,
        importedAt: new Date().toISOString(),
        words: countWords(extracted.text),
        chars: extracted.text.length,
        originalFile: `original${ext}`,
        title: extracted.meta.title?.trim() || source.name,
        author: extracted.meta.author,
        outlet: extracted.meta.outlet,
        published: extracted.meta.published,
        fileDate: extracted.meta.fileDate ?? null,
        url: extracted.meta.url,
        lang: extracted.meta.lang,
        tags: [],
        collections: [],
        deletedAt: null,
        claimsVersion: null,
        claimCount: 0,
        blocksVersion: BLOCK_MODEL_VERSION,
      };
      // The same text in another format (a report as PDF and as a web page) is linked, not refused.
      record.textSignature = textSignature(extracted.text);
      record.sameTextAs = findSameText(record.textSignature, store.documents.values());
      await store.add(record, { text: extracted.text, pages: extracted.pages, blocks: extracted.blocks, original: bytes });
      const claims = this.deps.claims ? await this.extractClaims(record, extracted.text, extracted.blocks) : null;
      await this.deps.index?.add(store.get(id), extracted.text, claims);
      return { path: source.label, status: 'imported', id, title: record.title, sameTextAs: record.sameTextAs };
    } catch (error) {
      if (isDiskFull(error)) return { path: source.label, status: 'error', error: DISK_FULL_MESSAGE, errorCode: 'disk-full' };
      const err = error as { code?: unknown; message?: string };
      return {
        path: source.label,
        status: 'error',
        error: err.message ?? String(error),
        errorCode: typeof err.code === 'string' ? err.code : 'internal',
      };
    }
  }

  private async extractClaims(record: DocumentRecord, text: string, blocks: DocBlock[] | null): Promise<ClaimSet> {
    const engine = this.deps.claims!;
    const set = withDocumentText(await engine.extract(claimableText(text, blocks)), text);
    await this.deps.store.writeClaims(record.id, set);
    const updated = { ...this.deps.store.get(record.id), claimsVersion: engine.version, claimCount: set.claims.length };
    await this.deps.store.update(updated);
    return set;
  }

  /**
   * Whether `claims(id)` would return the stored claims as they are, as far as the document's record
   * tells (its structure and claims made by the current versions), so another thread may read them from
   * the document folder. Whoever reads them still checks the file's own engine version.
   */
  storedClaimsCurrent(id: string): boolean {
    const record = this.deps.store.get(id);
    return record.blocksVersion === BLOCK_MODEL_VERSION && (!this.deps.claims || record.claimsVersion === this.deps.claims.version);
  }

  /**
   * Stored claims, extracted again when missing or made by another engine version. Readers that ask
   * for the same out-of-date document at once (an export and the comparison it started) share one
   * extraction, and so one set: callers treat it as read-only (reviews are applied to copies). A reader
   * that read the stale file just before an extraction ended may extract again: the work is repeated,
   * never the result wrong.
   */
  async claims(id: string): Promise<ClaimSet> {
    const running = this.extracting.get(id);
    if (running) return running;
    const record = this.deps.store.get(id);
    const engine = this.deps.claims;
    // A document from an older library is brought to the current structure first (claims included);
    // a current one's blocks are read only when its claims must be extracted.
    const migrated = record.blocksVersion === BLOCK_MODEL_VERSION ? null : await this.blocksOf(record);
    const stored = await this.deps.store.readClaims(id);
    if (stored && (!engine || stored.engineVersion === engine.version)) return stored;
    if (!engine) throw new DossierError('no-claims', `Claims for “${record.title}” have not been extracted yet.`);
    const started = this.extracting.get(id);
    if (started) return started;
    const extraction = (async () => {
      const text = await this.deps.store.readText(id);
      const set = await this.extractClaims(record, text, migrated ?? (await this.blocksOf(record)));
      await this.deps.index?.update(this.deps.store.get(id));
      return set;
    })();
    this.extracting.set(id, extraction);
    try {
      return await extraction;
    } finally {
      this.extracting.delete(id);
    }
  }

  /** Checks one change set against a record and returns the edited copy; throws before anything is saved. */
  private edited(id: string, changes: Partial<DocumentMetadata>): DocumentRecord {
    if (!changes || typeof changes !== 'object') throw new DossierError('bad-request', 'Give the fields to change.');
    const record = { ...this.deps.store.get(id) };
    for (const key of Object.keys(changes) as Array<keyof DocumentMetadata>) {
      if (!EDITABLE.includes(key)) throw new DossierError('bad-request', `Field ${key} cannot be edited.`);
      const value = changes[key];
      if (key === 'tags' || key === 'collections') {
        if (!Array.isArray(value) || value.some((t) => typeof t !== 'string')) throw new DossierError('bad-request', `${key === 'tags' ? 'Tags' : 'Collections'} must be a list of names.`);
        if (key === 'tags') record.tags = cleanList(value);
        else {
          const ids = [...new Set(value)];
          for (const cid of ids) if (this.deps.collectionExists && !this.deps.collectionExists(cid)) throw new DossierError('not-found', `No collection with id ${cid}.`);
          record.collections = ids;
        }
      } else if (key === 'title') {
        if (typeof value !== 'string' || !value.trim()) throw new DossierError('bad-request', 'A title cannot be empty.');
        record.title = value.trim().replace(/\s+/g, ' ');
      } else {
        if (value !== null && typeof value !== 'string') throw new DossierError('bad-request', `Field ${key} must be text.`);
        const text = (value as string | null)?.trim() || null;
        if (text && key === 'published' && !isIsoDate(text)) throw new DossierError('bad-request', `A published date looks like 2018-05-29 or 2018-05-29T14:05, not “${text}”.`);
        if (text && key === 'lang' && !LANG_TAG.test(text)) throw new DossierError('bad-request', `A language is a code such as en, fr or pt-BR, not “${text}”.`);
        if (text && key === 'url' && !URL_PATTERN.test(text)) throw new DossierError('bad-request', `A URL starts with http:// or https://, not “${text}”.`);
        record[key] = text;
      }
    }
    return record;
  }

  /** Saves at once and re-indexes the document, so search filters see the change. */
  async update(id: string, changes: Partial<DocumentMetadata>): Promise<DocumentRecord> {
    const [record] = await this.updateMany([{ id, changes }]);
    return record!;
  }

  /** Several documents at once (a bulk edit, or its undo): every change is checked before any is saved. */
  async updateMany(updates: MetadataUpdate[]): Promise<DocumentRecord[]> {
    if (!Array.isArray(updates) || !updates.length) throw new DossierError('bad-request', 'Nothing to update.');
    const records = updates.map((u) => this.edited(u?.id, u?.changes));
    for (const record of records) {
      await this.deps.store.update(record);
      await this.deps.index?.update(record);
    }
    this.deps.onChanged?.('update');
    return records;
  }

  /** Soft delete: the record stays restorable until the library is next opened. */
  async delete(id: string): Promise<{ id: string; title: string }> {
    const record = this.deps.store.get(id);
    await this.deps.store.update({ ...record, deletedAt: new Date().toISOString() });
    this.deps.onChanged?.('delete');
    return { id, title: record.title };
  }

  async restore(id: string): Promise<DocumentSummary> {
    const record = this.deps.store.documents.get(id);
    if (!record) throw new DossierError('not-found', `No document with id ${id} can be restored.`);
    const restored = { ...record, deletedAt: null };
    await this.deps.store.update(restored);
    this.deps.onChanged?.('restore');
    return summarize(restored);
  }
}
