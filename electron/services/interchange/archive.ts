// The library archive (.dossier.zip): documents (original files, extracted text, page map, structure,
// claims), their metadata, collections, notes, claim reviews and briefs, with a versioned manifest that
// holds the SHA-256 of every file. Import checks the whole archive before it writes anything, merges
// documents the library already has (same content hash) instead of copying them, and re-anchors notes,
// reviews and brief claims to the same passages in the library's copy of the text.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import * as v from 'valibot';
import type { Brief, BriefItem } from '../../../shared/types/brief.ts';
import type { TextAnchor } from '../../../shared/types/anchors.ts';
import type { Collection, DocumentRecord } from '../../../shared/types/library.ts';
import type { Note } from '../../../shared/types/notes.ts';
import type { DocBlock } from '../../../shared/types/blocks.ts';
import type { PageSpan } from '../../../shared/types/ingest.ts';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  type ArchiveImportReport,
  type ArchiveManifest,
  type UnplacedItem,
} from '../../../shared/types/interchange.ts';
import { DossierError } from '../errors.ts';
import { makeAnchor, resolveAnchor } from '../anchors/anchors.ts';
import { matchQuote, prepareText, type PreparedText } from '../anchors/match-quote.ts';
import { briefRefs, briefWithin } from '../briefs/brief-service.ts';
import type { CollectionsService } from '../collections/collections-service.ts';
import type { LibraryStore } from '../storage/library-store.ts';
import type { ShardedCollection } from '../storage/sharded-collection.ts';
import { briefRecordSchema, collectionRecordSchema, documentRecordSchema, noteRecordSchema, reviewRecordSchema } from '../storage/record-schemas.ts';
import type { StoredReview } from '../review/review-service.ts';
import { writeAtomic } from '../storage/atomic.ts';
import { fillEmpty } from './references.ts';
import { readZip, zipToBuffer, zipToFile, type ZipInput, type ZipReader } from './zip.ts';

/** Files of a document folder that travel in an archive (the search index is rebuilt, not copied). */
const DOC_FILES = ['text.txt', 'pages.json', 'blocks.json', 'claims.json'] as const;

const RECORD_FILES = {
  documents: 'library/documents.json',
  collections: 'library/collections.json',
  notes: 'library/notes.json',
  reviews: 'library/reviews.json',
  briefs: 'library/briefs.json',
} as const;

/** Checked on the central directory before anything is inflated. */
export const ARCHIVE_LIMITS = {
  maxEntries: 500_000,
  maxTotalBytes: 32 * 1024 * 1024 * 1024,
  /** An original file may be 100 MB; extracted text and structure stay far below this. */
  maxEntryBytes: 512 * 1024 * 1024,
  /** manifest.json and the record lists are read into memory whole. */
  maxRecordFileBytes: 256 * 1024 * 1024,
};

export interface ArchiveDeps {
  store: LibraryStore;
  collections: ShardedCollection<Collection>;
  notes: ShardedCollection<Note>;
  reviews: ShardedCollection<StoredReview>;
  briefs: ShardedCollection<Brief>;
  /** Finds the library's collection an archive's collection merges into, by name. */
  collectionService: CollectionsService;
  appVersion: string;
  /** Keeps the search index in step with documents and notes an import brings. */
  index?: { add(doc: DocumentRecord): Promise<void>; notesChanged(docId: string | null): Promise<void> };
  onChanged?(reason: string): void;
}

interface ArchiveContent {
  documents: DocumentRecord[];
  collections: Collection[];
  notes: Note[];
  reviews: StoredReview[];
  briefs: Brief[];
}

const live = <T extends { deletedAt?: string | null }>(items: Iterable<T>): T[] => [...items].filter((item) => !item.deletedAt);
const withoutDeletion = <T extends { deletedAt?: string | null }>(item: T): T => ({ ...item, deletedAt: null });

