// TaskRunner's worker lifetime: bounds given per task (a worker started with other bounds is replaced
// first) and a worker stopped after a task that asks for it, so the next task starts a fresh one.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { TaskRunner } from '../../../electron/services/workers/task-runner.ts';

const HEAP_WORKER = pathToFileURL(join(process.cwd(), 'tests/unit/claims/fixtures/workers/heap-worker.ts'));
type Answer = { threadId: number; heapLimitMb: number };
const open: Array<TaskRunner<{ heapMb: number; big?: boolean }, Answer>> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((r) => r.close()));
});

function runner(): TaskRunner<{ heapMb: number; big?: boolean }, Answer> {
  const r = new TaskRunner<{ heapMb: number; big?: boolean }, Answer>({
    label: 'test',
    workerName: 'test worker',
    workerFile: HEAP_WORKER,
    execArgv: ['--import', 'tsx'],
    timeLimitMs: () => 30_000,
    resourceLimits: ({ heapMb }) => ({ maxOldGenerationSizeMb: heapMb }),
    stopAfter: ({ big }) => big === true,
  });
  open.push(r);
  return r;
}

describe('TaskRunner workers', () => {
  it('keeps a worker for tasks with the same bounds and starts another for other bounds', { timeout: 60_000 }, async () => {
    const r = runner();
    const first = await r.run({ heapMb: 128 });
    const second = await r.run({ heapMb: 128 });
    expect(second.threadId).toBe(first.threadId);
    const larger = await r.run({ heapMb: 512 });
    expect(larger.threadId).not.toBe(first.threadId);
    expect(larger.heapLimitMb).toBeGreaterThan(second.heapLimitMb + 256);
  });

  it('stops the worker after a task that asks for it, and the next task starts a fresh one', { timeout: 60_000 }, async () => {
    const r = runner();
    const big = await r.run({ heapMb: 128, big: true });
    const next = await r.run({ heapMb: 128 });
    expect(next.threadId).not.toBe(big.threadId);
    expect((await r.run({ heapMb: 128 })).threadId).toBe(next.threadId);
  });
});
