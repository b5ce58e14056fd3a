// Comparison off the host's main thread, through the shared TaskRunner (queue, time limit, restart after
// a crash), so a library of hundreds of documents compares while the host keeps answering. The inline
// runner offers the same interface in-process (CLI runs, tests).
import type { CompareResult } from '../../../shared/types/compare.ts';
import { sizedLimit, TaskRunner, type WorkerRunnerOptions } from '../workers/task-runner.ts';
import { compareClaims, type CompareInput } from './compare-service.ts';

export interface CompareExecutor {
  compare(inputs: CompareInput[]): Promise<CompareResult>;
  close(): Promise<void>;
}

/** Characters of text and claims a comparison reads, for its time limit. */
function sizeOf(inputs: CompareInput[]): number {
  let size = 0;
  for (const input of inputs) size += input.claims.text.length + input.claims.claims.length * 200;
  return size;
}

export class CompareRunner implements CompareExecutor {
  private readonly runner: TaskRunner<CompareInput[], CompareResult>;

  constructor(options: WorkerRunnerOptions) {
    const limit = sizedLimit(options, { timeoutMs: 60_000, timeoutPerMbMs: 20_000 });
    this.runner = new TaskRunner<CompareInput[], CompareResult>({
      label: 'comparison',
      workerName: 'compare worker',
      workerFile: options.workerFile,
      execArgv: options.execArgv,
      timeLimitMs: (inputs) => limit(sizeOf(inputs)),
      describe: (inputs) => `(${inputs.length} documents)`,
    });
  }

  compare(inputs: CompareInput[]): Promise<CompareResult> {
    return this.runner.run(inputs);
  }

  close(): Promise<void> {
    return this.runner.close();
  }
}

export class InlineCompareRunner implements CompareExecutor {
  async compare(inputs: CompareInput[]): Promise<CompareResult> {
    return compareClaims(inputs);
  }

  async close(): Promise<void> {}
}
