// Library state: the document list, imports with progress and cancel, delete with undo.
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { DocumentSummary, ImportProgress, ImportResult, LibraryInfo } from '../../../shared/types/library';
import type { UploadedFile } from '../../../shared/ipc/contract';
import { errorMessage, useApi } from '../api';
import { useUiStore } from './ui';

/** Resolves after the browser has painted the current state: frame callbacks run just before a paint. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

async function toUpload(file: File): Promise<UploadedFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return { name: file.name, dataBase64: btoa(binary) };
}

const FIRST_SCREEN_ROWS = 100;

export const useLibraryStore = defineStore('library', () => {
  // Replaced wholesale, never mutated in place: a shallow ref spares Vue from wrapping 10,000 rows.
  const documents = shallowRef<DocumentSummary[]>([]);
  const info = ref<LibraryInfo | null>(null);
  const loading = ref(false);
  const loaded = ref(false);
  const error = ref<string | null>(null);
  const progress = ref<ImportProgress | null>(null);
  let subscribed = false;

  function subscribe(): void {
    if (subscribed) return;
    subscribed = true;
    const api = useApi();
    api.on('library:progress', (p) => {
      progress.value = p.finished ? null : p;
    });
    api.on('library:changed', () => void refresh());
  }

  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      const api = useApi();
      subscribe();
      // The first screenful comes first; the whole list follows without holding up the first screen.
      const [libraryInfo, first] = await Promise.all([api.app.info(), api.library.list({ limit: FIRST_SCREEN_ROWS })]);
      info.value = libraryInfo;
      documents.value = first;
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

  async function refresh(): Promise<void> {
    try {
      documents.value = await useApi().library.list();
    } catch (e) {
      error.value = errorMessage(e);
    }
  }

  function reportResults(results: ImportResult[]): void {
    const ui = useUiStore();
    const imported = results.filter((r) => r.status === 'imported').length;
    const duplicates = results.filter((r) => r.status === 'duplicate');
    const failed = results.filter((r) => r.status === 'error');
    if (imported) ui.notify(`Imported ${imported} document${imported === 1 ? '' : 's'}.`, { kind: 'success' });
    for (const d of duplicates) ui.notify(`${d.path} is already in the library as “${d.title}”.`);
    for (const f of failed) ui.notify(`Could not import ${f.path}: ${f.error}`, { kind: 'error', timeout: 12000 });
  }

  async function runImport(request: { paths?: string[]; files?: UploadedFile[] }): Promise<ImportResult[]> {
    const jobId = Math.random().toString(36).slice(2, 10);
    progress.value = { jobId, done: 0, total: (request.paths?.length ?? 0) + (request.files?.length ?? 0), current: null, finished: false, cancelled: false };
    try {
      const results = await useApi().library.import({ ...request, jobId });
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

  async function importFiles(files: File[]): Promise<ImportResult[]> {
    if (!files.length) return [];
    return runImport({ files: await Promise.all(files.map(toUpload)) });
  }

  async function importPaths(paths: string[]): Promise<ImportResult[]> {
    if (!paths.length) return [];
    return runImport({ paths });
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

  return { documents, info, loading, loaded, error, progress, load, refresh, importFiles, importPaths, cancelImport, remove, restore };
});
