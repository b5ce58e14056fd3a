// Fuzzes import: mutates seed files and feeds each one to the real ingest in a worker thread, with a
// per-file time limit enforced by terminating the worker. Counts outcomes by kind.
import { Worker } from 'node:worker_threads';
import { workerStart } from '../../electron/services/workers/start.ts';
import { loadSeeds } from './seeds.ts';
import { mutate, seeded } from './mutate.ts';

export interface FuzzReport {
  files: number;
  byFormat: Record<string, number>;
  outcomes: Record<string, number>;
  /** Failures without a clear, specific error, and hangs past the time limit. */
  unclear: Array<{ name: string; how: string; message: string }>;
  hangs: Array<{ name: string; how: string }>;
  seeds: number;
  sharedSeeds: boolean;
  seconds: number;
}

export async function fuzz(options: { files: number; seed?: number; timeLimitMs?: number; onProgress?: (done: number) => void }): Promise<FuzzReport> {
  const started = Date.now();
  const { seeds, sharedUsed } = await loadSeeds();
  const random = seeded(options.seed ?? 20261121);
  const limit = options.timeLimitMs ?? 15_000;
  const report: FuzzReport = { files: 0, byFormat: {}, outcomes: {}, unclear: [], hangs: [], seeds: seeds.length, sharedSeeds: sharedUsed, seconds: 0 };
  const spawnWorker = () => {
    const { spec, options } = workerStart(new URL('./fuzz-worker.ts', import.meta.url));
    return new Worker(spec, options);
  };
  let worker = spawnWorker();
  try {
    // Formats take turns, so the few PDF seeds get as many mutants as the many HTML pages.
    const byExt = new Map<string, typeof seeds>();
    for (const s of seeds) byExt.set(s.name.slice(s.name.lastIndexOf('.')), [...(byExt.get(s.name.slice(s.name.lastIndexOf('.'))) ?? []), s]);
    const formats = [...byExt.values()];
    for (let i = 0; i < options.files; i++) {
      const pool = formats[i % formats.length];
      const seed = pool[Math.floor(i / formats.length) % pool.length];
      const file = await mutate(seed, random);
      const ext = file.name.slice(file.name.lastIndexOf('.') + 1);
      report.byFormat[ext] = (report.byFormat[ext] ?? 0) + 1;
      const reply = await new Promise<{ outcome: string; message?: string }>((resolve) => {
        const timer = setTimeout(() => resolve({ outcome: 'hang' }), limit);
        const onMessage = (message: { id: number; outcome: string; message?: string }) => {
          if (message.id !== i) return;
          clearTimeout(timer);
          worker.off('message', onMessage);
          worker.off('error', onError);
          resolve(message);
        };
        const onError = (error: Error) => {
          clearTimeout(timer);
          worker.off('message', onMessage);
          resolve({ outcome: 'crash', message: error.message });
        };
        worker.on('message', onMessage);
        worker.once('error', onError);
        worker.postMessage({ id: i, name: file.name, bytes: file.bytes });
      });
      if (reply.outcome === 'hang' || reply.outcome === 'crash') {
        await worker.terminate();
        worker = spawnWorker();
      }
      report.files++;
      report.outcomes[reply.outcome] = (report.outcomes[reply.outcome] ?? 0) + 1;
      if (reply.outcome === 'hang') report.hangs.push({ name: file.name, how: file.how });
      if (reply.outcome === 'unclear' || reply.outcome === 'crash') report.unclear.push({ name: file.name, how: file.how, message: reply.message ?? '' });
      options.onProgress?.(i + 1);
    }
  } finally {
    await worker.terminate();
  }
  report.seconds = Math.round((Date.now() - started) / 100) / 10;
  return report;
}
