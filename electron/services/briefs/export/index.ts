// Research-brief exporters: a ResolvedBrief in, file bytes out. Pure functions with no Electron
// dependency, so the app, the browser host and the CLI write identical files.
import type { ResolvedBrief } from '../../../../shared/types/brief.ts';
import { DossierError } from '../../errors.ts';
import { toDocx } from './docx.ts';
import { toHtml } from './html.ts';
import { toMarkdown } from './markdown.ts';
import { toPdf } from './pdf.ts';

export { toDocx, toHtml, toMarkdown, toPdf };
export type { PdfOptions } from './pdf.ts';

export type ExportFormat = 'md' | 'html' | 'pdf' | 'docx';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['md', 'html', 'pdf', 'docx'];

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

export async function exportBrief(brief: ResolvedBrief, format: ExportFormat): Promise<Uint8Array> {
  switch (format) {
    case 'md':
      return new TextEncoder().encode(toMarkdown(brief));
    case 'html':
      return new TextEncoder().encode(toHtml(brief));
    case 'pdf':
      return toPdf(brief);
    case 'docx':
      return toDocx(brief);
    default:
      throw new DossierError('bad-request', `Briefs export to Markdown, HTML, PDF or Word, not "${String(format)}".`);
  }
}
