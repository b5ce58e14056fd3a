// PDF: pdf.js (legacy build, in-process worker) gives positioned text runs per page; they are joined
// into lines and paragraphs, pages are separated by a blank line, and each page's span is recorded.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { DetectedMetadata, PageSpan } from '../../../shared/types/ingest.ts';
import type { DocBlock } from '../../../shared/types/blocks.ts';
import { IngestError, corruptError, encryptedError, noTextError, tooMuchTextError } from './errors.ts';
import { analyzeLayout, type PageRuns, type TextRun } from './pdf-layout.ts';
import { cleanField, toIsoDate } from './text.ts';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

interface PdfTextItem {
  str: string;
  fontName: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

let pdfjsModule: Promise<PdfJs> | null = null;

/**
 * Loads pdf.js once. Node has no web workers, so the worker module is registered on globalThis,
 * where pdf.js looks for it to run parsing in-process instead of trying to spawn a worker.
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsModule ??= (async () => {
    const globals = globalThis as { pdfjsWorker?: unknown };
    globals.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjsModule;
}

let assetDir: string | null = null;

/** pdf.js reads font and CMap data from disk in Node; paths must end with a separator. */
function pdfjsAsset(folder: string): string {
  assetDir ??= dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return join(assetDir, folder) + '/';
}

function isTextItem(item: unknown): item is PdfTextItem {
  return typeof (item as PdfTextItem).str === 'string' && Array.isArray((item as PdfTextItem).transform);
}

/**
 * pdf.js items as layout runs. Rotated text (margin stamps, vertical labels) is not part of the
 * reading flow and is set aside with the page furniture.
 */
function toRuns(page: number, view: number[], items: unknown[]): PageRuns {
  const [left, bottom, right, top] = view;
  const runs: TextRun[] = [];
  const stray: string[] = [];
  for (const item of items) {
    if (!isTextItem(item)) continue; // marked-content markers
    const [a, b, c, d, x, y] = item.transform;
    const size = Math.abs(d) || Math.hypot(c, d) || Math.hypot(a, b) || item.height || 1;
    if (Math.abs(b) > 0.01 * Math.abs(a) || Math.abs(c) > 0.01 * Math.abs(d) || a <= 0) {
      if (item.str.trim()) stray.push(item.str.trim());
      continue;
    }
    // NFC per run, so the text the layout emits is final and its offsets stay exact.
    runs.push({ str: item.str.normalize('NFC'), x: x - left, y: y - bottom, width: item.width, size, font: item.fontName });
  }
  return { page, width: right - left, height: top - bottom, runs, stray };
}

const PLACEHOLDER_TITLES = /^(untitled|document\d*|microsoft word - .*|.*\.(docx?|pdf|rtf|odt|txt|html?|indd|tex|dvi|qxd|ps))$/i;

function metadataFrom(info: Record<string, unknown>, xmp: { get(name: string): unknown } | null): Partial<DetectedMetadata> {
  const xmpField = (name: string) => {
    const value = xmp?.get(name);
    return cleanField(Array.isArray(value) ? value.join(', ') : value);
  };
  const title = cleanField(info.Title) ?? xmpField('dc:title');
  return {
    title: title && !PLACEHOLDER_TITLES.test(title) ? title : null,
    author: cleanField(info.Author) ?? xmpField('dc:creator'),
    published: toIsoDate(info.CreationDate) ?? toIsoDate(xmpField('xmp:createdate')),
    lang: cleanField(info.Language),
    excerpt: cleanField(info.Subject) ?? xmpField('dc:description'),
  };
}

export interface PdfExtraction {
  text: string;
  pages: PageSpan[];
  blocks: DocBlock[];
  meta: Partial<DetectedMetadata>;
}

/** Readers accept the header anywhere in the first kilobyte; pdf.js would instead scan a whole non-PDF file. */
function hasPdfHeader(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).includes('%PDF-');
}

export async function extractPdf(name: string, bytes: Uint8Array, maxChars: number): Promise<PdfExtraction> {
  if (!hasPdfHeader(bytes)) throw corruptError(name, 'a PDF');
  const pdfjs = await loadPdfJs();
  let task: ReturnType<PdfJs['getDocument']> | null = null;
  try {
    task = pdfjs.getDocument({
      // A private copy, as a plain Uint8Array: pdf.js refuses Buffers and may take ownership of its input.
      data: new Uint8Array(bytes),
      standardFontDataUrl: pdfjsAsset('standard_fonts'),
      cMapUrl: pdfjsAsset('cmaps'),
      cMapPacked: true,
      wasmUrl: pdfjsAsset('wasm'),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: pdfjs.VerbosityLevel.ERRORS,
    });
    let doc;
    try {
      doc = await task.promise;
    } catch (error) {
      if ((error as Error | null)?.name === 'PasswordException') throw encryptedError(name);
      throw corruptError(name, 'a PDF');
    }

    let meta: Partial<DetectedMetadata> = {};
    try {
      const { info, metadata } = await doc.getMetadata();
      meta = metadataFrom(info as Record<string, unknown>, metadata);
    } catch {
      // A broken info dictionary should not cost the text.
    }

    const pages: PageRuns[] = [];
    let failedPages = 0;
    let chars = 0;
    for (let number = 1; number <= doc.numPages; number++) {
      try {
        const page = await doc.getPage(number);
        const content = await page.getTextContent();
        const runs = toRuns(number, page.view, content.items);
        page.cleanup();
        pages.push(runs);
        for (const run of runs.runs) chars += run.str.length;
      } catch {
        failedPages++;
        pages.push({ page: number, width: 0, height: 0, runs: [], stray: [] });
      }
      if (chars > maxChars) throw tooMuchTextError(name, chars, maxChars);
    }

    const layout = analyzeLayout(pages);
    const text = layout.text;
    if (!text.trim()) {
      if (failedPages > 0) throw corruptError(name, 'a PDF');
      throw noTextError(name, ' that can be extracted (it may be a scanned image; text recognition is not supported)');
    }
    // A real metadata title is the author's word; the page's own title block comes next, then the
    // running header or footer, which names the document on every page, then a title set at body size
    // in the heading face above the first paragraph.
    const title = meta.title ?? layout.title ?? layout.runningTitle ?? layout.leadHeading;
    return { text, pages: layout.pages, blocks: layout.blocks, meta: { ...meta, title } };
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw corruptError(name, 'a PDF');
  } finally {
    await task?.destroy().catch(() => undefined);
  }
}
