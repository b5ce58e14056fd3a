// What importing a file yields before it is stored: plain text, detected metadata and page map.
// Pure types and constants: no Node or DOM imports.
import type { DocBlock } from './blocks.ts';

export type DocumentFormat = 'txt' | 'md' | 'html' | 'pdf' | 'docx';
export const DOCUMENT_FORMATS: readonly DocumentFormat[] = ['txt', 'md', 'html', 'pdf', 'docx'];

export interface DetectedMetadata {
  title: string | null;
  author: string | null;
  outlet: string | null;
  /** ISO 8601 date or date-time, as found. */
  published: string | null;
  url: string | null;
  lang: string | null;
  excerpt: string | null;
  /** The file's own creation date (PDF CreationDate), which is not when the text was published. */
  fileDate?: string | null;
}

/** One page of a paginated source: text.slice(start, end) is page `page` (1-based). */
export interface PageSpan {
  page: number;
  start: number;
  end: number;
  /**
   * Running headers, footers, page numbers and margin stamps of the page, kept out of the text.
   * Set on the page's first span: a paragraph continued from the page before makes a page hold
   * more than one span.
   */
  furniture?: string[];
}

export interface ExtractedDocument {
  format: DocumentFormat;
  /** Plain text with LF line ends, NFC-normalised; every offset in the app indexes into it. */
  text: string;
  meta: DetectedMetadata;
  pages: PageSpan[] | null;
  /** The document's structure, where its format gives one; null when the text is all there is. */
  blocks: DocBlock[] | null;
}

export type IngestErrorCode =
  | 'empty'
  | 'no-text'
  | 'binary'
  | 'unsupported'
  | 'unreadable'
  | 'too-large'
  | 'corrupt'
  | 'encrypted'
  | 'timeout';
