// What moves a dossier out of the app and back: library archives, W3C annotations, reference-manager
// files, a Markdown vault and ClaimReview. Pure types and constants: no Node or DOM imports.

/** The archive format's name and version, written in every archive's manifest.json. */
export const ARCHIVE_FORMAT = 'dossier-archive';
export const ARCHIVE_VERSION = 1;
/** Archives end in this; the CLI and the app tell them from other zips by it (or by their manifest). */
export const ARCHIVE_EXTENSION = '.dossier.zip';

/** manifest.json: what the archive holds and the SHA-256 of every other file in it. */
export interface ArchiveManifest {
  format: typeof ARCHIVE_FORMAT;
  version: number;
  createdAt: string;
  app: { name: string; version: string };
  /** The collection exported, or null for the whole library. */
  collection: string | null;
  counts: { documents: number; collections: number; notes: number; reviews: number; briefs: number };
  files: Record<string, { sha256: string; bytes: number }>;
}

/** A file an export hands to the caller (the app downloads it; the command line writes it). */
export interface ExportedFile {
  fileName: string;
  mime: string;
  dataBase64: string;
  /** What it holds, in words for a toast or the command line ("12 documents, 30 notes"). */
  summary: string;
}

/** Something an import could not attach to a passage, said so the user can find it. */
export interface UnplacedItem {
  kind: 'note' | 'review' | 'brief' | 'annotation';
  /** The document it belongs to (title), when known. */
  document: string | null;
  /** The passage it quotes. */
  quote: string;
  reason: string;
}

export interface ArchiveImportReport {
  /** The archive's own description: when it was made, by which version, of which collection. */
  archive: { createdAt: string; appVersion: string; collection: string | null };
  documents: { added: number; merged: number };
  collections: { added: number; merged: number };
  notes: { added: number; skipped: number };
  reviews: { added: number; skipped: number };
  briefs: { added: number; skipped: number };
  /** Notes, reviews and brief claims whose passage could not be found in the library's copy of the text. */
  unplaced: UnplacedItem[];
}

/** Where an imported annotation came from: a W3C Web Annotation file or a Hypothesis export. */
export type AnnotationSource = 'w3c' | 'hypothesis';

export interface AnnotationImportReport {
  source: AnnotationSource;
  total: number;
  /** Notes made from annotations, and reviews from assessing annotations. */
  notes: number;
  reviews: number;
  /** Placed by an approximate match because the passage's text had moved or changed. */
  reanchored: number;
  /** Already in the library (imported before). */
  duplicates: number;
  unplaced: UnplacedItem[];
}

export type ClaimReviewVerdict = 'accepted' | 'corrected' | 'added' | 'rejected';
