// PDF: pdf.js (legacy build, in-process worker) gives positioned text runs per page; they are joined
// into lines and paragraphs, pages are separated by a blank line, and each page's span is recorded.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { DetectedMetadata, PageSpan } from '../../../shared/types/ingest.ts';
import { IngestError, corruptError, encryptedError, noTextError, tooMuchTextError } from './errors.ts';
import { cleanField, finalizeText, toIsoDate } from './text.ts';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

interface PdfTextItem {
  str: string;
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

/** Runs of text on one baseline, in content order. */
interface Line {
  text: string;
  y: number;
  size: number;
}

function isTextItem(item: unknown): item is PdfTextItem {
  return typeof (item as PdfTextItem).str === 'string' && Array.isArray((item as PdfTextItem).transform);
}

/** Control characters some PDFs carry in their text (from broken font encodings); never meaningful. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const STRAY_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

function toLines(items: unknown[]): Line[] {
  const lines: Line[] = [];
  let current: (Line & { xEnd: number }) | null = null;
  let endOfLine = false;
  for (const item of items) {
    if (!isTextItem(item)) continue; // marked-content markers
    const [a, b, c, d, x, y] = item.transform;
    const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height || 1;
    const str = item.str.replace(STRAY_CONTROLS, '');
    if (!str) {
      // pdf.js emits empty runs to carry an end-of-line flag.
      endOfLine ||= item.hasEOL;
      continue;
    }
    // Super- and subscripts shift the baseline a little without starting a new line.
    const sameLine = current && !endOfLine && Math.abs(y - current.y) <= 0.5 * Math.max(size, current.size);
    if (current && sameLine) {
      const gap = x - current.xEnd;
      if (gap > 0.2 * size && !/\s$/.test(current.text) && !/^\s/.test(str)) current.text += ' ';
      current.text += str;
      current.xEnd = x + item.width;
      current.size = Math.max(current.size, size);
    } else {
      if (current) lines.push(current);
      current = { text: str, y, size, xEnd: x + item.width };
    }
    endOfLine = item.hasEOL;
  }
  if (current) lines.push(current);
  for (const line of lines) line.text = line.text.replace(/[ \t\u00a0]+/g, ' ').trim();
  return lines.filter((line) => line.text);
}

/** Baseline gap relative to font size; what "normal line spacing" is gets measured per document. */
function gapRatio(above: Line, below: Line): number {
  return (above.y - below.y) / Math.min(above.size, below.size);
}

/**
 * Normal line spacing of the document: the lower quartile of line gaps, since paragraph and heading
 * gaps are the larger ones and short paragraphs can make them the majority.
 */
function typicalLineGap(pages: Line[][]): number {
  const ratios: number[] = [];
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const ratio = gapRatio(lines[i - 1], lines[i]);
      if (ratio > 0 && ratio < 4) ratios.push(ratio);
    }
  }
  // Too few lines to tell body spacing from paragraph spacing: assume ordinary single spacing.
  if (ratios.length < 5) return 1.2;
  ratios.sort((p, q) => p - q);
  return Math.max(1, ratios[Math.floor(ratios.length / 4)]);
}

function pageText(lines: Line[], typicalGap: number): string {
  let text = '';
  for (let i = 0; i < lines.length; i++) {
    if (i > 0) {
      const ratio = gapRatio(lines[i - 1], lines[i]);
      // Extra space between lines marks a paragraph; moving up the page means a new column or box.
      text += ratio > typicalGap * 1.4 || ratio < 0 ? '\n\n' : '\n';
    }
    text += lines[i].text;
  }
  return finalizeText(text);
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

    const pageLines: Line[][] = [];
    let failedPages = 0;
    let chars = 0;
    for (let number = 1; number <= doc.numPages; number++) {
      try {
        const page = await doc.getPage(number);
        const content = await page.getTextContent();
        const lines = toLines(content.items);
        page.cleanup();
        pageLines.push(lines);
        for (const line of lines) chars += line.text.length + 1;
      } catch {
        failedPages++;
        pageLines.push([]);
      }
      if (chars > maxChars) throw tooMuchTextError(name, chars, maxChars);
    }

    const typicalGap = typicalLineGap(pageLines);
    let text = '';
    const pages: PageSpan[] = [];
    pageLines.forEach((lines, index) => {
      const body = pageText(lines, typicalGap);
      if (body && text) text += '\n\n';
      pages.push({ page: index + 1, start: text.length, end: text.length + body.length });
      text += body;
    });

    if (!text.trim()) {
      if (failedPages > 0) throw corruptError(name, 'a PDF');
      throw noTextError(name, ' that can be extracted (it may be a scanned image; text recognition is not supported)');
    }
    return { text, pages, meta };
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw corruptError(name, 'a PDF');
  } finally {
    await task?.destroy().catch(() => undefined);
  }
}
