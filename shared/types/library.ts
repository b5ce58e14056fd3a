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
  /** Set while a deleted document can still be restored. */
  deletedAt?: string | null;
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
  tags: string[];
  importedAt: string;
  claimCount: number;
  sameTextAs?: SameText | null;
}

export interface DocumentContent {
  document: DocumentRecord;
  text: string;
  pages: PageSpan[] | null;
  /** Headings, paragraphs, list items, tables, notes…; null when the document was stored without them. */
  blocks: DocBlock[] | null;
}

export type ImportStatus = 'imported' | 'duplicate' | 'error';

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
  /** Problems found while opening the library (a corrupt file set aside, a backup restored). */
  warnings: string[];
  documentCount: number;
}
