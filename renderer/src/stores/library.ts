// Library state: the document list, imports with progress and cancel, delete with undo, metadata edits
// (one document or many) with undo, collections, and how the list is sorted and filtered.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { CollectionSummary, DocumentMetadata, DocumentRecord, DocumentSummary, ImportProgress, ImportResult, LibraryInfo, MetadataUpdate } from '../../../shared/types/library';
import type { UploadedFile } from '../../../shared/ipc/contract';
import { errorMessage, useApi } from '../api';
import { useUiStore } from './ui';
import { importKindOf, jsonLooksLikeAnnotations, useInterchangeStore } from './interchange';

/** Resolves after the browser has painted the current state: frame callbacks run just before a paint. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

export async function toUpload(file: File): Promise<UploadedFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return { name: file.name, dataBase64: btoa(binary) };
}

const FIRST_SCREEN_ROWS = 100;

/** Extensions import reads; anything else in a chosen or dropped folder is reported as skipped. */
export const IMPORTABLE = ['.txt', '.md', '.markdown', '.html', '.htm', '.pdf', '.docx'];
/** Reference-manager files: in a folder (a Zotero export), they bring their attachments' metadata. */
export const REFERENCE_FILES = ['.bib', '.bibtex', '.ris'];
/** What the Import files picker offers: documents, reference lists, archives and annotation files. */
export const IMPORT_ACCEPT = [...IMPORTABLE, ...REFERENCE_FILES, '.json', '.zip', '.jsonld'].join(',');

export type SortKey = 'added' | 'published' | 'title' | 'outlet';