function sha256File(path: string): Promise<[string, number]> {
  return new Promise((resolveHash, rejectHash) => {
    const hash = createHash('sha256');
    let bytes = 0;
    createReadStream(path)
      .on('data', (chunk) => {
        bytes += chunk.length;
        hash.update(chunk);
      })
      .on('error', rejectHash)
      .on('end', () => resolveHash([hash.digest('hex'), bytes]));
  });
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

export class ArchiveService {
  constructor(private readonly deps: ArchiveDeps) {}

  /** What an archive of the library, or of one collection, holds. */
  private select(collectionId: string | null): ArchiveContent {
    const { store } = this.deps;
    let documents = live(store.documents.values());
    if (collectionId) documents = documents.filter((d) => d.collections?.includes(collectionId));
    const docIds = new Set(documents.map((d) => d.id));
    const collections = live(this.deps.collections.values()).filter((c) => !collectionId || c.id === collectionId);
    const collectionIds = new Set(collections.map((c) => c.id));
    // A brief travels when every document it cites travels (in a collection's archive, at least one must).
    const briefs = live(this.deps.briefs.values()).filter((b) => !collectionId || briefWithin(b, docIds));
    const briefNotes = new Set(briefs.flatMap((b) => briefRefs(b).noteIds));
    const notes = live(this.deps.notes.values()).filter((n) => (n.docId ? docIds.has(n.docId) : !collectionId || briefNotes.has(n.id)));
    const noteIds = new Set(notes.map((n) => n.id));
    // A brief whose note is gone would not resolve: the note items are dropped, as the brief view drops them.
    const keptBriefs = briefs.map((b) => ({ ...b, items: b.items.filter((i) => i.type !== 'note' || noteIds.has(i.noteId)) }));
    const reviews = [...this.deps.reviews.values()].filter((r) => docIds.has(r.docId));
    return {
      documents: documents.map((d) => ({ ...withoutDeletion(d), collections: (d.collections ?? []).filter((c) => collectionIds.has(c)), sameTextAs: d.sameTextAs && docIds.has(d.sameTextAs.id) ? d.sameTextAs : null })),
      collections: collections.map(withoutDeletion),
      notes: notes.map(withoutDeletion),
      reviews,
      briefs: keptBriefs.map(withoutDeletion),
    };
  }

  /** The archive's entries: manifest first, then the record lists, then each document's files. */
  private async entries(collectionId: string | null, collectionName: string | null): Promise<{ inputs: ZipInput[]; manifest: ArchiveManifest }> {
    const content = this.select(collectionId);
    const files: ArchiveManifest['files'] = {};
    const inputs: ZipInput[] = [];
    for (const [key, name] of Object.entries(RECORD_FILES) as Array<[keyof ArchiveContent, string]>) {
      const data = Buffer.from(`${JSON.stringify(content[key], null, 1)}\n`, 'utf8');
      files[name] = { sha256: sha256(data), bytes: data.length };
      inputs.push({ name, data });
    }
    for (const doc of content.documents) {
      const dir = this.deps.store.docDir(doc.id);
      for (const file of [doc.originalFile, ...DOC_FILES]) {
        const path = join(dir, file);
        if (!existsSync(path)) {
          if (file === doc.originalFile || file === 'text.txt') throw new DossierError('corrupt', `“${doc.title}” is missing its ${file === 'text.txt' ? 'text' : 'original file'} in the library, so the archive was not written.`);
          continue;
        }
        const name = `docs/${doc.id}/${file}`;
        // The original file's SHA-256 is the document's content hash, taken when it was imported.
        const [hash, bytes] = file === doc.originalFile ? [doc.contentHash, (await stat(path)).size] : await sha256File(path);
        files[name] = { sha256: hash, bytes };
        inputs.push({ name, file: path });
      }
    }
    const manifest: ArchiveManifest = {
      format: ARCHIVE_FORMAT,
      version: ARCHIVE_VERSION,
      createdAt: new Date().toISOString(),
      app: { name: 'Dossier', version: this.deps.appVersion },
      collection: collectionName,
      counts: {
        documents: content.documents.length,
        collections: content.collections.length,
        notes: content.notes.length,
        reviews: content.reviews.length,
        briefs: content.briefs.length,
      },
      files,
    };
    return { inputs: [{ name: 'manifest.json', data: `${JSON.stringify(manifest, null, 1)}\n` }, ...inputs], manifest };
  }

  async exportToBuffer(collection: Collection | null): Promise<{ data: Buffer; manifest: ArchiveManifest }> {
    const { inputs, manifest } = await this.entries(collection?.id ?? null, collection?.name ?? null);
    return { data: await zipToBuffer(inputs), manifest };
  }

  async exportToFile(collection: Collection | null, path: string): Promise<{ bytes: number; manifest: ArchiveManifest }> {
    const { inputs, manifest } = await this.entries(collection?.id ?? null, collection?.name ?? null);
    return { bytes: await zipToFile(inputs, path), manifest };
  }

  /**
   * Imports an archive (its path, or its bytes for an upload). Everything is read and checked first:
   * a foreign, damaged or truncated archive is refused with the reason, and the library is unchanged.
   */
  async importArchive(source: string | Buffer, label: string): Promise<ArchiveImportReport> {
    const fail = (reason: string) => new DossierError('bad-archive', `${label} cannot be imported: ${reason}. Nothing was changed.`);
    const zip = await readZip(source, ARCHIVE_LIMITS, fail);
    try {
      const { manifest, content } = await this.checkArchive(zip, fail);
      const plan = await this.plan(zip, content);
      await this.apply(zip, plan);
      const report: ArchiveImportReport = {
        archive: { createdAt: manifest.createdAt, appVersion: manifest.app.version, collection: manifest.collection },
        documents: { added: plan.newDocs.length, merged: plan.mergedDocs.length },
        collections: { added: plan.newCollections.length, merged: content.collections.length - plan.newCollections.length },
        notes: { added: plan.notes.length, skipped: content.notes.length - plan.notes.length },
        reviews: { added: plan.reviews.length, skipped: content.reviews.length - plan.reviews.length },
        briefs: { added: plan.briefs.length, skipped: content.briefs.length - plan.briefs.length },
        unplaced: plan.unplaced,
      };
      if (plan.newDocs.length || plan.notes.length || plan.briefs.length || plan.reviews.length || plan.mergedDocs.length) this.deps.onChanged?.('import');
      return report;
    } finally {
      zip.close();
    }
  }

  /** Manifest, file hashes, record shapes and references: every check that needs no write. */
  private async checkArchive(zip: ZipReader, fail: (reason: string) => DossierError): Promise<{ manifest: ArchiveManifest; content: ArchiveContent }> {
    const manifestEntry = zip.entries.get('manifest.json');
    if (!manifestEntry) throw fail('it is not a Dossier archive (it has no manifest.json)');
    const manifest = parseJson(await this.readSmall(zip, 'manifest.json', fail), 'manifest.json', fail) as Partial<ArchiveManifest> | null;
    if (!manifest || typeof manifest !== 'object' || manifest.format !== ARCHIVE_FORMAT) throw fail('it is not a Dossier archive (its manifest names another format)');
    if (typeof manifest.version !== 'number' || manifest.version > ARCHIVE_VERSION) {
      throw fail(`it was written in archive format ${String(manifest.version)} by a newer Dossier (this one reads format ${ARCHIVE_VERSION}); update Dossier to import it`);
    }
    if (!manifest.files || typeof manifest.files !== 'object' || !manifest.app || typeof manifest.createdAt !== 'string') throw fail('its manifest is incomplete');
    const listed = new Map(Object.entries(manifest.files));
    for (const name of zip.entries.keys()) if (name !== 'manifest.json' && !listed.has(name)) throw fail(`it holds ${name}, which its manifest does not list`);
    for (const [name, expected] of listed) {
      const entry = zip.entries.get(name);
      if (!entry) throw fail(`${name} is missing`);
      if (!expected || typeof expected.sha256 !== 'string' || entry.size !== expected.bytes) throw fail(`${name} is not the size its manifest gives`);
      const [hash] = await zip.hash(name);
      if (hash !== expected.sha256) throw fail(`${name} is damaged (its checksum does not match the manifest)`);
    }
    const records = async <T>(key: keyof typeof RECORD_FILES, schema: v.GenericSchema): Promise<T[]> => {
      const name = RECORD_FILES[key];
      const value = parseJson(await this.readSmall(zip, name, fail), name, fail);
      if (!Array.isArray(value)) throw fail(`${name} is not a list`);
      value.forEach((record, i) => {
        if (!v.is(schema, record)) throw fail(`record ${i + 1} of ${name} lacks fields every ${key.replace(/s$/, '')} has`);
      });
      return value as T[];
    };
    const content: ArchiveContent = {
      documents: await records<DocumentRecord>('documents', documentRecordSchema),
      collections: await records<Collection>('collections', collectionRecordSchema),
      notes: await records<Note>('notes', noteRecordSchema),
      reviews: await records<StoredReview>('reviews', reviewRecordSchema),
      briefs: await records<Brief>('briefs', briefRecordSchema),
    };
    const docIds = new Set<string>();
    for (const doc of content.documents) {
      if (docIds.has(doc.id)) throw fail(`it lists the document ${doc.id} twice`);
      docIds.add(doc.id);
      if (!/^[^/\\]+$/.test(doc.originalFile) || doc.originalFile.startsWith('.')) throw fail(`the document “${doc.title}” names an unusable file`);
      const original = manifest.files[`docs/${doc.id}/${doc.originalFile}`];
      if (!original) throw fail(`the original file of “${doc.title}” is missing`);
      if (original.sha256 !== doc.contentHash) throw fail(`the original file of “${doc.title}” is not the file the library recorded`);
      if (!manifest.files[`docs/${doc.id}/text.txt`]) throw fail(`the text of “${doc.title}” is missing`);
    }
    const collectionIds = new Set(content.collections.map((c) => c.id));
    for (const doc of content.documents) for (const c of doc.collections ?? []) if (!collectionIds.has(c)) throw fail(`“${doc.title}” belongs to a collection the archive does not hold`);
    for (const note of content.notes) if (note.docId && !docIds.has(note.docId)) throw fail('a note refers to a document the archive does not hold');
    for (const review of content.reviews) if (!docIds.has(review.docId)) throw fail('a claim review refers to a document the archive does not hold');
    const noteIds = new Set(content.notes.map((n) => n.id));
    for (const brief of content.briefs) {
      const refs = briefRefs(brief);
      if (refs.docIds.some((id) => !docIds.has(id))) throw fail(`the brief “${brief.title}” cites a document the archive does not hold`);
      if (refs.noteIds.some((id) => !noteIds.has(id))) throw fail(`the brief “${brief.title}” holds a note the archive does not hold`);
    }
    return { manifest: manifest as ArchiveManifest, content };
  }

  private async readSmall(zip: ZipReader, name: string, fail: (reason: string) => DossierError): Promise<Buffer> {
    const entry = zip.entries.get(name);
    if (!entry) throw fail(`${name} is missing`);
    if (entry.size > ARCHIVE_LIMITS.maxRecordFileBytes) throw fail(`${name} is larger than a Dossier archive writes`);
    return zip.read(name);
  }

  /** Decides, without writing, what each archive record becomes in this library. */
  private async plan(zip: ZipReader, content: ArchiveContent) {
    const { store } = this.deps;
    const docMap = new Map<string, string>();
    const newDocs: DocumentRecord[] = [];
    const mergedDocs: DocumentRecord[] = [];
    const takenIds = new Set<string>();
    const freeId = (wanted: string, exists: (id: string) => boolean, fresh: () => string) => {
      let id = wanted;
      while (exists(id) || takenIds.has(id)) id = fresh();
      takenIds.add(id);
      return id;
    };

    const collectionMap = new Map<string, string>();
    const newCollections: Collection[] = [];
    for (const c of content.collections) {
      const same = this.deps.collectionService.findByName(c.name);
      if (same) collectionMap.set(c.id, same.id);
      else {
        const id = freeId(c.id, (x) => !!this.deps.collections.get(x), () => randomBytes(6).toString('hex'));
        newCollections.push({ ...c, id, deletedAt: null });
        collectionMap.set(c.id, id);
      }
    }
    const mapCollections = (ids: string[] | undefined) => (ids ?? []).map((c) => collectionMap.get(c)!).filter(Boolean);

    const byHash = new Map<string, string>();
    for (const doc of content.documents) {
      const existing = store.findByHash(doc.contentHash);
      if (existing && !existing.deletedAt) {
        docMap.set(doc.id, existing.id);
        const merged = mergeRecord(existing, doc, mapCollections(doc.collections));
        if (merged) mergedDocs.push(merged);
        else mergedDocs.push(existing);
        continue;
      }
      const earlier = byHash.get(doc.contentHash);
      if (earlier) {
        docMap.set(doc.id, earlier);
        continue;
      }
      const id = freeId(doc.id, (x) => !!store.documents.get(x), () => randomBytes(6).toString('hex'));
      docMap.set(doc.id, id);
      byHash.set(doc.contentHash, id);
      newDocs.push({ ...doc, id, collections: mapCollections(doc.collections), deletedAt: null });
    }
    for (const doc of newDocs) {
      const same = doc.sameTextAs;
      doc.sameTextAs = same && docMap.has(same.id) ? { ...same, id: docMap.get(same.id)! } : null;
    }

    // Passages: in a document that is new here, the archive's text is the text, so anchors hold as they
    // are. In a document the library already had, its own copy of the text decides.
    const newIds = new Set(newDocs.map((d) => d.id));
    const titleOf = new Map(content.documents.map((d) => [docMap.get(d.id)!, d.title]));
    const unplaced: UnplacedItem[] = [];
    const texts = new Map<string, { archive: string; local: string; prepared?: PreparedText }>();
    const archiveIdOf = new Map<string, string>();
    for (const [archiveId, localId] of docMap) if (!newIds.has(localId)) archiveIdOf.set(localId, archiveId);
    const textsOf = async (localId: string) => {
      if (!texts.has(localId)) {
        const archive = (await zip.read(`docs/${archiveIdOf.get(localId)}/text.txt`)).toString('utf8');
        texts.set(localId, { archive, local: await store.readText(localId) });
      }
      return texts.get(localId)!;
    };
    const reanchor = async (localId: string, anchor: TextAnchor, kind: UnplacedItem['kind']): Promise<TextAnchor> => {
      if (newIds.has(localId)) return anchor;
      const t = await textsOf(localId);
      if (t.archive === t.local) return anchor;
      const exact = resolveAnchor(t.local, anchor);
      if (exact) return makeAnchor(t.local, exact.start, exact.end);
      t.prepared ??= prepareText(t.local);
      const found = matchQuote(t.prepared, anchor.quote, anchor.position.start);
      if (found) return makeAnchor(t.local, found.start, found.end);
      unplaced.push({ kind, document: titleOf.get(localId) ?? null, quote: anchor.quote.exact.slice(0, 200), reason: 'the passage no longer occurs in the library’s copy of this document' });
      return anchor;
    };

    const notes: Note[] = [];
    const localNotes = [...this.deps.notes.values()];
    // A note the library already has under another id (the same words on the same passage) keeps that id,
    // and briefs that hold the archive's note hold the library's.
    const noteMap = new Map<string, string>();
    for (const note of content.notes) {
      if (this.deps.notes.get(note.id)) continue;
      const docId = note.docId ? docMap.get(note.docId)! : null;
      const same = docId ? localNotes.find((n) => !n.deletedAt && n.docId === docId && n.body === note.body && n.anchor?.quote.exact === note.anchor?.quote.exact) : undefined;
      if (same) {
        noteMap.set(note.id, same.id);
        continue;
      }
      const anchor = docId && note.anchor ? await reanchor(docId, note.anchor, 'note') : note.anchor;
      notes.push({ ...note, docId, anchor: anchor ?? null, deletedAt: null });
    }

    const reviews: StoredReview[] = [];
    const localReviews = [...this.deps.reviews.values()];
    for (const review of content.reviews) {
      if (this.deps.reviews.get(review.id)) continue;
      const docId = docMap.get(review.docId)!;
      const anchor = await reanchor(docId, review.anchor, 'review');
      if (localReviews.some((r) => r.docId === docId && r.anchor.quote.exact === anchor.quote.exact && r.anchor.position.start === anchor.position.start)) continue;
      reviews.push({ ...review, docId, anchor });
    }

    const briefs: Brief[] = [];
    for (const brief of content.briefs) {
      if (this.deps.briefs.get(brief.id)) continue;
      const items: BriefItem[] = [];
      for (const item of brief.items) {
        if (item.type === 'claim') {
          const docId = docMap.get(item.docId)!;
          items.push({ ...item, docId, anchor: await reanchor(docId, item.anchor, 'brief') });
        } else if (item.type === 'group') items.push({ ...item, docIds: item.docIds.map((id) => docMap.get(id)!) });
        else if (item.type === 'note') items.push({ ...item, noteId: noteMap.get(item.noteId) ?? item.noteId });
        else items.push(item);
      }
      briefs.push({ ...brief, items, deletedAt: null });
    }
    const archiveIdFor = new Map([...docMap].filter(([, local]) => newIds.has(local)).map(([archiveId, local]) => [local, archiveId]));
    return { newDocs, mergedDocs: mergedDocs.filter((d, i, all) => all.findIndex((x) => x.id === d.id) === i), newCollections, notes, reviews, briefs, unplaced, archiveIdFor };
  }

  /** Writes the plan. A failure part-way (a full disk) takes back what this import had written. */
  private async apply(zip: ZipReader, plan: Awaited<ReturnType<ArchiveService['plan']>>): Promise<void> {
    const { store } = this.deps;
    const added: DocumentRecord[] = [];
    const before = new Map(plan.mergedDocs.map((d) => [d.id, store.documents.get(d.id)!]));
    try {
      for (const doc of plan.newDocs) {
        const from = `docs/${plan.archiveIdFor.get(doc.id)}/`;
        const optionalJson = async <T>(file: string): Promise<T | null> => (zip.entries.has(from + file) ? (JSON.parse((await zip.read(from + file)).toString('utf8')) as T) : null);
        const original = await zip.read(from + doc.originalFile);
        const text = (await zip.read(`${from}text.txt`)).toString('utf8');
        await store.add(doc, { original, text, pages: await optionalJson<PageSpan[]>('pages.json'), blocks: await optionalJson<DocBlock[]>('blocks.json') });
        added.push(doc);
        // Claims are stored against the text beside them, which travelled unchanged.
        if (zip.entries.has(`${from}claims.json`)) await writeAtomic(join(store.docDir(doc.id), 'claims.json'), await zip.read(`${from}claims.json`));
      }
      for (const doc of plan.mergedDocs) if (doc !== before.get(doc.id)) await store.update(doc);
      if (plan.newCollections.length) await this.deps.collections.putMany(plan.newCollections.map((c) => [c.id, c]));
      if (plan.notes.length) await this.deps.notes.putMany(plan.notes.map((n) => [n.id, n]));
      if (plan.reviews.length) await this.deps.reviews.putMany(plan.reviews.map((r) => [r.id, r]));
      if (plan.briefs.length) await this.deps.briefs.putMany(plan.briefs.map((b) => [b.id, b]));
    } catch (error) {
      await this.rollback(plan, added, before);
      throw error;
    }
    for (const doc of added) await this.deps.index?.add(store.get(doc.id)).catch(() => {});
    for (const docId of new Set(plan.notes.map((n) => n.docId))) await this.deps.index?.notesChanged(docId).catch(() => {});
  }

  private async rollback(plan: Awaited<ReturnType<ArchiveService['plan']>>, added: DocumentRecord[], before: Map<string, DocumentRecord>): Promise<void> {
    const undo = async (step: () => Promise<unknown>) => step().catch(() => {});
    // Documents this import added are marked deleted, so the next start removes them with their files.
    for (const doc of added) await undo(() => this.deps.store.update({ ...doc, deletedAt: new Date().toISOString() }));
    for (const [, record] of before) await undo(() => this.deps.store.update(record));
    await undo(() => this.deps.collections.putMany(plan.newCollections.map((c) => [c.id, undefined])));
    await undo(() => this.deps.notes.putMany(plan.notes.map((n) => [n.id, undefined])));
    await undo(() => this.deps.reviews.putMany(plan.reviews.map((r) => [r.id, undefined])));
    await undo(() => this.deps.briefs.putMany(plan.briefs.map((b) => [b.id, undefined])));
  }
}

function parseJson(data: Buffer, name: string, fail: (reason: string) => DossierError): unknown {
  try {
    return JSON.parse(data.toString('utf8'));
  } catch {
    throw fail(`${name} is not valid JSON`);
  }
}

/**
 * A document the library already has, with what the archive adds: its tags and collections, and the
 * metadata fields the library left empty. Null when nothing changes.
 */
function mergeRecord(local: DocumentRecord, incoming: DocumentRecord, collections: string[]): DocumentRecord | null {
  const merged: DocumentRecord = { ...local, ...fillEmpty(local, incoming) };
  merged.collections = [...new Set([...(local.collections ?? []), ...collections])];
  return JSON.stringify(merged) === JSON.stringify(local) ? null : merged;
}
