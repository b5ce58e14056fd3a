// Library use cases: import (files, folders, uploads) with progress and cancel, list, read,
// edit metadata, delete with undo. Storage, extraction and claims come in through the constructor.
import { createHash, randomBytes } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import type { ClaimSet } from '../../../shared/types/claims.ts';
import type { DocBlock } from '../../../shared/types/blocks.ts';
import type { ExtractedDocument } from '../../../shared/types/ingest.ts';
import type {
  DocumentContent,
  DocumentMetadata,
  DocumentRecord,
  DocumentSummary,
  ImportProgress,
  ImportResult,
} from '../../../shared/types/library.ts';
import { claimableText, withDocumentText } from '../claims/structured.ts';
import { findSameText, textSignature } from './same-text.ts';
import { DossierError } from '../errors.ts';
import type { LibraryStore } from '../storage/library-store.ts';

export interface ImportSource {
  /** What the user gave: an absolute path, or an uploaded file's name. */
  label: string;
  name: string;
  read(): Promise<Uint8Array>;
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
    tags: doc.tags,
    importedAt: doc.importedAt,
    claimCount: doc.claimCount ?? 0,
    sameTextAs: doc.sameTextAs ?? null,
  };
}

const EDITABLE: ReadonlyArray<keyof DocumentMetadata> = ['title', 'author', 'outlet', 'published', 'url', 'lang', 'tags'];

export class LibraryService {
  private readonly cancelled = new Set<string>();

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
    const [text, pages, blocks] = await Promise.all([
      this.deps.store.readText(id),
      this.deps.store.readPages(id),
      this.deps.store.readBlocks(id),
    ]);
    return { document, text, pages, blocks };
  }

  /** Expands folders recursively (supported extensions only, hidden entries skipped). */
  async expandPaths(paths: string[]): Promise<ImportSource[]> {
    const sources: ImportSource[] = [];
    const walk = async (path: string, explicit: boolean): Promise<void> => {
      let info;
      try {
        info = await stat(path);
      } catch {
        sources.push(this.pathSource(path)); // reported as unreadable by the import itself
        return;
      }
      if (info.isDirectory()) {
        const entries = (await readdir(path)).filter((name) => !name.startsWith('.')).sort();
        for (const entry of entries) await walk(join(path, entry), false);
      } else if (explicit || this.deps.extensions.includes(extname(path).toLowerCase())) {
        sources.push(this.pathSource(path));
      }
    };
    for (const path of paths) await walk(resolve(path), true);
    return sources;
  }

  private pathSource(path: string): ImportSource {
    return {
      label: path,
      name: basename(path),
      read: () => this.deps.readFile(path),
    };
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
        url: extracted.meta.url,
        lang: extracted.meta.lang,
        tags: [],
        deletedAt: null,
        claimsVersion: null,
        claimCount: 0,
      };
      // The same text in another format (a report as PDF and as a web page) is linked, not refused.
      record.textSignature = textSignature(extracted.text);
      record.sameTextAs = findSameText(record.textSignature, store.documents.values());
      await store.add(record, { text: extracted.text, pages: extracted.pages, blocks: extracted.blocks, original: bytes });
      const claims = this.deps.claims ? await this.extractClaims(record, extracted.text, extracted.blocks) : null;
      await this.deps.index?.add(store.get(id), extracted.text, claims);
      return { path: source.label, status: 'imported', id, title: record.title, sameTextAs: record.sameTextAs };
    } catch (error) {
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

  /** Stored claims, extracted again when missing or made by another engine version. */
  async claims(id: string): Promise<ClaimSet> {
    const record = this.deps.store.get(id);
    const engine = this.deps.claims;
    const stored = await this.deps.store.readClaims(id);
    if (stored && (!engine || stored.engineVersion === engine.version)) return stored;
    if (!engine) throw new DossierError('no-claims', `Claims for “${record.title}” have not been extracted yet.`);
    const [text, blocks] = await Promise.all([this.deps.store.readText(id), this.deps.store.readBlocks(id)]);
    const set = await this.extractClaims(record, text, blocks);
    await this.deps.index?.update(this.deps.store.get(id));
    return set;
  }

  async update(id: string, changes: Partial<DocumentMetadata>): Promise<DocumentRecord> {
    const record = { ...this.deps.store.get(id) };
    for (const key of Object.keys(changes) as Array<keyof DocumentMetadata>) {
      if (!EDITABLE.includes(key)) throw new DossierError('bad-request', `Field ${key} cannot be edited.`);
      const value = changes[key];
      if (key === 'tags') {
        if (!Array.isArray(value) || value.some((t) => typeof t !== 'string')) throw new DossierError('bad-request', 'Tags must be a list of strings.');
        record.tags = [...new Set(value.map((t) => t.trim()).filter(Boolean))];
      } else if (key === 'title') {
        if (typeof value !== 'string' || !value.trim()) throw new DossierError('bad-request', 'A title cannot be empty.');
        record.title = value.trim();
      } else {
        if (value !== null && typeof value !== 'string') throw new DossierError('bad-request', `Field ${key} must be text.`);
        record[key] = (value as string | null)?.trim() || null;
      }
    }
    await this.deps.store.update(record);
    await this.deps.index?.update(record);
    this.deps.onChanged?.('update');
    return record;
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
