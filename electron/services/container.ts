// Composition root shared by every host (Electron main, browser host, CLI): opens the library,
// wires the services together and maps each contract channel to one service call.
import type { BriefExport, Channel, EventMap, EventName, RequestOf, ResponseOf, UploadedFile } from '../../shared/ipc/contract.ts';
import { basename, join } from 'node:path';
import { DossierError } from './errors.ts';
import { validateRequest } from '../../shared/ipc/requests.ts';
import { LibraryService, type ImportSource } from './library/library-service.ts';
import { extractDocument, readChecked, SUPPORTED_EXTENSIONS } from './ingest/index.ts';
import type { DocumentExtractor } from './ingest/import-runner.ts';
import type { ClaimsExtractor } from './claims/claims-runner.ts';
import { LibraryStore } from './storage/library-store.ts';
import { briefRecordSchema, collectionRecordSchema, noteRecordSchema, recordCheck, reviewRecordSchema } from './storage/record-schemas.ts';
import { SearchService } from './search/search-service.ts';
import { NotesService } from './notes/notes-service.ts';
import { ReviewService, type StoredReview } from './review/review-service.ts';
import { ClaimsService } from './claims/claims-service.ts';
import { readPassage } from './claims/engine.ts';
import type { Note } from '../../shared/types/notes.ts';
import { InlineCompareRunner, type CompareExecutor } from './compare/compare-runner.ts';
import { LibraryComparer } from './compare/library-comparer.ts';
import { BriefService } from './briefs/brief-service.ts';
import type { ExportFormat } from './briefs/export/index.ts';
import { InlineBriefFileWriter, type BriefFileWriter } from './briefs/export/export-runner.ts';
import { ExportDownloads } from './briefs/downloads.ts';
import type { Brief } from '../../shared/types/brief.ts';
import type { Collection, DocumentRecord } from '../../shared/types/library.ts';
import { SOURCES_FORMATS } from '../../shared/types/library.ts';
import { CollectionsService } from './collections/collections-service.ts';
import { formatSources, SOURCES_EXTENSION, SOURCES_MIME } from './sources/sources.ts';
import { ArchiveService } from './interchange/archive.ts';
import { ANNOTATION_MIME, AnnotationService } from './interchange/annotations.ts';
import { readReferenceFile, ReferenceImporter, referenceFormatOf } from './interchange/references.ts';
import { buildVault } from './interchange/vault.ts';
import { claimReview, CLAIM_REVIEW_MIME } from './interchange/claim-review.ts';
import { zipToBuffer } from './interchange/zip.ts';
import { existsSync } from 'node:fs';
import { countOf } from '../../shared/text/plural.ts';

