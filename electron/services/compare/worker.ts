// worker_threads entry for comparison: reading the documents' claims from the library folder, grouping
// and judging their figures off the host's event loop.
import { serveTasks } from '../workers/serve.ts';
import { runCompareRequest, type CompareRequest } from './compare-request.ts';

serveTasks((request: CompareRequest) => runCompareRequest(request));
