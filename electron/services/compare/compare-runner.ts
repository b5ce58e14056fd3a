// Comparison off the host's main thread, through the shared TaskRunner (queue, time limit, restart after
// a crash), so a library of hundreds of documents compares while the host keeps answering. The worker
// reads the documents' claims from the library folder itself (compare-request.ts). The inline runner
// offers the same interface in-process (CLI runs, tests), through the same code.
import { DossierError } from '../errors.ts';
import { sizedLimit, TaskRunner, type WorkerRunnerOptions } from '../workers/task-runner.ts';
import { requestSize, runCompareRequest, type CompareReply, type CompareRequest } from './compare-request.ts';

export interface CompareExecutor {
  compare(request: CompareRequest): Promise<CompareReply>;
  close(): Promise<void>;
}

/**
 * Heap allowed to the compare worker, sized to each comparison: a bound makes V8 collect its garbage as it
 * goes instead of growing the host's memory. Every claim of a thousand generated reports (15.5 million
 * characters of text and claims) compares in 224 MB but not in 192; the bound allows 16 MB a million, in
 * steps of 64 MB so that comparisons of like size share a worker. A comparison that needs more runs
 * again with twice the heap, up to the ceiling, before it fails with too-large.
 */
export function compareHeapMb(size: number): number {
  return Math.min(COMPARE_HEAP_CEILING_MB, Math.max(128, Math.ceil((16 * size) / 1_000_000 / 64) * 64));
}
export const COMPARE_HEAP_CEILING_MB = 2048;
/** Characters of text and claims beyond which a comparison's worker is stopped when done, its heap given back. */
const STOP_AFTER_SIZE = 4_000_000;

/** A comparison and the heap its worker runs with. */
export interface CompareTask {
  request: CompareRequest;
  heapMb: number;
}

export class CompareRunner implements CompareExecutor {
  private readonly runner: TaskRunner<CompareTask, CompareReply>;
  private readonly ceilingMb: number;

  constructor(private readonly options: WorkerRunnerOptions & { maxHeapMb?: number }) {
    const limit = sizedLimit(options, { timeoutMs: 60_000, timeoutPerMbMs: 20_000 });
    this.ceilingMb = options.maxHeapMb ?? COMPARE_HEAP_CEILING_MB;
    this.runner = new TaskRunner<CompareTask, CompareReply>({
      label: 'comparison',
      workerName: 'compare worker',
      workerFile: options.workerFile,
      execArgv: options.execArgv,
      timeLimitMs: ({ request }) => limit(requestSize(request)),
      describe: ({ request }) => `(${request.docs.length} documents)`,
      resourceLimits: ({ heapMb }) => ({ maxOldGenerationSizeMb: heapMb }),
      outOfMemoryError: ({ request }, limits) =>
        new DossierError('too-large', `Comparing these ${request.docs.length} documents needs more than ${limits.maxOldGenerationSizeMb} MB of memory; compare fewer at once.`),
      stopAfter: ({ request }) => requestSize(request) > STOP_AFTER_SIZE,
    });
  }

  async compare(request: CompareRequest): Promise<CompareReply> {
    let heapMb = this.options.maxHeapMb ?? compareHeapMb(requestSize(request));
    for (;;) {
      try {
        return await this.runner.run({ request, heapMb });
      } catch (error) {
        if ((error as { code?: unknown }).code !== 'too-large' || heapMb >= this.ceilingMb) throw error;
        heapMb = Math.min(this.ceilingMb, heapMb * 2);
      }
    }
  }

  close(): Promise<void> {
    return this.runner.close();
  }
}

export class InlineCompareRunner implements CompareExecutor {
  compare(request: CompareRequest): Promise<CompareReply> {
    return runCompareRequest(request);
  }

  async close(): Promise<void> {}
}
