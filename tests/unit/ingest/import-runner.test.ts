// Import in a real worker thread (started from source through tsx): same results as in-process,
// errors keep their codes, and a file that hangs is stopped while the rest of the batch goes on.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openServices } from '../../../electron/services/container.ts';
import { extractDocument } from '../../../electron/services/ingest/index.ts';
import { ImportRunner } from '../../../electron/services/ingest/import-runner.ts';
import { makeTempDir, writePdf } from './helpers.ts';

const WORKER = pathToFileURL(join(process.cwd(), 'electron/services/ingest/worker.ts'));
const STALL_WORKER = pathToFileURL(join(process.cwd(), 'tests/unit/ingest/fixtures/workers/stall-worker.ts'));
const SLOW_START_WORKER = pathToFileURL(join(process.cwd(), 'tests/unit/ingest/fixtures/workers/slow-start-worker.ts'));

const open: ImportRunner[] = [];
const runner = (options: Partial<ConstructorParameters<typeof ImportRunner>[0]> = {}) => {
  const r = new ImportRunner({ workerFile: WORKER, execArgv: ['--import', 'tsx'], ...options });
  open.push(r);
  return r;
};
afterEach(async () => {
  await Promise.all(open.splice(0).map((r) => r.close()));
});

const bytes = (text: string) => new Uint8Array(Buffer.from(text));

describe('ImportRunner', () => {
  it('reads text, HTML and PDF in the worker exactly as in-process', { timeout: 30_000 }, async () => {
    const r = runner();
    const inputs = [
      { name: 'note.txt', bytes: bytes('Harbour report\n\nThe port handled 1,200 containers.') },
      { name: 'page.html', bytes: bytes('<html><head><title>Dam inspection</title></head><body><article><p>The dam was inspected on Monday by two engineers from the ministry.</p></article></body></html>') },
      { name: 'report.pdf', bytes: writePdf([{ runs: [{ text: 'Page one: 40 trucks crossed.', x: 72, y: 700 }] }, { runs: [{ text: 'Page two: 12 were turned back.', x: 72, y: 700 }] }]) },
    ];
    for (const input of inputs) expect(await r.extract(input)).toEqual(await extractDocument(input));
  });

  it('keeps the error name and code from the worker', { timeout: 30_000 }, async () => {
    const r = runner();
    const error = await r.extract({ name: 'blank.txt', bytes: new Uint8Array() }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'IngestError', code: 'empty' });
    await expect(r.extract({ name: 'broken.pdf', bytes: bytes('%PDF-1.4 not really') })).rejects.toMatchObject({ code: 'corrupt' });
  });

  it('starts a file\'s clock once the worker has loaded, not while it starts', { timeout: 30_000 }, async () => {
    const r = runner({ workerFile: SLOW_START_WORKER, timeoutMs: 500, timeoutPerMbMs: 0 });
    expect((await r.extract({ name: 'quick.txt', bytes: bytes('Quick: the road reopened.') })).text).toBe('Quick: the road reopened.');
  });

  it('stops a file that runs past its time limit; the rest of the batch imports', { timeout: 60_000 }, async () => {
    const { dir, cleanup } = await makeTempDir('dossier-import-runner-');
    const ingest = runner({ workerFile: STALL_WORKER, timeoutMs: 1_500, timeoutPerMbMs: 0 });
    const services = await openServices({ libraryDir: join(dir, 'library'), host: 'cli', version: 'test', ingest });
    try {
      writeFileSync(join(dir, 'before.txt'), 'Before: the bridge reopened.');
      writeFileSync(join(dir, 'stall.txt'), 'This one never finishes.');
      writeFileSync(join(dir, 'after.txt'), 'After: the ferry resumed.');
      const results = await services.library.importPaths(['before.txt', 'stall.txt', 'after.txt'].map((name) => join(dir, name)));
      expect(results.map((r) => r.status)).toEqual(['imported', 'error', 'imported']);
      expect(results[1]).toMatchObject({ errorCode: 'timeout' });
      expect(results[1].error).toMatch(/stall\.txt was still being read after 2 seconds and was stopped/);
      expect(services.library.list().map((d) => d.title).sort()).toEqual(['After: the ferry resumed.', 'Before: the bridge reopened.']);
    } finally {
      await services.close();
      await cleanup();
    }
  });
});