export const EXPORT_MIME: Record<ExportFormat, string> = {
  md: 'text/markdown',
  html: 'text/html',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export type Handlers = { [C in Channel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> };

export interface ServiceOptions {
  libraryDir: string;
  host: 'electron' | 'browser' | 'cli';
  version: string;
  claims?: ClaimsExtractor;
  /** Reads imported files, in a worker where the host has one; in-process otherwise. */
  ingest?: DocumentExtractor;
  /** Groups and judges figures, in a worker where the host has one; in-process otherwise. */
  compare?: CompareExecutor;
  /** Lays out and writes exported briefs, in a worker where the host has one; in-process otherwise. */
  exportWriter?: BriefFileWriter;
  emit?<E extends EventName>(event: E, payload: EventMap[E]): void;
  /** Native file picker (Electron only). */
  openFilesDialog?(): Promise<string[]>;
  /** Native folder picker (Electron only). */
  openFolderDialog?(): Promise<string[]>;
  /**
   * Native save dialog for an export (Electron only): the path chosen, or null when cancelled. Without
   * it, exports wait in `downloads` for the browser to fetch them.
   */
  saveExportDialog?(fileName: string, format: ExportFormat): Promise<string | null>;
  /** The command that started this host (browser host only), so the app can say how to start it again. */
  startCommand?: string | null;
}

export interface Services {
  store: LibraryStore;
  archive: ArchiveService;
  annotations: AnnotationService;
  vault(collection: Collection | null): ReturnType<typeof buildVault>;
  library: LibraryService;
  search: SearchService;
  notes: NotesService;
  review: ReviewService;
  briefs: BriefService;
  collections: CollectionsService;
  handlers: Handlers;
  /** Exports waiting for the browser host to send them (`GET /api/download/<id>`). */
  downloads: ExportDownloads;
  /** Writes a brief (`briefs:export`'s request) to a file the caller names, as the CLI does. */
  exportBriefTo(request: RequestOf<'briefs:export'>, path: string): Promise<BriefExport>;
  close(): Promise<void>;
}

function uploadSource(file: UploadedFile): ImportSource {
  if (!file || typeof file.name !== 'string' || typeof file.dataBase64 !== 'string') {
    throw new DossierError('bad-request', 'Each uploaded file needs a name and base64 data.');
  }
  return { label: file.name, name: file.name, read: async () => new Uint8Array(Buffer.from(file.dataBase64, 'base64')) };
}

/** A file name made from a title: letters, digits, spaces, dashes and underscores, at most 80 characters. */
export function fileNameFrom(title: string, fallback: string): string {
  return title.replace(/[^\p{L}\p{N} _-]+/gu, '').trim().replace(/\s+/g, '-').slice(0, 80) || fallback;
}

/** The bytes of a file to import: read from its path, or decoded from its upload. */
async function pathOrUploadBytes(request: { path?: string; file?: UploadedFile }, what: string): Promise<{ bytes: Buffer; label: string; path: string | null }> {
  if (request.path) {
    if (!existsSync(request.path)) throw new DossierError('not-found', `No file at ${request.path}.`);
    return { bytes: Buffer.alloc(0), label: request.path, path: request.path };
  }
  if (request.file) return { bytes: Buffer.from(request.file.dataBase64, 'base64'), label: request.file.name, path: null };
  throw new DossierError('bad-request', `Give the ${what} to import: a path or a file.`);
}

/** The search index loads in the background once no request has been in progress for this long. */
const INDEX_WARM_UP_IDLE_MS = 1500;

/**
 * The same handlers, each checking its request against the channel's schema before any service sees it
 * (so every host, the CLI included, refuses the same inputs), and reporting when it starts and settles.
 */
function guarded(handlers: Handlers, activity: { started(): void; settled(): void }): Handlers {
  const wrapped: Record<string, (request: unknown) => Promise<unknown>> = {};
  for (const [channel, handler] of Object.entries(handlers) as Array<[Channel, (request: unknown) => Promise<unknown>]>) {
    wrapped[channel] = async (request) => {
      const valid = validateRequest(channel, request);
      activity.started();
      try {
        return await handler(valid);
      } finally {
        activity.settled();
      }
    };
  }
  return wrapped as unknown as Handlers;
}

export async function openServices(options: ServiceOptions): Promise<Services> {
  const store = new LibraryStore(options.libraryDir);
  const compareExecutor = options.compare ?? new InlineCompareRunner();
  const noteCollection = store.collection<Note>('notes', recordCheck(noteRecordSchema));
  // Notes make their document findable by their words; the index hears of every change to them.
  const notes = new NotesService(noteCollection, store, (docId) => search.notesChanged(docId));
  const reviewCollection = store.collection<StoredReview>('reviews', recordCheck(reviewRecordSchema));
  const review = new ReviewService(reviewCollection, readPassage);
  const briefCollection = store.collection<Brief>('briefs', recordCheck(briefRecordSchema));
  const collectionRecords = store.collection<Collection>('collections', recordCheck(collectionRecordSchema));
  const collections = new CollectionsService({
    collections: collectionRecords,
    documents: () => store.documents.values(),
    saveDocument: (record) => store.update(record),
  });
  const openedAt = Date.now();
  await store.open();
  // Temp files a killed run left inside document folders; in the background, so start-up does not wait.
  void store.removeStaleDocumentTemps(openedAt).catch(() => {});
  const search = new SearchService({
    dir: join(options.libraryDir, 'search'),
    documents: () => store.documents.values(),
    readText: (id) => store.readText(id),
    readTextSync: (id) => store.readTextSync(id),
    readClaims: (id) => store.readClaims(id),
    notes: () => noteCollection.values(),
  });
  const claims = new ClaimsService({ extracted: (id) => library.claims(id), review });
  const reviewedClaims = (id: string) => claims.list(id);
  const comparer = new LibraryComparer({
    libraryDir: store.dir,
    engineVersion: options.claims?.version ?? null,
    document: (id) => store.get(id),
    reviews: (docId) => review.forDocument(docId),
    storedClaimsCurrent: (id) => library.storedClaimsCurrent(id),
    claims: reviewedClaims,
    executor: compareExecutor,
  });
  const briefs = new BriefService({
    briefs: briefCollection,
    document: (id) => store.get(id),
    documents: () => library.list().map((d) => store.get(d.id)),
    text: (id) => store.readText(id),
    pages: (id) => store.readPages(id),
    claims: reviewedClaims,
    notes: () => notes.list(),
    comparer,
  });
  if (!store.readOnly) {
    await notes.purgeDeleted();
    await briefs.purgeDeleted();
    await collections.purgeDeleted();
  }
  // Loading the index takes a few hundred milliseconds at 10,000 documents. It waits until the app
  // goes quiet after start-up, so the first screens never queue behind it; a search made sooner
  // loads it on the spot.
  let warmUp: NodeJS.Timeout | null = null;
  let inProgress = 0;
  const warmUpWhenIdle = () => {
    if (warmUp) clearTimeout(warmUp);
    warmUp = null;
    if (search.loadStarted || inProgress) return;
    warmUp = setTimeout(() => void search.open().catch(() => {}), INDEX_WARM_UP_IDLE_MS);
    warmUp.unref();
  };
  const activity = {
    started: () => {
      inProgress++;
      warmUpWhenIdle();
    },
    settled: () => {
      inProgress--;
      warmUpWhenIdle();
    },
  };
  warmUpWhenIdle();
  const library = new LibraryService({
    store,
    index: search,
    extract: options.ingest ? (input) => options.ingest!.extract(input) : extractDocument,
    readFile: readChecked,
    claims: options.claims,
    collectionExists: (id) => collections.exists(id),
    // A folder walk also picks up reference-manager files, whose records say which files to import.
    extensions: [...SUPPORTED_EXTENSIONS, '.bib', '.bibtex', '.ris'],
    onProgress: (progress) => options.emit?.('library:progress', progress),
    onChanged: (reason) => options.emit?.('library:changed', { reason }),
  });

  const archive = new ArchiveService({
    store,
    collections: collectionRecords,
    notes: noteCollection,
    reviews: reviewCollection,
    briefs: briefCollection,
    collectionService: collections,
    appVersion: options.version,
    index: { add: (doc) => search.add(doc), notesChanged: (docId) => search.notesChanged(docId) },
    onChanged: (reason) => options.emit?.('library:changed', { reason }),
  });
  const liveDocuments = () => library.list().map((d) => store.get(d.id));
  const annotations = new AnnotationService({
    documents: liveDocuments,
    text: (id) => store.readText(id),
    pages: (id) => store.readPages(id),
    notes: () => noteCollection.values(),
    reviews: () => reviewCollection.values(),
    claims: reviewedClaims,
    createNote: (draft) => notes.create(draft),
    reviewClaim: (docId, claimId, status) => claims.review(docId, claimId, status, undefined),
    addClaim: (docId, start, end) => claims.add(docId, start, end, undefined),
  });
  const vault = (collection: Collection | null) =>
    buildVault(
      {
        documents: liveDocuments,
        collections: () => collections.list().map((c) => collections.get(c.id)),
        text: (id) => store.readText(id),
        pages: (id) => store.readPages(id),
        claims: reviewedClaims,
        notes: () => notes.list(),
        briefs: () => briefs.list(),
      },
      collection,
    );
  const references = new ReferenceImporter({
    sourceForPath: (path) => library.sourceForPath(path),
    exists: (path) => existsSync(path),
    documents: liveDocuments,
    update: (id, changes) => library.update(id, changes),
    extensions: SUPPORTED_EXTENSIONS,
  });
  const scoped = (collection: string | undefined) => (collection ? collections.resolve(collection) : null);
  const downloads = new ExportDownloads();
  const exportWriter = options.exportWriter ?? new InlineBriefFileWriter();
  /** The brief an export request names, streamed, and the file name it is offered under; its progress goes out as events. */
  const briefExport = ({ id, format, allClaims, title }: RequestOf<'briefs:export'>) => {
    const briefId = allClaims ? 'all-claims' : String(id ?? '');
    // A PDF reads a stored brief twice (its title block counts claims and sources first): progress spans
    // both. Every claim of the library is counted from the claim files instead, and read once.
    const passes = format === 'pdf' && !allClaims ? 2 : 1;
    let reported = 0;
    const progress = (pass: number, done: number, total: number) => {
      const now = Date.now();
      if (now - reported < 200 && done < total) return;
      reported = now;
      options.emit?.('briefs:exportProgress', { briefId, done: Math.min(pass, passes - 1) * total + done, total: passes * total });
    };
    const brief = allClaims ? briefs.streamAllClaims(title || 'All claims', progress) : briefs.stream(briefs.get(id ?? ''), progress);
    const fileName = `${fileNameFrom(brief.title, 'brief')}.${format}`;
    return { brief, fileName, mime: EXPORT_MIME[format] };
  };

  const handlers: Handlers = {
    'app:info': async () => ({
      host: options.host === 'electron' ? 'electron' : 'browser',
      libraryDir: store.dir,
      version: options.version,
      readOnly: store.readOnly,
      readOnlyReason: store.readOnlyReason,
      warnings: store.warnings,
      documentCount: library.count(),
      startCommand: options.startCommand ?? null,
    }),
    'library:list': async (request) => {
      const limit = (request as { limit?: unknown } | undefined)?.limit;
      const all = library.list();
      return typeof limit === 'number' && Number.isInteger(limit) && limit > 0 ? all.slice(0, limit) : all;
    },
    'library:get': async ({ id }) => library.get(id),
    'library:import': async ({ paths, files, jobId }) => {
      const sources = [...(paths?.length ? await library.expandPaths(paths) : []), ...(files ?? []).map(uploadSource)];
      if (!sources.length) throw new DossierError('bad-request', 'Nothing to import: give at least one file or folder.');
      // Reference-manager files bring their attachments and metadata; they are read as text, not as documents.
      const batch = sources.map((s) => (s.path && !s.skip && referenceFormatOf(s.name) ? { ...s, read: () => readReferenceFile(s.path!) } : s));
      return references.importBatch(batch, (list) => library.importSources(list, { jobId }));
    },
    'library:cancelImport': async ({ jobId }) => ({ cancelled: library.cancelImport(jobId) }),
    'library:update': async ({ id, changes }) => library.update(id, changes),
    'library:updateMany': async ({ updates }) => library.updateMany(updates),
    'library:sources': async ({ format, collection, docIds }) => {
      if (!SOURCES_FORMATS.includes(format)) throw new DossierError('bad-request', `Sources are written as ${SOURCES_FORMATS.join(', ')}, not “${String(format)}”.`);
      const chosen = collection ? collections.resolve(collection) : null;
      let docs: DocumentRecord[] = library.list().map((d) => store.get(d.id));
      if (chosen) docs = docs.filter((d) => d.collections?.includes(chosen.id));
      if (Array.isArray(docIds)) docs = docIds.map((id) => store.get(id));
      return { fileName: `${fileNameFrom(chosen?.name ?? 'sources', 'sources')}.${SOURCES_EXTENSION[format]}`, mime: SOURCES_MIME[format], text: formatSources(docs, format), count: docs.length };
    },
    'library:exportArchive': async (request) => {
      const collection = scoped(request?.collection);
      const { data, manifest } = await archive.exportToBuffer(collection);
      const c = manifest.counts;
      return {
        fileName: `${fileNameFrom(collection?.name ?? 'library', 'library')}.dossier.zip`,
        mime: 'application/zip',
        dataBase64: data.toString('base64'),
        summary: [countOf(c.documents, 'document'), countOf(c.notes, 'note'), countOf(c.reviews, 'claim review'), countOf(c.briefs, 'brief')].join(', '),
      };
    },
    'library:importArchive': async (request) => {
      const given = await pathOrUploadBytes(request, 'archive');
      return archive.importArchive(given.path ?? given.bytes, given.path ? given.label : `“${given.label}”`);
    },
    'library:exportVault': async (request) => {
      const collection = scoped(request?.collection);
      const files = await vault(collection);
      const root = fileNameFrom(collection?.name ?? 'Dossier', 'Dossier');
      const data = await zipToBuffer(files.map((f) => ({ name: `${root}/${f.path}`, data: f.content })));
      const docs = files.filter((f) => f.path.startsWith('Documents/')).length;
      return { fileName: `${root}-vault.zip`, mime: 'application/zip', dataBase64: data.toString('base64'), summary: `${countOf(files.length, 'Markdown file')} (${countOf(docs, 'document')})` };
    },
    'annotations:export': async (request) => {
      const collection = scoped(request?.collection);
      const { json, count } = await annotations.exportCollection(collection);
      const text = `${JSON.stringify(json, null, 2)}\n`;
      return {
        fileName: `${fileNameFrom(collection?.name ?? 'annotations', 'annotations')}.jsonld`,
        mime: ANNOTATION_MIME,
        dataBase64: Buffer.from(text).toString('base64'),
        summary: countOf(count, 'annotation'),
      };
    },
    'annotations:import': async (request) => {
      const given = await pathOrUploadBytes(request, 'annotation file');
      const bytes = given.path ? await readReferenceFile(given.path) : given.bytes;
      let data: unknown;
      try {
        data = JSON.parse(Buffer.from(bytes).toString('utf8'));
      } catch {
        throw new DossierError('bad-annotations', `${given.label} is not JSON, so it is not a W3C annotation file or a Hypothesis export.`);
      }
      const report = await annotations.importAnnotations(data, scoped(request.collection), given.label);
      if (report.notes || report.reviews) options.emit?.('library:changed', { reason: 'annotations' });
      return report;
    },
    'collections:list': async () => collections.list(),
    'collections:create': async ({ name }) => collections.create(name),
    'collections:rename': async ({ id, name }) => collections.rename(id, name),
    'collections:delete': async ({ id }) => {
      const deleted = await collections.delete(id);
      options.emit?.('library:changed', { reason: 'collections' });
      return deleted;
    },
    'collections:restore': async ({ id }) => collections.restore(id),
    'library:delete': async ({ id }) => library.delete(id),
    'library:restore': async ({ id }) => library.restore(id),
    'claims:list': async ({ id }) => reviewedClaims(id),
    'claims:review': async ({ docId, claimId, status, edits }) => claims.review(docId, claimId, status, edits),
    'claims:add': async ({ docId, start, end, edits }) => claims.add(docId, start, end, edits),
    'claims:revert': async ({ docId, claimId }) => claims.revert(docId, claimId),
    'claims:claimReview': async ({ docId, claimId, reviewer, url }) => {
      const doc = store.get(docId);
      const set = await reviewedClaims(docId);
      const claim = set.claims.find((c) => c.id === claimId);
      if (!claim) throw new DossierError('not-found', `No claim ${claimId} in “${doc.title}”.`);
      const stored = claim.review ? reviewCollection.get(claim.review.id) : undefined;
      const claimNotes = (await notes.list({ docId })).filter((n) => n.claimId === claimId || (n.anchor && n.attached !== false && n.anchor.position.start < claim.end && claim.start < n.anchor.position.end));
      const json = claimReview(doc, claim, { reviewer, url, notes: claimNotes, reviewedAt: stored?.updatedAt ?? null });
      return {
        fileName: `${fileNameFrom(`claim-review ${claim.text.slice(0, 40)}`, 'claim-review')}.jsonld`,
        mime: CLAIM_REVIEW_MIME,
        dataBase64: Buffer.from(`${JSON.stringify(json, null, 2)}\n`).toString('base64'),
        summary: String((json.reviewRating as { alternateName: string }).alternateName),
      };
    },
    'compare:run': async ({ docIds }) => {
      if (!Array.isArray(docIds) || docIds.length < 1) throw new DossierError('bad-request', 'Choose at least one document to compare.');
      return comparer.compare(docIds, { scope: 'all', outlets: true });
    },
    'briefs:list': async () => briefs.list(),
    'briefs:get': async ({ id }) => briefs.get(id),
    'briefs:create': async ({ title, items }) => briefs.create(title, items ?? []),
    'briefs:update': async ({ id, title, items }) => briefs.update(id, { title, items }),
    'briefs:duplicate': async ({ id }) => briefs.duplicate(id),
    'briefs:delete': async ({ id }) => briefs.delete(id),
    'briefs:restore': async ({ id }) => briefs.restore(id),
    'briefs:group': async ({ docIds, label }) => {
      // Resolved as the export resolves it, so the composer shows what the brief will say.
      const now = new Date().toISOString();
      const resolved = await briefs.resolve({ id: 'preview', title: label, createdAt: now, updatedAt: now, items: [{ id: 'group', type: 'group', docIds, label }] });
      const item = resolved.items[0];
      if (item?.type !== 'group') throw new DossierError('stale-brief', `The comparison “${label}” no longer has figures in its documents.`);
      return item.group;
    },
    'briefs:claimItem': async ({ docId, claimId }) => {
      const set = await reviewedClaims(docId);
      const claim = set.claims.find((c) => c.id === claimId);
      if (!claim) throw new DossierError('not-found', `No claim ${String(claimId)} in this document.`);
      return BriefService.claimItem(docId, set.text, claim);
    },
    'briefs:export': async (request) => {
      const { brief, fileName, mime } = briefExport(request);
      if (options.saveExportDialog) {
        const path = await options.saveExportDialog(fileName, request.format);
        if (!path) return { fileName, mime, bytes: 0, cancelled: true };
        return { fileName: basename(path), mime, bytes: await exportWriter.write(brief, request.format, path), savedTo: path };
      }
      const download = await downloads.reserve(fileName, mime);
      try {
        const bytes = await exportWriter.write(brief, request.format, download.path);
        downloads.ready(download.id, bytes);
        return { fileName, mime, bytes, download: download.id };
      } catch (error) {
        await downloads.discard(download.id);
        throw error;
      }
    },
    'notes:list': async (filter) => notes.list(filter ?? {}),
    'notes:create': async (draft) => notes.create(draft),
    'notes:update': async ({ id, body }) => notes.update(id, body),
    'notes:delete': async ({ id }) => notes.delete(id),
    'notes:restore': async ({ id }) => notes.restore(id),
    'search:query': async (request) => search.search(request, (id) => store.documents.get(id)),
    'dialog:openFiles': async () =>
      options.openFilesDialog ? { paths: await options.openFilesDialog(), supported: true } : { paths: [], supported: false },
    'dialog:openFolder': async () =>
      options.openFolderDialog ? { paths: await options.openFolderDialog(), supported: true } : { paths: [], supported: false },
  };

  return {
    store,
    archive,
    annotations,
    vault,
    library,
    search,
    notes,
    review,
    briefs,
    collections,
    handlers: guarded(handlers, activity),
    downloads,
    async exportBriefTo(request, path) {
      const valid = validateRequest('briefs:export', request);
      const { brief, mime } = briefExport(valid);
      return { fileName: basename(path), mime, bytes: await exportWriter.write(brief, valid.format, path), savedTo: path };
    },
    async close() {
      await exportWriter.close();
      await downloads.close();
      if (warmUp) clearTimeout(warmUp);
      await search.close();
      await options.claims?.close();
      await options.ingest?.close();
      await compareExecutor.close();
      store.close();
    },
  };
}

/** Runs one channel's handler after checking the channel is in the contract. */
export async function dispatch(handlers: Handlers, channel: string, request: unknown): Promise<unknown> {
  if (!Object.prototype.hasOwnProperty.call(handlers, channel)) {
    throw new DossierError('unknown-channel', `Unknown channel: ${channel}`);
  }
  const handler = handlers[channel as Channel] as (request: unknown) => Promise<unknown>;
  return handler(request ?? {});
}
