// Document import in a worker thread: one file at a time, each with a time limit that grows with its
// size; a file that runs past it fails with a clear error and the worker starts afresh for the next.
import { countOf } from '../../../shared/text/plural.ts';
import type { ExtractedDocument } from '../../../shared/types/ingest.ts';
import { sizedLimit, TaskRunner, type WorkerRunnerOptions } from '../workers/task-runner.ts';
import { baseName, IngestError } from './errors.ts';

export interface DocumentExtractor {
  extract(input: { name: string; bytes: Uint8Array }): Promise<ExtractedDocument>;
  close(): Promise<void>;
}

/** Heap allowed to the import worker: several times what the largest accepted file needs to be read. */
export const IMPORT_HEAP_MB = 1024;

export class ImportRunner implements DocumentExtractor {
  private readonly runner: TaskRunner<{ name: string; bytes: Uint8Array }, ExtractedDocument>;

  constructor(options: WorkerRunnerOptions & { maxHeapMb?: number }) {
    const limit = sizedLimit(options, { timeoutMs: 30_000, timeoutPerMbMs: 4_000 });
    this.runner = new TaskRunner({
      label: 'import',
      workerName: 'import worker',
      workerFile: options.workerFile,
      execArgv: options.execArgv,
      timeLimitMs: ({ bytes }) => limit(bytes.length),
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? IMPORT_HEAP_MB, maxYoungGenerationSizeMb: 64 },
      outOfMemoryError: ({ name }, limits) =>
        new IngestError(
          'too-large',
          `${baseName(name)} needed more than ${limits.maxOldGenerationSizeMb} MB of memory to read and was stopped. The file may be damaged or built to exhaust memory.`,
        ),
      timeoutError: ({ name }, limitMs) =>
        new IngestError(
          'timeout',
          `${baseName(name)} was still being read after ${countOf(Math.round(limitMs / 1000), 'second')} and was stopped. The file may be damaged, or too complex to import.`,
        ),
    });
  }

  extract(input: { name: string; bytes: Uint8Array }): Promise<ExtractedDocument> {
    return this.runner.run(input);
  }

  close(): Promise<void> {
    return this.runner.close();
  }
}
