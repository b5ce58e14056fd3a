// worker_threads entry for document import: parsing happens here, so a slow or hostile file holds up
// neither the app nor the rest of a batch, and the host can stop it after its time limit.
import type { ExtractedDocument } from '../../../shared/types/ingest.ts';
import { serveTasks } from '../workers/serve.ts';
import { extractDocument } from './index.ts';

serveTasks<{ name: string; bytes: Uint8Array }, ExtractedDocument>((input) => extractDocument(input));
