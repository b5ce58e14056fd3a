// `npm run bench`: measures speed and memory targets on generated data and prints one JSON object,
// {"metrics":[{name, value, unit, peer?, peer_value?}]}. Progress goes to stderr.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openServices, type Services } from '../electron/services/container.ts';
import { ENGINE_VERSION, extractClaims } from '../electron/services/claims/engine.ts';
import type { DocumentRecord } from '../shared/types/library.ts';
import { article } from './bench/corpus.ts';
import { benchExtract } from './bench-extract.ts';

export interface Metric {
  name: string;
  value: number;
  unit: string;
  peer?: string;
  peer_value?: number;
}

const log = (message: string) => process.stderr.write(`bench: ${message}\n`);
const round = (value: number, digits = 2) => Number(value.toFixed(digits));

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function open(libraryDir: string): Promise<Services> {
  return openServices({
    libraryDir,
    host: 'cli',
    version: 'bench',
    claims: { version: ENGINE_VERSION, extract: async (text) => extractClaims(text), close: async () => {} },
  });
}

async function libraryMetrics(work: string): Promise<Metric[]> {
  const sourceDir = join(work, 'sources');
  mkdirSync(sourceDir, { recursive: true });
  for (let i = 0; i < 1000; i++) writeFileSync(join(sourceDir, `article-${String(i).padStart(4, '0')}.txt`), article(i + 1));
  const libraryDir = join(work, 'library');

  log('importing 1,000 generated documents (about 700 words each, claims extracted on import)');
  let services = await open(libraryDir);
  const started = performance.now();
  const results = await services.library.importPaths([sourceDir]);
  const importSeconds = (performance.now() - started) / 1000;
  const failed = results.filter((r) => r.status !== 'imported');
  if (failed.length) throw new Error(`bench import failed for ${failed.length} files: ${failed[0].error}`);

  log('growing the library to 10,000 records');
  const imported = [...services.store.documents.values()];
  const extra: Array<[string, DocumentRecord]> = [];
  for (let i = 0; extra.length < 9000; i++) {
    const base = imported[i % imported.length];
    const id = (0x100000000000 + i).toString(16).slice(-12);
    extra.push([id, { ...base, id, contentHash: `${base.contentHash}-${i}`, title: `${base.title} (${i})` }]);
  }
  await services.store.documents.putMany(extra);
  await services.close();

  const openStarted = performance.now();
  services = await open(libraryDir);
  const openMs = performance.now() - openStarted;
  const samples: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    const list = services.library.list();
    samples.push(performance.now() - t);
    if (list.length !== 10_000) throw new Error(`expected 10,000 documents, listed ${list.length}`);
  }
  await services.close();
  return [
    { name: 'import.1000_docs_s', value: round(importSeconds), unit: 's' },
    { name: 'library.list_10k_ms', value: round(percentile(samples, 50)), unit: 'ms' },
    { name: 'library.open_10k_ms', value: round(openMs), unit: 'ms' },
  ];
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'dossier-bench-'));
  const metrics: Metric[] = [];
  try {
    metrics.push(...(await libraryMetrics(work)));
    log('claim engine throughput');
    metrics.push(...(await benchExtract()));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  process.stdout.write(`${JSON.stringify({ metrics }, null, 2)}\n`);
}

await main();
