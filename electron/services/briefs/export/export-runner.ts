// Writing a brief's file off the host's main thread. The main thread resolves the items (it reads the
// library); a worker lays them out and writes the file. The worker runs with a heap limit, so its
// garbage is collected as it goes and a long export stays within a fixed amount of memory, and the
// host keeps answering while a thousand-page PDF is typeset.
import { Worker } from 'node:worker_threads';
import type { ResolvedBriefItem } from '../../../../shared/types/brief.ts';
import { DossierError } from '../../errors.ts';
import { workerStart } from '../../workers/start.ts';
import { exportBriefToFile, scanBrief, type ExportFormat } from './index.ts';
import { Pacer } from './output.ts';
import type { StreamedBrief } from './streamed.ts';
import type { ExportJob, ExportReply, ExportRequest } from './worker-protocol.ts';

/** Writes a brief to a file and returns its size in bytes. */
export interface BriefFileWriter {
  write(brief: StreamedBrief, format: ExportFormat, path: string): Promise<number>;
  close(): Promise<void>;
}

/** In the calling thread: for the command line, which has no other requests to answer. */
export class InlineBriefFileWriter implements BriefFileWriter {
  write(brief: StreamedBrief, format: ExportFormat, path: string): Promise<number> {
    return exportBriefToFile(brief, format, path);
  }

  async close(): Promise<void> {}
}

export interface ExportWorkerOptions {
  workerFile: string | URL;
  execArgv?: string[];
}

/** Items sent to the worker at once, and how many such batches may wait there unread. */
const BATCH_ITEMS = 64;
const BATCHES_AHEAD = 4;
/**
 * Heap per format: enough for what a writer holds (citeproc's engine for the Sources list is about
 * 90 MB on its own; a PDF adds pdfkit's fonts, page tree and named destinations) with room to spare.
 */
const HEAP_MB: Record<ExportFormat, number> = { md: 256, html: 256, docx: 256, pdf: 384 };

/** One worker per export, started for it and gone when the file is written. */
export class WorkerBriefFileWriter implements BriefFileWriter {
  private readonly running = new Set<Worker>();

  constructor(private readonly options: ExportWorkerOptions) {}

  async write(brief: StreamedBrief, format: ExportFormat, path: string): Promise<number> {
    // The PDF's title block and fonts need the whole brief read once first; that reading holds nothing.
    const scan = format === 'pdf' ? await scanBrief(brief) : undefined;
    const job: ExportJob = { format, path, title: brief.title, generatedAt: brief.generatedAt, scan };
    const { spec, options } = workerStart(this.options.workerFile, this.options.execArgv);
    const heapMb = HEAP_MB[format];
    const worker = new Worker(spec, { ...options, workerData: job, resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    this.running.add(worker);

    let unread = 0;
    let wake: (() => void) | null = null;
    let outcome: { bytes: number } | { error: Error } | null = null;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    const settled = new Promise<void>((resolve) => {
      const settle = (value: { bytes: number } | { error: Error }) => {
        outcome ??= value;
        wake?.();
        resolve();
      };
      worker.on('message', (reply: ExportReply) => {
        if ('read' in reply) {
          unread--;
          wake?.();
        } else if ('bytes' in reply) settle({ bytes: reply.bytes });
        else settle({ error: rebuildError(reply.error) });
      });
      worker.on('error', (error: Error & { code?: string }) =>
        settle({
          error:
            error.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? new DossierError('too-large', `Writing this brief as ${format.toUpperCase()} needs more than ${heapMb} MB of memory; nothing was saved.`)
              : error,
        }),
      );
      void exited.then(() => settle({ error: new Error('the export worker stopped before the file was written') }));
    });

    const send = (request: ExportRequest) => worker.postMessage(request);
    const pacer = new Pacer();
    try {
      let batch: ResolvedBriefItem[] = [];
      for await (const item of brief.items) {
        if (outcome) break;
        batch.push(item);
        if (batch.length < BATCH_ITEMS) {
          await pacer.pause();
          continue;
        }
        send({ items: batch });
        batch = [];
        unread++;
        // Resolving runs ahead of writing by a few batches at most.
        while (unread >= BATCHES_AHEAD && !outcome) await new Promise<void>((resolve) => (wake = resolve));
      }
      if (!outcome) {
        if (batch.length) send({ items: batch });
        send({ end: { sources: brief.sources() } });
      }
    } catch (error) {
      send({ abort: true });
      outcome ??= { error: error instanceof Error ? error : new Error(String(error)) };
    }
    await settled;
    await exited;
    this.running.delete(worker);
    const result = outcome as { bytes: number } | { error: Error };
    if ('error' in result) throw result.error;
    return result.bytes;
  }

  async close(): Promise<void> {
    await Promise.all([...this.running].map((worker) => worker.terminate()));
    this.running.clear();
  }
}

/** The worker's error on this side: a service error keeps its code, a system error (a full disk) its errno code. */
function rebuildError({ name, message, code }: { name: string; message: string; code?: string }): Error {
  if (name === 'DossierError') return new DossierError(code ?? 'export', message);
  return Object.assign(new Error(message), code ? { code } : {});
}
