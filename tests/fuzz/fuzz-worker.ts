// Worker for the fuzz harness: imports one file at a time with the real ingest and reports the outcome.
import { parentPort } from 'node:worker_threads';
import { extractDocument } from '../../electron/services/ingest/index.ts';

parentPort!.on('message', async (job: { id: number; name: string; bytes: Uint8Array }) => {
  try {
    const doc = await extractDocument({ name: job.name, bytes: job.bytes });
    parentPort!.postMessage({ id: job.id, outcome: 'imported', chars: doc.text.length });
  } catch (error) {
    const err = error as Error & { code?: unknown };
    const clear = err?.name === 'IngestError' && typeof err.code === 'string';
    parentPort!.postMessage({ id: job.id, outcome: clear ? `error:${String(err.code)}` : 'unclear', message: String(err?.message ?? error).slice(0, 300) });
  }
});
