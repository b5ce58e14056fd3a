// File ingestion: picks the extractor by extension, enforces size and content limits, and returns
// plain text (LF, NFC) with detected metadata and, for PDF, page spans. Pure Node; no Electron.
import { stat, readFile } from 'node:fs/promises';
import type { DetectedMetadata, DocumentFormat, ExtractedDocument } from '../../../shared/types/ingest.ts';
import { decodeText } from './decode.ts';
import { extractDocx } from './docx.ts';
import {
  IngestError,
  baseName,
  emptyFileError,
  noTextError,
  tooLargeError,
  tooMuchTextError,
  unreadableError,
} from './errors.ts';
import { extractHtml } from './html.ts';
import { extractMarkdown } from './markdown.ts';
import { extractPdf } from './pdf.ts';
import { finalizeText, guessTitle, normalizeNewlines } from './text.ts';
import { plainTextBlocks } from './text-blocks.ts';
import { markReferences } from './references.ts';
import { cleanByline } from './byline.ts';
import { findDates, findDocumentDate, parseDate } from '../../../shared/text/dates.ts';

export { IngestError, unreadableError } from './errors.ts';

export const SUPPORTED_EXTENSIONS: readonly string[] = ['.txt', '.md', '.markdown', '.html', '.htm', '.pdf', '.docx'];

const FORMAT_BY_EXTENSION: Record<string, DocumentFormat> = {
  '.txt': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx',
};

const MB = 1024 * 1024;

/** Text formats are read whole into a string; containers are bigger for the same amount of text. */
export const MAX_FILE_BYTES: Record<DocumentFormat, number> = {
  txt: 16 * MB,
  md: 16 * MB,
  html: 16 * MB,
  pdf: 100 * MB,
  docx: 100 * MB,
};

/** Beyond this the reader, search index and claim extraction all slow to a crawl. */
export const MAX_TEXT_CHARS = 16 * MB;

