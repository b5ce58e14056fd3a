// Messages between the host and an export worker: the job in `workerData`, then batches of resolved
// items and the closing lists from the host, and progress and the outcome from the worker.
import type { CitedSource, ResolvedBriefItem } from '../../../../shared/types/brief.ts';
import type { ExportFormat } from './index.ts';
import type { BriefScan } from './pdf.ts';

export interface ExportJob {
  format: ExportFormat;
  /** The file to write (atomically). */
  path: string;
  title: string;
  generatedAt: string;
  /** For PDF: the brief's counts and character needs, read by the host beforehand. */
  scan?: BriefScan;
}

/** The disputed figures are the group items judged conflicting or evolving: the worker keeps them aside itself. */
export type ExportRequest = { items: ResolvedBriefItem[] } | { end: { sources: CitedSource[] } } | { abort: true };

export type ExportReply = { read: true } | { bytes: number } | { error: { name: string; message: string; code?: string } };