/** A file found in a chosen or dropped folder, with the path the user would recognise. */
export interface FolderFile {
  file: File;
  path: string;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

/** Why a file in a folder is not imported, or null when it is. */
export function skipReason(path: string): string | null {
  const name = path.split('/').pop() ?? path;
  if (path.split('/').some((part) => part.startsWith('.'))) return 'hidden file or folder';
  const ext = extensionOf(name);
  if (!IMPORTABLE.includes(ext) && !REFERENCE_FILES.includes(ext)) return `${ext ? `${ext} files are` : 'a file without an extension is'} not imported (supported: ${IMPORTABLE.join(', ')}, and ${REFERENCE_FILES.join(', ')} reference lists)`;
  return null;
}

function compareBy(key: SortKey): (a: DocumentSummary, b: DocumentSummary) => number {
  const text = (x: string | null) => (x ?? '').toLocaleLowerCase();
  switch (key) {
    case 'title':
      return (a, b) => text(a.title).localeCompare(text(b.title));
    case 'outlet':
      // Documents without an outlet go last, whichever the direction.
      return (a, b) => (!a.outlet ? 1 : 0) - (!b.outlet ? 1 : 0) || text(a.outlet).localeCompare(text(b.outlet)) || text(a.title).localeCompare(text(b.title));
    case 'published':
      return (a, b) => (a.published ?? '').localeCompare(b.published ?? '');
    default:
      return (a, b) => a.importedAt.localeCompare(b.importedAt);
  }
}

/** The editable fields of a document as they are now, for undo. */
function metadataOf(doc: DocumentSummary | DocumentRecord, keys: Array<keyof DocumentMetadata>): Partial<DocumentMetadata> {
  const out: Partial<DocumentMetadata> = {};
  for (const key of keys) (out as Record<string, unknown>)[key] = (doc as unknown as Record<string, unknown>)[key] ?? (key === 'tags' || key === 'collections' ? [] : null);
  return out;
}

export const useLibraryStore = defineStore('library', () => {
  // Replaced wholesale, never mutated in place: a shallow ref spares Vue from wrapping 10,000 rows.
  const documents = shallowRef<DocumentSummary[]>([]);
  const info = ref<LibraryInfo | null>(null);
  const loading = ref(false);
  const loaded = ref(false);
  const error = ref<string | null>(null);
  const progress = ref<ImportProgress | null>(null);
  /** The results of the newest import, skipped files included. */
  const lastResults = ref<ImportResult[]>([]);
  const collections = ref<CollectionSummary[]>([]);
  /** The collection the list shows, or null for the whole library. */
  const activeCollection = ref<string | null>(null);
  const sortKey = ref<SortKey>((localStorage.getItem('dossier.sort') as SortKey | null) ?? 'added');
  const sortDescending = ref(localStorage.getItem('dossier.sortDir') !== 'asc');
  /** Edits that can be undone, newest last. */
  const undoStack: Array<{ label: string; updates: MetadataUpdate[] }> = [];
  /** How many edits can be undone, kept reactive for the Undo button. */
  const undoDepth = ref(0);
  let subscribed = false;

  const sorted = computed(() => {
    const compare = compareBy(sortKey.value);
    const inCollection = activeCollection.value ? documents.value.filter((d) => d.collections.includes(activeCollection.value!)) : documents.value;
    const rows = [...inCollection].sort(compare);
    if (!sortDescending.value) return rows;
    // Descending, but documents without the sort field still go last.
    if (sortKey.value === 'published') return [...rows.filter((d) => d.published).reverse(), ...rows.filter((d) => !d.published)];
    if (sortKey.value === 'outlet') return [...rows.filter((d) => d.outlet).reverse(), ...rows.filter((d) => !d.outlet)];
    return rows.reverse();
  });
  const allTags = computed(() => {
    const seen = new Map<string, string>();
    for (const doc of documents.value) for (const tag of doc.tags) if (!seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
    return [...seen.values()].sort((a, b) => a.localeCompare(b));
  });
  const allOutlets = computed(() => [...new Set(documents.value.map((d) => d.outlet).filter((o): o is string => !!o))].sort((a, b) => a.localeCompare(b)));

  function setSort(key: SortKey): void {
    if (sortKey.value === key) sortDescending.value = !sortDescending.value;
    else {
      sortKey.value = key;
      // Dates and additions read newest first; names read A to Z.
      sortDescending.value = key === 'added' || key === 'published';
    }
    localStorage.setItem('dossier.sort', sortKey.value);
    localStorage.setItem('dossier.sortDir', sortDescending.value ? 'desc' : 'asc');
  }

  function subscribe(): void {
    if (subscribed) return;
    subscribed = true;
    const api = useApi();
    api.on('library:progress', (p) => {
      progress.value = p.finished ? null : p;
    });
    // Metadata edits come from this window and are applied in place (see applyRecords): refetching the
    // whole list for each would move megabytes per keystroke-sized change in a large library.
    api.on('library:changed', ({ reason }) => {
      if (reason !== 'update') void refresh();
    });
  }

  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      const api = useApi();
      subscribe();
      // The first screenful comes first; the whole list follows without holding up the first screen.
      const [libraryInfo, first, sets] = await Promise.all([api.app.info(), api.library.list({ limit: FIRST_SCREEN_ROWS }), api.collections.list()]);
      info.value = libraryInfo;
      documents.value = first;
      collections.value = sets;
      // The whole list (megabytes at 10,000 documents) is fetched once the first screenful is painted:
      // parsing it sooner would hold that paint back.
      if (libraryInfo.documentCount > first.length) void afterPaint().then(refresh);
      loaded.value = true;
      const ui = useUiStore();
      // The read-only reason has its own banner; every other warning is a notice the user dismisses.
      for (const warning of info.value.warnings) if (warning !== info.value.readOnlyReason) ui.notify(warning, { kind: 'error', timeout: 0 });
    } catch (e) {
      error.value = errorMessage(e);
    } finally {
      loading.value = false;
    }
  }

  /** Counts edits applied locally, so a list fetched while one was saved is not taken as newer. */
  let editGeneration = 0;

  async function refresh(): Promise<void> {
    try {
      const started = editGeneration;
      const [docs, sets] = await Promise.all([useApi().library.list(), useApi().collections.list()]);
      // An edit landed while the list was on its way: that list may predate it, so fetch again.
      if (started !== editGeneration) return refresh();
      documents.value = docs;
      collections.value = sets;
      if (activeCollection.value && !sets.some((c) => c.id === activeCollection.value)) activeCollection.value = null;
    } catch (e) {
      error.value = errorMessage(e);
    }
  }

  async function loadCollections(): Promise<void> {
    try {
      collections.value = await useApi().collections.list();
    } catch (e) {
      error.value = errorMessage(e);
    }
  }

  /**
   * Puts saved values into the list in place, so the rows update without a reload. Only the fields each
   * update changed are taken from its saved record: answers to edits made in quick succession can
   * arrive out of order, and an older record must not put back a field a newer edit changed.
   */
  function applyRecords(records: DocumentRecord[], updates: MetadataUpdate[]): void {
    editGeneration++;
    const saved = new Map(records.map((r, i) => [r.id, { record: r, keys: Object.keys(updates[i]?.changes ?? {}) as Array<keyof DocumentMetadata> }]));
    documents.value = documents.value.map((d) => {
      const entry = saved.get(d.id);
      if (!entry) return d;
      const next = { ...d } as Record<string, unknown>;
      for (const key of entry.keys) next[key] = key === 'collections' ? (entry.record.collections ?? []) : entry.record[key];
      return next as unknown as DocumentSummary;
    });
  }

  /**
   * Saves metadata changes at once (one document or many) and offers undo. `label` names the change in
   * the toast. Returns false when the host refused it (the message is shown).
   */
  async function edit(updates: MetadataUpdate[], label: string): Promise<boolean> {
    const ui = useUiStore();
    const byId = new Map(documents.value.map((d) => [d.id, d]));
    const before: MetadataUpdate[] = updates
      .filter((u) => byId.has(u.id))
      .map((u) => ({ id: u.id, changes: metadataOf(byId.get(u.id)!, Object.keys(u.changes) as Array<keyof DocumentMetadata>) }));
    try {
      const records = await useApi().library.updateMany({ updates });
      applyRecords(records, updates);
      if (updates.some((u) => 'collections' in u.changes)) await loadCollections();
      undoStack.push({ label, updates: before });
      if (undoStack.length > 50) undoStack.shift();
      undoDepth.value = undoStack.length;
      ui.notify(label, { kind: 'success', action: { label: 'Undo', run: async () => void (await undo()) } });
      return true;
    } catch (e) {
      ui.notify(`Could not save: ${errorMessage(e)}`, { kind: 'error', timeout: 8000 });
      return false;
    }
  }

  /** Reverts the newest edit. */
  async function undo(): Promise<boolean> {
    const last = undoStack.pop();
    undoDepth.value = undoStack.length;
    if (!last) return false;
    try {
      const records = await useApi().library.updateMany({ updates: last.updates });
      applyRecords(records, last.updates);
      await loadCollections();
      useUiStore().notify(`Undone: ${last.label}`);
      return true;
    } catch (e) {
      useUiStore().notify(`Could not undo: ${errorMessage(e)}`, { kind: 'error' });
      return false;
    }
  }

  function canUndo(): boolean {
    return undoDepth.value > 0;
  }

  async function createCollection(name: string, docIds: string[] = []): Promise<CollectionSummary | null> {
    const ui = useUiStore();
    try {
      const made = await useApi().collections.create({ name });
      await loadCollections();
      if (docIds.length) await addToCollection(made.id, docIds);
      return collections.value.find((c) => c.id === made.id) ?? null;
    } catch (e) {
      ui.notify(`Could not make the collection: ${errorMessage(e)}`, { kind: 'error' });
      return null;
    }
  }

  async function renameCollection(id: string, name: string): Promise<boolean> {
    const ui = useUiStore();
    const old = collections.value.find((c) => c.id === id)?.name;
    try {
      await useApi().collections.rename({ id, name });
      await loadCollections();
      if (old && old !== name.trim()) ui.notify(`Renamed “${old}” to “${name.trim()}”.`, { action: { label: 'Undo', run: () => void renameCollection(id, old) } });
      return true;
    } catch (e) {
      ui.notify(`Could not rename: ${errorMessage(e)}`, { kind: 'error' });
      return false;
    }
  }

  async function deleteCollection(id: string): Promise<void> {
    const ui = useUiStore();
    try {
      const deleted = await useApi().collections.delete({ id });
      if (activeCollection.value === id) activeCollection.value = null;
      await loadCollections();
      ui.notify(`Deleted the collection “${deleted.name}” (its documents stay in the library).`, {
        action: { label: 'Undo', run: async () => (await useApi().collections.restore({ id }), await loadCollections()) },
      });
    } catch (e) {
      ui.notify(`Could not delete the collection: ${errorMessage(e)}`, { kind: 'error' });
    }
  }

  function collectionName(id: string): string {
    return collections.value.find((c) => c.id === id)?.name ?? 'collection';
  }

  /** Adds documents to a collection (drag and drop, or a bulk edit). */
  async function addToCollection(id: string, docIds: string[]): Promise<boolean> {
    const byId = new Map(documents.value.map((d) => [d.id, d]));
    const updates = docIds
      .map((docId) => byId.get(docId))
      .filter((d): d is DocumentSummary => !!d && !d.collections.includes(id))
      .map((d) => ({ id: d.id, changes: { collections: [...d.collections, id] } }));
    if (!updates.length) {
      useUiStore().notify(`Already in “${collectionName(id)}”.`);
      return true;
    }
    return edit(updates, `Added ${updates.length === 1 ? `“${byId.get(updates[0]!.id)!.title}”` : `${updates.length} documents`} to “${collectionName(id)}”.`);
  }

  async function removeFromCollection(id: string, docIds: string[]): Promise<boolean> {
    const byId = new Map(documents.value.map((d) => [d.id, d]));
    const updates = docIds
      .map((docId) => byId.get(docId))
      .filter((d): d is DocumentSummary => !!d && d.collections.includes(id))
      .map((d) => ({ id: d.id, changes: { collections: d.collections.filter((c) => c !== id) } }));
    if (!updates.length) return true;
    return edit(updates, `Removed ${updates.length === 1 ? `“${byId.get(updates[0]!.id)!.title}”` : `${updates.length} documents`} from “${collectionName(id)}”.`);
  }

  function reportResults(results: ImportResult[]): void {
    const ui = useUiStore();
    const imported = results.filter((r) => r.status === 'imported').length;
    const duplicates = results.filter((r) => r.status === 'duplicate');
    const failed = results.filter((r) => r.status === 'error');
    const skipped = results.filter((r) => r.status === 'skipped');
    if (imported) ui.notify(`Imported ${imported} document${imported === 1 ? '' : 's'}.`, { kind: 'success' });
    for (const d of duplicates) ui.notify(`${d.path} is already in the library as “${d.title}”.`);
    for (const f of failed) ui.notify(`Could not import ${f.path}: ${f.error}`, { kind: 'error', timeout: 12000 });
    // Every skipped file is named: a handful one by one, many in one list.
    if (skipped.length > 0 && skipped.length <= 3) for (const s of skipped) ui.notify(`${s.path}: ${s.error}`, { timeout: 12000 });
    else if (skipped.length) {
      ui.notify(`Skipped ${skipped.length} files: ${skipped.map((s) => `${s.path} (${(s.error ?? '').replace(/^Skipped: /, '').replace(/\.$/, '')})`).join('; ')}`, { timeout: 20000 });
    }
    lastResults.value = results;
  }

  async function runImport(request: { paths?: string[]; files?: UploadedFile[] }, skipped: ImportResult[] = []): Promise<ImportResult[]> {
    if (!request.paths?.length && !request.files?.length) {
      reportResults(skipped);
      return skipped;
    }
    const jobId = Math.random().toString(36).slice(2, 10);
    progress.value = { jobId, done: 0, total: (request.paths?.length ?? 0) + (request.files?.length ?? 0), current: null, finished: false, cancelled: false };
    try {
      const results = [...(await useApi().library.import({ ...request, jobId })), ...skipped];
      reportResults(results);
      await refresh();
      return results;
    } catch (e) {
      useUiStore().notify(`Import failed: ${errorMessage(e)}`, { kind: 'error', timeout: 12000 });
      return [];
    } finally {
      progress.value = null;
    }
  }

  /** Chosen or dropped files: archives and annotation files go to their own import, the rest to documents. */
  async function importFiles(files: File[]): Promise<ImportResult[]> {
    if (!files.length) return [];
    const interchange = useInterchangeStore();
    const documents: File[] = [];
    for (const file of files) {
      const kind = importKindOf(file.name) ?? (file.name.toLowerCase().endsWith('.json') && jsonLooksLikeAnnotations(await file.text()) ? 'annotations' : null);
      if (kind === 'archive') await interchange.importArchive({ file: await toUpload(file) });
      else if (kind === 'annotations') await interchange.importAnnotations({ file: await toUpload(file) });
      else documents.push(file);
    }
    if (!documents.length) return [];
    return runImport({ files: await Promise.all(documents.map(toUpload)) });
  }

  /** Files from a chosen or dropped folder: the importable ones are sent, the rest reported as skipped. */
  async function importFolderFiles(files: FolderFile[]): Promise<ImportResult[]> {
    const skipped: ImportResult[] = [];
    const kept: FolderFile[] = [];
    for (const entry of files) {
      const reason = skipReason(entry.path);
      if (reason) skipped.push({ path: entry.path, status: 'skipped', error: `Skipped: ${reason}.`, errorCode: 'skipped' });
      else kept.push(entry);
    }
    if (!kept.length && !skipped.length) {
      useUiStore().notify('The folder is empty.');
      return [];
    }
    const uploads = await Promise.all(kept.map(async ({ file, path }) => ({ ...(await toUpload(file)), name: path })));
    return runImport({ files: uploads }, skipped);
  }

  async function importPaths(paths: string[]): Promise<ImportResult[]> {
    if (!paths.length) return [];
    const interchange = useInterchangeStore();
    for (const path of paths) {
      const kind = importKindOf(path);
      if (kind === 'archive') await interchange.importArchive({ path });
      else if (kind === 'annotations') await interchange.importAnnotations({ path });
    }
    const documents = paths.filter((p) => !importKindOf(p));
    return documents.length ? runImport({ paths: documents }) : [];
  }

  async function cancelImport(): Promise<void> {
    if (progress.value) await useApi().library.cancelImport({ jobId: progress.value.jobId });
  }

  async function remove(id: string): Promise<void> {
    const ui = useUiStore();
    try {
      const deleted = await useApi().library.delete({ id });
      documents.value = documents.value.filter((d) => d.id !== id);
      ui.notify(`Deleted “${deleted.title}”.`, { action: { label: 'Undo', run: () => restore(id) } });
    } catch (e) {
      ui.notify(`Could not delete: ${errorMessage(e)}`, { kind: 'error' });
    }
  }

  async function restore(id: string): Promise<void> {
    try {
      await useApi().library.restore({ id });
      await refresh();
      useUiStore().notify('Document restored.', { kind: 'success' });
    } catch (e) {
      useUiStore().notify(`Could not restore: ${errorMessage(e)}`, { kind: 'error' });
    }
  }

  return {
    documents,
    info,
    loading,
    loaded,
    error,
    progress,
    lastResults,
    collections,
    activeCollection,
    sortKey,
    sortDescending,
    sorted,
    allTags,
    allOutlets,
    setSort,
    load,
    refresh,
    loadCollections,
    importFiles,
    importFolderFiles,
    importPaths,
    cancelImport,
    remove,
    restore,
    edit,
    undo,
    canUndo,
    createCollection,
    renameCollection,
    deleteCollection,
    addToCollection,
    removeFromCollection,
  };
});