function extensionOf(name: string): string {
  const base = baseName(name);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

export function formatFromName(name: string): DocumentFormat | null {
  return FORMAT_BY_EXTENSION[extensionOf(name)] ?? null;
}

function unsupportedError(name: string): IngestError {
  const ext = extensionOf(name);
  const what = ext ? `unsupported file type ${ext}` : 'no file extension, so its type is unknown';
  return new IngestError('unsupported', `${baseName(name)}: ${what} (supported: ${SUPPORTED_EXTENSIONS.join(', ')})`);
}

function emptyMeta(): DetectedMetadata {
  return { title: null, author: null, outlet: null, published: null, url: null, lang: null, excerpt: null };
}

/** Converts one file's bytes into text, metadata and (for PDF) page spans; throws IngestError when it cannot. */
export async function extractDocument(input: { name: string; bytes: Uint8Array }): Promise<ExtractedDocument> {
  const { name, bytes } = input;
  const format = formatFromName(name);
  if (!format) throw unsupportedError(name);
  if (bytes.length === 0) throw emptyFileError(name);
  if (bytes.length > MAX_FILE_BYTES[format]) throw tooLargeError(name, format, bytes.length, MAX_FILE_BYTES[format]);

  let text: string;
  let found: Partial<DetectedMetadata> = {};
  let pages: ExtractedDocument['pages'] = null;
  let blocks: ExtractedDocument['blocks'] = null;
  switch (format) {
    case 'txt':
      // Offsets of the original file must stay valid apart from line ends, so nothing else is touched.
      text = finalizeText(decodeText(name, bytes));
      blocks = plainTextBlocks(text);
      break;
    case 'md': {
      const result = extractMarkdown(normalizeNewlines(decodeText(name, bytes)));
      [text, found, blocks] = [finalizeText(result.text), result.meta, keptBlocks(result)];
      break;
    }
    case 'html': {
      const result = extractHtml(decodeText(name, bytes, { html: true }));
      [text, found, blocks] = [finalizeText(result.text), result.meta, keptBlocks(result)];
      break;
    }
    case 'docx': {
      const result = await extractDocx(name, bytes);
      [text, found, blocks] = [finalizeText(result.text), result.meta, keptBlocks(result)];
      break;
    }
    case 'pdf': {
      const result = await extractPdf(name, bytes, MAX_TEXT_CHARS);
      [text, found, pages, blocks] = [result.text, result.meta, result.pages, result.blocks];
      break;
    }
  }

  if (text.length > MAX_TEXT_CHARS) throw tooMuchTextError(name, text.length, MAX_TEXT_CHARS);
  if (!text.trim()) throw noTextError(name);
  // Reference lists look alike in every format: they stay in the text but state no claims.
  if (blocks) blocks = markReferences(text, blocks);

  const meta: DetectedMetadata = { ...emptyMeta(), ...stripUndefined(found) };
  if (format === 'pdf') {
    // A PDF's CreationDate is when the file was made (often the day it was printed or saved), not when
    // the text was published: it is kept apart, and a date printed on the first page is used instead.
    meta.fileDate = meta.published;
    // Failing the page's text, its running header or footer (kept in the page map) often carries the issue date.
    const first = pages?.[0];
    const onPage = first ? datePrintedOnFirstPage(text.slice(first.start, first.end), meta.fileDate ?? null) : null;
    meta.published = onPage ?? (first?.furniture ? datePrintedOnFirstPage(first.furniture.join('\n'), meta.fileDate ?? null) : null);
  }
  // A date line ("Reuters, March 9, 2021") or dateline near the top gives the date, and often the outlet.
  const general = findDocumentDate(text, meta.fileDate ?? null);
  const simple = outletDateLine(text);
  const line = general ?? simple;
  if (line) {
    meta.published ??= line.published;
    // The general reader leaves a lower-case outlet ("bit-tech") unnamed; the same line read simply names it.
    meta.outlet ??= line.outlet ?? (simple && simple.start === line.start ? simple.outlet : null);
  }
  meta.author = cleanByline(meta.author);
  if (!meta.title && line) {
    const before = text.slice(0, line.start).trim();
    // A date line above the headline is not the headline; the one line above a date line is.
    if (!before) meta.title = guessTitle(text.slice(line.end));
    else if (!before.includes('\n') && before.length <= 200) meta.title = before.replace(/\s+/g, ' ');
  }
  meta.title ??= guessTitle(text);
  return { format, text, meta, pages, blocks };
}

/** Block offsets hold only if normalising the text left its length alone (it nearly always does). */
function keptBlocks(result: { text: string; blocks: ExtractedDocument['blocks'] }): ExtractedDocument['blocks'] {
  return finalizeText(result.text).length === result.text.length && result.blocks?.length ? result.blocks : null;
}

/** How many lines from the top a date line is looked for. */
const DATE_LINE_MAX_LINE = 4;

/**
 * "Outlet, date" on a line of its own near the top, for outlets whose names end in punctuation or
 * start in lower case ("Which?, 2017-10-11", "bit-tech, 2017-10-11"), which the general date-line
 * reader leaves alone: the date must be the whole rest of the line.
 */
export function outletDateLine(text: string): { published: string; outlet: string | null; start: number; end: number } | null {
  let offset = 0;
  const lines = text.slice(0, 1500).split('\n');
  for (let i = 0; i < Math.min(lines.length, DATE_LINE_MAX_LINE); i++) {
    const raw = lines[i]!;
    const m = /^\s*([^,\n]{2,60}),\s*([^,\n][^\n]{5,40})$/.exec(raw);
    if (m) {
      const published = parseDate(m[2]!.trim());
      const dates = findDates(m[2]!);
      // The date must be all there is after the comma.
      if (published && dates.length === 1 && m[2]!.trim().length - dates[0]!.text.trim().length <= 1) {
        return { published, outlet: m[1]!.trim(), start: offset, end: offset + raw.length };
      }
    }
    offset += raw.length + 1;
  }
  return null;
}

/** How far into the first page a printed publication date is looked for: the masthead and opening. */
const FIRST_PAGE_DATE_CHARS = 1500;

/**
 * The publication date printed on a PDF's first page: a date line or dateline at its top, else the
 * first full date (or month and year, as reports print them) near its start.
 */
export function datePrintedOnFirstPage(firstPage: string, fileDate: string | null): string | null {
  const line = findDocumentDate(firstPage, fileDate);
  if (line) return line.published;
  const head = firstPage.slice(0, FIRST_PAGE_DATE_CHARS);
  const dates = findDates(head).filter((d) => d.yearGiven);
  return (dates.find((d) => d.precision === 'day' || d.precision === 'minute') ?? dates[0])?.iso ?? null;
}

function stripUndefined(meta: Partial<DetectedMetadata>): Partial<DetectedMetadata> {
  return Object.fromEntries(Object.entries(meta).filter(([, value]) => value !== undefined && value !== ''));
}

/**
 * Checks a path with stat alone, so huge, empty, unsupported or unreadable files are refused
 * without being loaded. Throws IngestError when the file should not be read.
 */
export async function precheckPath(path: string): Promise<void> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw unreadableError(path, error);
  }
  if (info.isDirectory()) throw unreadableError(path, Object.assign(new Error('is a directory'), { code: 'EISDIR' }));
  if (!info.isFile()) throw new IngestError('unreadable', `cannot read ${path}: not a regular file`);
  const format = formatFromName(path);
  if (!format) throw unsupportedError(path);
  if (info.size === 0) throw emptyFileError(path);
  if (info.size > MAX_FILE_BYTES[format]) throw tooLargeError(path, format, info.size, MAX_FILE_BYTES[format]);
}

/** Reads a file's bytes after the stat checks; every failure is an IngestError with a user-facing message. */
export async function readChecked(path: string): Promise<Uint8Array> {
  await precheckPath(path);
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    throw unreadableError(path, error);
  }
}

/** Reads a file from disk and extracts it. */
export async function readAndExtract(path: string): Promise<ExtractedDocument> {
  return extractDocument({ name: baseName(path), bytes: await readChecked(path) });
}
