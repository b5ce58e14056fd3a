// Runs CPU-bound tasks off the calling thread: one lazily started worker, a FIFO queue, a time limit per
// task, and a fresh worker after a crash or a timeout. Claim extraction and document import both use it.
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { workerStart } from './start.ts';
import type { TaskReply } from './serve.ts';

/** What a host tells a runner: where its worker is, and how long a task may take. */
export interface WorkerRunnerOptions {
  /** Worker entry; the host decides (built .js, or a .ts source with execArgv ['--import', 'tsx']). */
  workerFile: string | URL;
  execArgv?: string[];
  /** Time allowed per task, plus an allowance per megabyte of input. */
  timeoutMs?: number;
  timeoutPerMbMs?: number;
}

/** The time limit for an input of `size` bytes or characters. */
export function sizedLimit(options: WorkerRunnerOptions, defaults: { timeoutMs: number; timeoutPerMbMs: number }): (size: number) => number {
  const base = options.timeoutMs ?? defaults.timeoutMs;
  const perMb = options.timeoutPerMbMs ?? defaults.timeoutPerMbMs;
  return (size) => base + Math.ceil((size / 1_048_576) * perMb);
}

export interface TaskRunnerOptions<In> extends Pick<WorkerRunnerOptions, 'workerFile' | 'execArgv'> {
  /** Names the work in error messages: "claim extraction", "import". */
  label: string;
  /** Names the worker in error messages: "claims worker". */
  workerName: string;
  /** Time allowed for one task before its worker is stopped. */
  timeLimitMs(input: In): number;
  /** Says what the task was, for the default timeout message: "(1,200 characters)". */
  describe?(input: In): string;
  /** The error a timed-out task rejects with; a plain Error by default. */
  timeoutError?(input: In, limitMs: number): Error;
  /**
   * Heap bounds for the worker: a task that needs more is stopped instead of growing the host's memory.
   * Given per task, a worker started with other bounds is replaced before the task runs.
   */
  resourceLimits?: ResourceLimits | ((input: In) => ResourceLimits);
  /** The error a task rejects with when its worker ran out of its heap; a plain Error by default. */
  outOfMemoryError?(input: In, limits: ResourceLimits): Error;
  /**
   * Whether the worker is stopped once this task is done and no other waits: a task that grew its heap
   * far would otherwise leave that memory held by an idle worker. The next task starts a fresh one.
   */
  stopAfter?(input: In): boolean;
}

/** Time a new worker has to load its code before its first task's clock starts. */
const START_LIMIT_MS = 60_000;

interface Job<In, Out> {
  id: number;
  input: In;
  resolve: (output: Out) => void;
  reject: (err: Error) => void;
}

/** Rebuilds an error sent by the worker, keeping its name and code so hosts pass it on unchanged. */
function revive(error: { name: string; message: string; code?: string }): Error {
  return Object.assign(new Error(error.message), { name: error.name, ...(error.code === undefined ? {} : { code: error.code }) });
}

export class TaskRunner<In, Out> {
  private worker: Worker | null = null;
  /** The bounds the current worker was started with. */
  private workerLimits: ResourceLimits | undefined;
  /** Whether the current worker has loaded its code; a task's time limit runs from then. */
  private workerReady = false;
  private queue: Array<Job<In, Out>> = [];
  private current: Job<In, Out> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: TaskRunnerOptions<In>) {}

  run(input: In): Promise<Out> {
    if (this.closed) return Promise.reject(new Error(`the ${this.options.workerName} is closed`));
    return new Promise<Out>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, input, resolve, reject });
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
    for (const job of pending) job.reject(new Error(`the ${this.options.workerName} closed before the work was done`));
    if (w) await w.terminate();
  }

  private pump(): void {
    if (this.closed || this.current || !this.queue.length) return;
    const job = this.queue.shift()!;
    this.current = job;
    let w: Worker;
    try {
      w = this.ensureWorker(job.input);
    } catch (e) {
      this.finish(job, () => job.reject(new Error(`could not start the ${this.options.workerName}: ${e instanceof Error ? e.message : String(e)}`)));
      return;
    }
    w.ref();
    w.postMessage({ id: job.id, input: job.input });
    if (this.workerReady) this.startClock(job);
    else this.timer = setTimeout(() => this.onGone(w, `${this.options.workerName} did not start within ${START_LIMIT_MS / 1000} s`), START_LIMIT_MS);
  }

  private startClock(job: Job<In, Out>): void {
    this.clearTimer();
    const limit = this.options.timeLimitMs(job.input);
    this.timer = setTimeout(() => this.onTimeout(job, limit), limit);
  }

  private ensureWorker(input: In): Worker {
    const given = this.options.resourceLimits;
    const limits = typeof given === 'function' ? given(input) : given;
    if (this.worker && JSON.stringify(limits) !== JSON.stringify(this.workerLimits)) {
      const old = this.worker;
      this.worker = null;
      void old.terminate();
    }
    if (this.worker) return this.worker;
    const { spec, options } = workerStart(this.options.workerFile, this.options.execArgv);
    const w = new Worker(spec, { ...options, ...(limits ? { resourceLimits: limits } : {}) });
    this.workerLimits = limits;
    this.workerReady = false;
    w.on('message', (msg: TaskReply<Out>) => this.onMessage(w, msg));
    w.on('error', (err: Error & { code?: string }) => {
      const job = this.current;
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY' && job && limits && this.options.outOfMemoryError) {
        this.onGone(w, this.options.outOfMemoryError(job.input, limits));
      } else this.onGone(w, `${this.options.workerName} crashed: ${err.message}`);
    });
    w.on('exit', (code: number) => this.onGone(w, `${this.options.workerName} exited unexpectedly (code ${code})`));
    this.worker = w;
    return w;
  }

  private finish(job: Job<In, Out>, settle: () => void): void {
    this.clearTimer();
    if (this.current === job) this.current = null;
    settle();
    if (!this.queue.length && this.worker && this.options.stopAfter?.(job.input)) {
      const w = this.worker;
      this.worker = null;
      void w.terminate();
    }
    // An idle worker must not keep the host process alive.
    if (!this.queue.length) this.worker?.unref();
    this.pump();
  }

  private onMessage(w: Worker, msg: TaskReply<Out>): void {
    if (w !== this.worker) return;
    const job = this.current;
    if ('ready' in msg) {
      this.workerReady = true;
      if (job) this.startClock(job);
      return;
    }
    if (!job || msg.id !== job.id) return;
    if ('error' in msg) this.finish(job, () => job.reject(revive(msg.error)));
    else this.finish(job, () => job.resolve(msg.result));
  }

  private onGone(w: Worker, reason: string | Error): void {
    if (w !== this.worker) return;
    // Drop the dead worker; the next task starts a fresh one.
    this.worker = null;
    void w.terminate();
    const job = this.current;
    if (job) this.finish(job, () => job.reject(typeof reason === 'string' ? new Error(reason) : reason));
  }

  private onTimeout(job: Job<In, Out>, limit: number): void {
    if (this.current !== job) return;
    const w = this.worker;
    this.worker = null;
    if (w) void w.terminate();
    const error =
      this.options.timeoutError?.(job.input, limit) ??
      new Error(`${this.options.label} timed out after ${limit} ms ${this.options.describe?.(job.input) ?? ''}; the worker was restarted`);
    this.finish(job, () => job.reject(error));
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
