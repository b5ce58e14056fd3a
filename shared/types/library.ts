// Library records as every layer sees them. Pure types: no Node or DOM imports.
import type { DocBlock } from './blocks.ts';
import type { DocumentFormat, PageSpan } from './ingest.ts';

export interface DocumentMetadata {
  title: string;
  author: string | null;
  outlet: string | null;
  /** ISO 8601 date (or date-time) of publication, when known. */
  published: string | null;
  url: string | null;
  lang: string | null;
  tags: string[];
  /** Ids of the collections the document belongs to (records from before collections lack it). */
  collections?: string[];
}

export interface DocumentRecord extends DocumentMetadata {
  id: string;
  format: DocumentFormat;
  /** Where the file was imported from (absolute path, or the upload's file name). */
  sourcePath: string;
  /** SHA-256 of the original bytes, hex; the dedupe key. */
  contentHash: string;
  importedAt: string;
  words: number;
  chars: number;
  /** File name of the original kept in the document folder. */
  originalFile: string;
  /** The file's own creation date (a PDF's CreationDate), kept apart from the publication date. */
  fileDate?: string | null;
  /** Set while a deleted document can still be restored. */
  deletedAt?: string | null;
  /** Version of the block model the stored blocks were built with; missing for older libraries. */
  blocksVersion?: number | null;
  /** Engine version of the stored claims, or null when claims are not extracted yet. */
  claimsVersion?: string | null;
  claimCount?: number;
  /** MinHash of the text's word 5-grams, to recognise the same text imported in another format. */
  textSignature?: number[] | null;
  /** The library document with largely the same text, found at import; overlap is 0 to 1. */
  sameTextAs?: SameText | null;
}

export interface SameText {
  id: string;
  title: string;
  overlap: number;
}

/** The shape `dossier list --json` prints and the library view shows. */
export interface DocumentSummary {
  id: string;
  title: string;
  format: DocumentFormat;
  path: string;
  words: number;
  author: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
  lang: string | null;
  tags: string[];
  collections: string[];
  fileDate: string | null;
  importedAt: string;
  claimCount: number;
  sameTextAs?: SameText | null;
}

/** A named set of documents: one story or project. */
export interface Collection {
  id: string;
  name: string;
  createdAt: string;
  deletedAt?: string | null;
}

export interface CollectionSummary {
  id: string;
  name: string;
  /** Documents in it (deleted documents not counted). */
  count: number;
}

/** One document's metadata change, as the item pane or a bulk edit sends it. */
export interface MetadataUpdate {
  id: string;
  changes: Partial<DocumentMetadata>;
}

/** Formats a reference manager imports. */
export type SourcesFormat = 'csl-json' | 'bibtex' | 'ris';
export const SOURCES_FORMATS: readonly SourcesFormat[] = ['csl-json', 'bibtex', 'ris'];

export interface DocumentContent {
  document: DocumentRecord;
  text: string;
  pages: PageSpan[] | null;
  /** Headings, paragraphs, list items, tables, notes…; null when the document was stored without them. */
  blocks: DocBlock[] | null;
}

/** `skipped`: a file in a folder that import does not read (its reason in `error`). */
export type ImportStatus = 'imported' | 'duplicate' | 'error' | 'skipped';

export interface ImportResult {
  path: string;
  status: ImportStatus;
  id?: string;
  title?: string;
  error?: string;
  errorCode?: string;
  /** Set when the imported text largely overlaps a document already in the library. */
  sameTextAs?: SameText | null;
}

export interface ImportProgress {
  jobId: string;
  done: number;
  total: number;
  current: string | null;
  finished: boolean;
  cancelled: boolean;
}

export interface LibraryInfo {
  host: 'electron' | 'browser';
  libraryDir: string;
  version: string;
  readOnly: boolean;
  /** Why the library is read-only, for the banner (a folder that cannot be written, an unreadable file). */
  readOnlyReason?: string | null;
  /** Problems found while opening the library (a corrupt file set aside, a backup restored). */
  warnings: string[];
  documentCount: number;
}
