// Runs claim extraction off the calling thread: one lazily started worker, a FIFO queue, a per-document
// timeout, and a fresh worker after a crash or timeout. InlineClaimsRunner offers the same interface in-process.
import { Worker } from 'node:worker_threads';
import { workerStart } from '../workers/start.ts';
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

interface Job {
  id: number;
  text: string;
  resolve: (set: ClaimSet) => void;
  reject: (err: Error) => void;
}

type Reply = { id: number; result: ClaimSet } | { id: number; error: string };

export class ClaimsRunner implements ClaimsExtractor {
  private readonly workerFile: string | URL;
  private readonly execArgv: string[] | undefined;
  private readonly timeoutMs: number;
  private readonly timeoutPerMbMs: number;
  private worker: Worker | null = null;
  private queue: Job[] = [];
  private current: Job | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private nextId = 1;
  private closed = false;

  constructor(options: ClaimsRunnerOptions) {
    this.workerFile = options.workerFile;
    this.execArgv = options.execArgv;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.timeoutPerMbMs = options.timeoutPerMbMs ?? 5_000;
  }

  extract(text: string): Promise<ClaimSet> {
    if (this.closed) return Promise.reject(new Error('ClaimsRunner is closed'));
    return new Promise<ClaimSet>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, text, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const pending = this.current ? [this.current, ...this.queue] : [...this.queue];
    this.queue = [];
    this.current = null;
    this.clearTimer();
    const w = this.worker;
    this.worker = null;
    for (const job of pending) job.reject(new Error('ClaimsRunner closed before the document was processed'));
    if (w) await w.terminate();
  }

  private pump(): void {
    if (this.closed || this.current || !this.queue.length) return;
    const job = this.queue.shift()!;
    this.current = job;
    let w: Worker;
    try {
      w = this.ensureWorker();
    } catch (e) {
      this.finish(job, () => job.reject(new Error(`could not start the claims worker: ${e instanceof Error ? e.message : String(e)}`)));
      return;
    }
    w.ref();
    const limit = this.timeoutMs + Math.ceil((job.text.length / 1_048_576) * this.timeoutPerMbMs);
    this.timer = setTimeout(() => this.onTimeout(job, limit), limit);
    w.postMessage({ id: job.id, text: job.text });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const { spec, options } = workerStart(this.workerFile, this.execArgv);
    const w = new Worker(spec, options);
    w.on('message', (msg: Reply) => this.onMessage(w, msg));
    w.on('error', (err: Error) => this.onGone(w, `claims worker crashed: ${err.message}`));
    w.on('exit', (code: number) => this.onGone(w, `claims worker exited unexpectedly (code ${code})`));
    this.worker = w;
    return w;
  }

  private finish(job: Job, settle: () => void): void {
    this.clearTimer();
    if (this.current === job) this.current = null;
    settle();
    // An idle worker must not keep the host process alive.
    if (!this.queue.length) this.worker?.unref();
    this.pump();
  }

  private onMessage(w: Worker, msg: Reply): void {
    const job = this.current;
    if (w !== this.worker || !job || msg.id !== job.id) return;
    if ('error' in msg) this.finish(job, () => job.reject(new Error(`claim extraction failed: ${msg.error}`)));
    else this.finish(job, () => job.resolve(msg.result));
  }

  private onGone(w: Worker, reason: string): void {
    if (w !== this.worker) return;
    // Drop the dead worker; the next job starts a fresh one.
    this.worker = null;
    void w.terminate();
    const job = this.current;
    if (job) this.finish(job, () => job.reject(new Error(reason)));
  }

  private onTimeout(job: Job, limit: number): void {
    if (this.current !== job) return;
    const w = this.worker;
    this.worker = null;
    if (w) void w.terminate();
    this.finish(job, () => job.reject(new Error(`claim extraction timed out after ${limit} ms (${job.text.length} characters); the worker was restarted`)));
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
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
