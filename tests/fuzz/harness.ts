// Fuzzes import: mutates seed files and feeds each one to the app's import runner, whose worker is
// stopped when a file runs past its time limit. Counts outcomes by kind.
import { ImportRunner } from '../../electron/services/ingest/import-runner.ts';
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

/** A clear import error counts by its code; a time-out is a hang; a dead worker is a crash. */
function classify(error: Error & { code?: unknown }): string {
  if (error?.name === 'IngestError' && error.code === 'timeout') return 'hang';
  if (error?.name === 'IngestError' && typeof error.code === 'string') return `error:${error.code}`;
  if (/import worker (crashed|exited)/.test(String(error?.message))) return 'crash';
  return 'unclear';
}

export async function fuzz(options: { files: number; seed?: number; timeLimitMs?: number; onProgress?: (done: number) => void }): Promise<FuzzReport> {
  const started = Date.now();
  const { seeds, sharedUsed } = await loadSeeds();
  const random = seeded(options.seed ?? 20261121);
  const limit = options.timeLimitMs ?? 15_000;
  const report: FuzzReport = { files: 0, byFormat: {}, outcomes: {}, unclear: [], hangs: [], seeds: seeds.length, sharedSeeds: sharedUsed, seconds: 0 };
  // The app's own import runner and worker: a file past the limit is stopped exactly as in the app.
  const runner = new ImportRunner({ workerFile: new URL('../../electron/services/ingest/worker.ts', import.meta.url), execArgv: ['--import', 'tsx'], timeoutMs: limit, timeoutPerMbMs: 0 });
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
      const outcome = await runner.extract({ name: file.name, bytes: file.bytes }).then(
        () => ({ outcome: 'imported', message: '' }),
        (error: Error & { code?: unknown }) => ({ outcome: classify(error), message: String(error?.message ?? error).slice(0, 300) }),
      );
      report.files++;
      report.outcomes[outcome.outcome] = (report.outcomes[outcome.outcome] ?? 0) + 1;
      if (outcome.outcome === 'hang') report.hangs.push({ name: file.name, how: file.how });
      if (outcome.outcome === 'unclear' || outcome.outcome === 'crash') report.unclear.push({ name: file.name, how: file.how, message: outcome.message });
      options.onProgress?.(i + 1);
    }
  } finally {
    await runner.close();
  }
  report.seconds = Math.round((Date.now() - started) / 100) / 10;
  return report;
}
