// worker_threads entry for claim extraction: receives { id, text } and replies { id, result } or { id, error }.
// Keeps the CPU-bound engine off the caller's event loop; the model loads once per worker, on first use.
import { parentPort } from 'node:worker_threads';
import { extractClaims } from './engine.ts';

interface Request {
  id: number | string;
  text: string;
}

const port = parentPort;
if (!port) throw new Error('claims worker must be started with new Worker(), not run directly');

port.on('message', (msg: Request) => {
  try {
    port.postMessage({ id: msg.id, result: extractClaims(typeof msg.text === 'string' ? msg.text : '') });
  } catch (e) {
    port.postMessage({ id: msg.id, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
});
