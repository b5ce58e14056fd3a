// worker_threads entry for claim extraction: keeps the CPU-bound engine off the caller's event loop.
// The model loads once per worker, on first use.
import { serveTasks } from '../workers/serve.ts';
import { extractClaims } from './engine.ts';

serveTasks((text: unknown) => extractClaims(typeof text === 'string' ? text : ''));
