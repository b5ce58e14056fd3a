// worker_threads entry for writing a brief's file: takes the resolved items in batches from the host,
// lays them out in the job's format and writes the file atomically, then reports its size. The
// disputed figures (group items judged conflicting or evolving) wait in a spool for the table that
// closes the brief, so nothing grows with the brief's length but the footnote numbering.
import { parentPort, workerData } from 'node:worker_threads';
import type { CitedSource, ResolvedBriefItem, ResolvedGroup } from '../../../../shared/types/brief.ts';
import { isDisputed } from '../../../../shared/compare/disputed.ts';
import { writeBrief } from './index.ts';
import { FileOutput } from './output.ts';
import type { StreamedBrief } from './streamed.ts';
import type { ExportJob, ExportReply, ExportRequest } from './worker-protocol.ts';

const port = parentPort;
if (!port) throw new Error('the export worker must be started with new Worker(), not run directly');
const job = workerData as ExportJob;

const inbox: ExportRequest[] = [];
let wake: (() => void) | null = null;
port.on('message', (request: ExportRequest) => {
  inbox.push(request);
  wake?.();
  wake = null;
});

async function next(): Promise<ExportRequest> {
  while (!inbox.length) await new Promise<void>((resolve) => (wake = resolve));
  return inbox.shift()!;
}

const out = new FileOutput(job.path);
const disputed = out.spool();
let sources: CitedSource[] = [];

async function* items(): AsyncGenerator<ResolvedBriefItem> {
  for (;;) {
    const request = await next();
    if ('abort' in request) throw new Error('the export was stopped');
    if ('end' in request) {
      sources = request.end.sources;
      return;
    }
    port!.postMessage({ read: true } satisfies ExportReply);
    for (const item of request.items) {
      if (item.type === 'group' && isDisputed(item.group.verdict)) disputed.write(`${JSON.stringify(item.group)}\n`);
      yield item;
    }
  }
}

async function* disputes(): AsyncGenerator<ResolvedGroup> {
  for await (const line of disputed.lines()) yield JSON.parse(line) as ResolvedGroup;
}

const brief: StreamedBrief = {
  title: job.title,
  generatedAt: job.generatedAt,
  items: { [Symbol.asyncIterator]: items },
  sources: () => sources,
  disputes,
};

try {
  await writeBrief(brief, job.format, out, job.scan);
  port.postMessage({ bytes: await out.commit() } satisfies ExportReply);
} catch (e) {
  await out.abort();
  const error = e instanceof Error ? e : new Error(String(e));
  const code = (error as { code?: unknown }).code;
  port.postMessage({ error: { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}) } } satisfies ExportReply);
} finally {
  port.close();
}
