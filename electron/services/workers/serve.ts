// The worker side of TaskRunner: answers each { id, input } with { id, result } or { id, error }.
import { parentPort } from 'node:worker_threads';

export type TaskReply<Out> =
  | { ready: true }
  | { id: number; result: Out }
  | { id: number; error: { name: string; message: string; code?: string } };

/** Serves tasks in the current worker thread with `run`; an error keeps its name and code across. */
export function serveTasks<In, Out>(run: (input: In) => Out | Promise<Out>): void {
  const port = parentPort;
  if (!port) throw new Error('a task worker must be started with new Worker(), not run directly');
  port.on('message', async (msg: { id: number; input: In }) => {
    let reply: TaskReply<Out>;
    try {
      reply = { id: msg.id, result: await run(msg.input) };
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      const code = (err as { code?: unknown }).code;
      reply = { id: msg.id, error: { name: err.name, message: err.message, ...(typeof code === 'string' ? { code } : {}) } };
    }
    port.postMessage(reply);
  });
  // The entry's imports have loaded by now: from here on, a task's time is its own.
  port.postMessage({ ready: true } satisfies TaskReply<Out>);
}
