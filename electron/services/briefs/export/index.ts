// Research-brief exporters: a brief in, a file out, written as the brief's items are read (or, for a
// brief already in memory, file bytes out). No Electron dependency, so the app, the browser host and
// the CLI write identical files.
import { exportFormatSchema } from '../../../../shared/ipc/requests.ts';
import type { ResolvedBrief } from '../../../../shared/types/brief.ts';
import { DossierError } from '../../errors.ts';
import { toDocx, writeDocx } from './docx.ts';
import { toHtml, writeHtml } from './html.ts';
import { toMarkdown, writeMarkdown } from './markdown.ts';
import { FileOutput, MemoryOutput, type ExportOutput } from './output.ts';
import { scanBrief, toPdf, writePdf, type BriefScan } from './pdf.ts';
import { streamOf, type StreamedBrief } from './streamed.ts';

export { toDocx, toHtml, toMarkdown, toPdf };
export type { BriefScan, PdfOptions } from './pdf.ts';
export { scanBrief };
export type { StreamedBrief } from './streamed.ts';

/** The formats a brief exports to: those the export request accepts. */
export type ExportFormat = (typeof exportFormatSchema.options)[number];

export const EXPORT_FORMATS: readonly ExportFormat[] = exportFormatSchema.options;

const EXTENSIONS: Record<string, ExportFormat> = {
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  pdf: 'pdf',
  docx: 'docx',
};

/** The format a save path asks for, by its extension (any case); null for anything else. */
export function formatFromPath(path: string): ExportFormat | null {
  const name = path.split(/[\\/]/).pop() ?? '';
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return null;
  return EXTENSIONS[name.slice(dot + 1).toLowerCase()] ?? null;
}

function checkFormat(format: ExportFormat): void {
  if (!EXPORT_FORMATS.includes(format)) throw new DossierError('bad-request', `Briefs export to Markdown, HTML, PDF or Word, not "${String(format)}".`);
}

/**
 * Writes a brief to `out` in `format`, one item at a time. Every export comes through here, so this is
 * where a format that is not one of the four is refused (requests are checked by their schema before).
 */
export async function writeBrief(brief: StreamedBrief, format: ExportFormat, out: ExportOutput, scan?: BriefScan): Promise<void> {
  checkFormat(format);
  switch (format) {
    case 'md':
      return writeMarkdown(brief, out);
    case 'html':
      return writeHtml(brief, out);
    case 'pdf':
      return writePdf(brief, out, { scan });
    case 'docx':
      return writeDocx(brief, out);
  }
}

/**
 * Writes a brief to the file at `path`, atomically: the file appears complete or not at all (a full
 * disk included), and whatever was at `path` before stays until then. Returns the file's size in bytes.
 */
export async function exportBriefToFile(brief: StreamedBrief, format: ExportFormat, path: string, scan?: BriefScan): Promise<number> {
  const out = new FileOutput(path);
  try {
    await writeBrief(brief, format, out, scan);
    return await out.commit();
  } catch (error) {
    await out.abort();
    throw error;
  }
}

/** A brief already resolved in memory, as file bytes. */
export async function exportBrief(brief: ResolvedBrief, format: ExportFormat): Promise<Uint8Array> {
  const out = new MemoryOutput();
  await writeBrief(streamOf(brief), format, out);
  return out.bytes();
}
