// worker_threads entry for comparison: grouping and judging the figures of many documents off the host's
// event loop.
import { serveTasks } from '../workers/serve.ts';
import { compareClaims, type CompareInput } from './compare-service.ts';

serveTasks((inputs: unknown) => compareClaims(Array.isArray(inputs) ? (inputs as CompareInput[]) : []));
