// ClaimsRunner with a real worker thread (started from TypeScript source through tsx), and InlineClaimsRunner.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ClaimsRunner, InlineClaimsRunner, type ClaimsExtractor } from '../../../electron/services/claims/claims-runner.ts';
import { extractClaims } from '../../../electron/services/claims/engine.ts';

const WORKER = pathToFileURL(join(process.cwd(), 'electron/services/claims/worker.ts'));
const FIXTURE_WORKERS = join(process.cwd(), 'tests/unit/claims/fixtures/workers');
const TEXT = 'The storm destroyed about 300 homes, officials said.\nRepairs could take months.';

const open: ClaimsExtractor[] = [];
const runner = (options: Partial<ConstructorParameters<typeof ClaimsRunner>[0]> = {}): ClaimsRunner => {
  const r = new ClaimsRunner({ workerFile: WORKER, execArgv: ['--import', 'tsx'], ...options });
  open.push(r);
  return r;
};

afterEach(async () => {
  await Promise.all(open.splice(0).map((r) => r.close()));
});

describe('ClaimsRunner', () => {
  it('extracts in a worker thread with the same result as the engine', async () => {
    const r = runner();
    expect(await r.extract(TEXT)).toEqual(extractClaims(TEXT));
  });

  it('queues documents and answers each with its own result', async () => {
    const r = runner();
    const texts = ['First, 10 people died.', '', 'Second: the port reopened, the ministry said.', TEXT];
    const sets = await Promise.all(texts.map((t) => r.extract(t)));
    expect(sets.map((s) => s.text)).toEqual(texts);
    expect(sets[1].claims).toEqual([]);
  });

  it('rejects a document that runs past its time limit, then restarts the worker', async () => {
    const r = runner({ timeoutMs: 1, timeoutPerMbMs: 0 });
    const big = 'Officials said 300 homes were destroyed. '.repeat(50_000);
    await expect(r.extract(big)).rejects.toThrow(/timed out after 1 ms/);
    const patient = runner();
    expect((await patient.extract(TEXT)).claims.length).toBe(2);
  });

  it('recovers after a timeout on the same runner', async () => {
    const r = runner({ timeoutMs: 3_000, timeoutPerMbMs: 0 });
    expect((await r.extract(TEXT)).claims.length).toBe(2);
    await expect(r.extract('Officials said 300 homes were destroyed. '.repeat(250_000))).rejects.toThrow(/timed out after 3000 ms/);
    expect((await r.extract(TEXT)).claims.length).toBe(2);
  }, 60_000);

  it('rejects with a clear error when the worker exits or fails to load', async () => {
    const exiting = runner({ workerFile: pathToFileURL(join(FIXTURE_WORKERS, 'exit-worker.ts')) });
    await expect(exiting.extract(TEXT)).rejects.toThrow(/claims worker exited unexpectedly \(code 3\)/);
    await expect(exiting.extract(TEXT)).rejects.toThrow(/exited unexpectedly/);

    const broken = runner({ workerFile: join(FIXTURE_WORKERS, 'throw-worker.ts') });
    await expect(broken.extract(TEXT)).rejects.toThrow(/claims worker crashed: worker failed to load/);
  });

  it('rejects queued work on close and refuses new work afterwards', async () => {
    const r = runner();
    const pending = expect(r.extract(TEXT)).rejects.toThrow(/closed/);
    await r.close();
    await pending;
    await expect(r.extract(TEXT)).rejects.toThrow(/closed/);
  });
});

describe('InlineClaimsRunner', () => {
  it('extracts on the calling thread and refuses work after close', async () => {
    const r = new InlineClaimsRunner();
    expect(await r.extract(TEXT)).toEqual(extractClaims(TEXT));
    await r.close();
    await expect(r.extract(TEXT)).rejects.toThrow(/closed/);
  });
});
