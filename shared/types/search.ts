// Full-text search requests and results. Pure types: no Node or DOM imports.
import type { DocumentFormat } from './ingest.ts';

export interface SearchQuery {
  query: string;
  tags?: string[];
  outlet?: string;
  /** A collection id: only documents in it. */
  collection?: string;
  formats?: DocumentFormat[];
  /** Inclusive ISO dates bounding the published date. */
  from?: string;
  to?: string;
  limit?: number;
}

export interface SearchSnippet {
  text: string;
  /** Offset of `text` in the document text, so the reader can jump there. */
  start: number;
  /** [start, end) ranges within `text` to highlight. */
  highlights: Array<[number, number]>;
}

export interface SearchHit {
  docId: string;
  title: string;
  format: DocumentFormat;
  outlet: string | null;
  published: string | null;
  score: number;
  /** The fields the query matched: title, text, claims, notes. */
  fields: string[];
  snippet: SearchSnippet | null;
}

export interface SearchResult {
  hits: SearchHit[];
  total: number;
  tookMs: number;
}
