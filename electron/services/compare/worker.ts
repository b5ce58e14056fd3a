// worker_threads entry for comparison: reading the documents' claims from the library folder, grouping
// and judging their figures off the host's event loop.
import { serveTasks } from '../workers/serve.ts';
import { runCompareRequest } from './compare-request.ts';
import type { CompareTask } from './compare-runner.ts';

serveTasks(({ request }: CompareTask) => runCompareRequest(request));
