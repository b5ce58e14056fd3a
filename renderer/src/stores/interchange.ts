// Research that travels: exports (library archive, W3C annotations, Markdown vault, ClaimReview) saved as
// downloads, and imports of archives and annotation files, with the last import's report (what was added,
// merged, and could not be placed) kept for the Export and import dialog.
import { countOf } from '../../../shared/text/plural';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { UploadedFile } from '../../../shared/ipc/contract';
import type { Claim } from '../../../shared/types/claims';
import type { AnnotationImportReport, ArchiveImportReport, ExportedFile } from '../../../shared/types/interchange';
import { errorMessage, useApi } from '../api';
import { downloadBase64 } from '../lib/download';
import { useLibraryStore } from './library';
import { useUiStore } from './ui';

export type ExportKind = 'archive' | 'annotations' | 'vault';

export const EXPORT_LABEL: Record<ExportKind, string> = {
  archive: 'Library archive',
  annotations: 'W3C annotations',
  vault: 'Markdown vault',
};

/** What the last import did, for the dialog: an archive restored, or annotations attached. */
export type ImportReport = { kind: 'archive'; file: string; report: ArchiveImportReport } | { kind: 'annotations'; file: string; report: AnnotationImportReport };

/** Archives go to archive import, annotation files to annotation import; the rest is document import. */
export function importKindOf(name: string): 'archive' | 'annotations' | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.zip')) return 'archive';
  if (lower.endsWith('.jsonld')) return 'annotations';
  return null;
}

/**
 * A .json file is a reference list (CSL-JSON) or annotations (a Hypothesis export, W3C JSON): the
 * first holds items with a `type` and no `target`.
 */
export function jsonLooksLikeAnnotations(text: string): boolean {
  try {
    const data = JSON.parse(text) as unknown;
    if (Array.isArray(data)) return data.some((item) => item && typeof item === 'object' && 'target' in item);
    if (!data || typeof data !== 'object') return false;
    const type = (data as { type?: unknown }).type;
    return type === 'AnnotationCollection' || type === 'AnnotationPage' || type === 'Annotation' || Array.isArray((data as { annotations?: unknown }).annotations) || Array.isArray((data as { rows?: unknown }).rows);
  } catch {
    return false;
  }
}

export function describeArchiveReport(report: ArchiveImportReport): string {
  const { documents, notes, reviews, briefs } = report;
  const parts = [`${countOf(documents.added, 'document')} added`];
  if (documents.merged) parts.push(`${documents.merged} already in the library`);
  parts.push(countOf(notes.added, 'note'), countOf(reviews.added, 'claim review'), countOf(briefs.added, 'brief'));
  return parts.join(', ');
}

export function describeAnnotationReport(report: AnnotationImportReport): string {
  const parts = [`${countOf(report.notes, 'note')} and ${countOf(report.reviews, 'claim review')} added`];
  if (report.reanchored) parts.push(`${report.reanchored} re-anchored where the text had moved`);
  if (report.duplicates) parts.push(`${report.duplicates} already in the library`);
  if (report.unplaced.length) parts.push(`${report.unplaced.length} could not be placed`);
  return parts.join('; ');
}

export const useInterchangeStore = defineStore('interchange', () => {
  const busy = ref<string | null>(null);
  const lastImport = ref<ImportReport | null>(null);
  const dialogOpen = ref(false);

  async function run<T>(what: string, task: () => Promise<T>): Promise<T | null> {
    busy.value = what;
    try {
      return await task();
    } catch (e) {
      useUiStore().notify(`${what} failed: ${errorMessage(e)}`, { kind: 'error', timeout: 15000 });
      return null;
    } finally {
      busy.value = null;
    }
  }

  function save(file: ExportedFile, label: string): void {
    downloadBase64(file.fileName, file.mime, file.dataBase64);
    useUiStore().notify(`Exported the ${label} (${file.summary}) as ${file.fileName}.`, { kind: 'success', timeout: 8000 });
  }

  /** Exports the library, or one collection, in one of the interchange formats. */
  async function exportAs(kind: ExportKind, collection: string | null): Promise<boolean> {
    const api = useApi();
    const request = collection ? { collection } : {};
    const file = await run(`Exporting the ${EXPORT_LABEL[kind].toLowerCase()}`, () =>
      kind === 'archive' ? api.library.exportArchive(request) : kind === 'vault' ? api.library.exportVault(request) : api.annotations.export(request),
    );
    if (!file) return false;
    save(file, EXPORT_LABEL[kind].toLowerCase());
    return true;
  }

  async function exportClaimReview(docId: string, claim: Claim): Promise<void> {
    const file = await run('Exporting the claim review', () => useApi().claims.claimReview({ docId, claimId: claim.id }));
    if (file) save(file, 'ClaimReview');
  }

  async function afterImport(report: ImportReport): Promise<void> {
    lastImport.value = report;
    const ui = useUiStore();
    const text = report.kind === 'archive' ? describeArchiveReport(report.report) : describeAnnotationReport(report.report);
    const unplaced = report.report.unplaced.length;
    ui.notify(`Imported ${report.file}: ${text}.`, {
      kind: 'success',
      timeout: unplaced ? 15000 : 8000,
      ...(unplaced ? { action: { label: 'Details', run: () => void (dialogOpen.value = true) } } : {}),
    });
    await useLibraryStore().refresh();
  }

  async function importArchive(source: { path: string } | { file: UploadedFile }): Promise<ArchiveImportReport | null> {
    const name = 'path' in source ? source.path.split(/[\\/]/).pop()! : source.file.name;
    const report = await run(`Importing ${name}`, () => useApi().library.importArchive(source));
    if (report) await afterImport({ kind: 'archive', file: name, report });
    return report;
  }

  async function importAnnotations(source: { path: string } | { file: UploadedFile }, collection: string | null = null): Promise<AnnotationImportReport | null> {
    const name = 'path' in source ? source.path.split(/[\\/]/).pop()! : source.file.name;
    const report = await run(`Importing the annotations in ${name}`, () => useApi().annotations.import({ ...source, ...(collection ? { collection } : {}) }));
    if (report) await afterImport({ kind: 'annotations', file: name, report });
    return report;
  }

  return { busy, lastImport, dialogOpen, exportAs, exportClaimReview, importArchive, importAnnotations };
});
