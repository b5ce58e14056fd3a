// Claim extraction off the calling thread, through the shared TaskRunner (queue, time limit, restart after a
// crash). InlineClaimsRunner offers the same interface in-process. Both say which engine version they run,
// so hosts hand them to the services as they are.
import { sizedLimit, TaskRunner, type WorkerRunnerOptions } from '../workers/task-runner.ts';
import type { ClaimSet } from '../../../shared/types/claims.ts';
import { ENGINE_VERSION, extractClaims } from './engine.ts';

export interface ClaimsExtractor {
  readonly version: string;
  extract(text: string): Promise<ClaimSet>;
  close(): Promise<void>;
}

/** Heap allowed to the claims worker; the engine needs far less for the largest accepted text. */
export const CLAIMS_HEAP_MB = 1536;

/** Claim extraction in a worker thread, with a time limit that grows with the text. */
export class ClaimsRunner implements ClaimsExtractor {
  readonly version = ENGINE_VERSION;
  private readonly runner: TaskRunner<string, ClaimSet>;

  constructor(options: WorkerRunnerOptions) {
    const limit = sizedLimit(options, { timeoutMs: 30_000, timeoutPerMbMs: 5_000 });
    this.runner = new TaskRunner<string, ClaimSet>({
      label: 'claim extraction',
      workerName: 'claims worker',
      workerFile: options.workerFile,
      execArgv: options.execArgv,
      timeLimitMs: (text) => limit(text.length),
      describe: (text) => `(${text.length} characters)`,
      resourceLimits: { maxOldGenerationSizeMb: CLAIMS_HEAP_MB, maxYoungGenerationSizeMb: 64 },
      outOfMemoryError: (text, limits) =>
        new Error(`claim extraction needed more than ${limits.maxOldGenerationSizeMb} MB of memory (${text.length} characters) and was stopped`),
    });
  }

  extract(text: string): Promise<ClaimSet> {
    return this.runner.run(text);
  }

  close(): Promise<void> {
    return this.runner.close();
  }
}

/** Same interface, extracting on the calling thread (CLI runs, tests). */
export class InlineClaimsRunner implements ClaimsExtractor {
  readonly version = ENGINE_VERSION;
  private closed = false;

  async extract(text: string): Promise<ClaimSet> {
    if (this.closed) throw new Error('InlineClaimsRunner is closed');
    return extractClaims(text);
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
