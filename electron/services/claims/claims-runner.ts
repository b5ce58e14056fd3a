// Claim extraction off the calling thread, through the shared TaskRunner (queue, time limit, restart after a
// crash). InlineClaimsRunner offers the same interface in-process.
import { TaskRunner } from '../workers/task-runner.ts';
import type { ClaimSet } from '../../../shared/types/claims.ts';
import { extractClaims } from './engine.ts';

export interface ClaimsExtractor {
  extract(text: string): Promise<ClaimSet>;
  close(): Promise<void>;
}

export interface ClaimsRunnerOptions {
  /** Worker entry; the host decides (built .js, or worker.ts from source with execArgv ['--import', 'tsx']). */
  workerFile: string | URL;
  execArgv?: string[];
  /** Time allowed per document before the worker is killed, plus an allowance per megabyte of text. */
  timeoutMs?: number;
  timeoutPerMbMs?: number;
}

/** Claim extraction in a worker thread, with a time limit that grows with the text. */
export class ClaimsRunner implements ClaimsExtractor {
  private readonly runner: TaskRunner<string, ClaimSet>;

  constructor(options: ClaimsRunnerOptions) {
    const timeoutMs = options.timeoutMs ?? 30_000;
    const timeoutPerMbMs = options.timeoutPerMbMs ?? 5_000;
    this.runner = new TaskRunner<string, ClaimSet>({
      label: 'claim extraction',
      workerName: 'claims worker',
      workerFile: options.workerFile,
      execArgv: options.execArgv,
      timeLimitMs: (text) => timeoutMs + Math.ceil((text.length / 1_048_576) * timeoutPerMbMs),
      describe: (text) => `(${text.length} characters)`,
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
  private closed = false;

  async extract(text: string): Promise<ClaimSet> {
    if (this.closed) throw new Error('InlineClaimsRunner is closed');
    return extractClaims(text);
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
