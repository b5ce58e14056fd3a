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
 * Heap allowed to the compare worker. A bound makes V8 collect its garbage as it goes instead of growing
 * the host's memory; every claim of a thousand long reports compares well within it.
 */
export const COMPARE_HEAP_MB = 384;
/** Characters of text and claims beyond which a comparison's worker is stopped when done, its heap given back. */
const STOP_AFTER_SIZE = 4_000_000;

export class CompareRunner implements CompareExecutor {
  private readonly runner: TaskRunner<CompareRequest, CompareReply>;

  constructor(options: WorkerRunnerOptions & { maxHeapMb?: number }) {
    const limit = sizedLimit(options, { timeoutMs: 60_000, timeoutPerMbMs: 20_000 });
    this.runner = new TaskRunner<CompareRequest, CompareReply>({
      label: 'comparison',
      workerName: 'compare worker',
      workerFile: options.workerFile,
      execArgv: options.execArgv,
      timeLimitMs: (request) => limit(requestSize(request)),
      describe: (request) => `(${request.docs.length} documents)`,
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? COMPARE_HEAP_MB },
      stopAfter: (request) => requestSize(request) > STOP_AFTER_SIZE,
      outOfMemoryError: (request, limits) =>
        new DossierError('too-large', `Comparing these ${request.docs.length} documents needs more than ${limits.maxOldGenerationSizeMb} MB of memory; compare fewer at once.`),
    });
  }

  compare(request: CompareRequest): Promise<CompareReply> {
    return this.runner.run(request);
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
