// Library archive speed and memory: a generated library of 300 documents with a note on each is written
// as a .dossier.zip and restored into an empty library. Export is set beside zipping the same files with
// no manifest or checks (yazl alone); import beside importing the same 300 files as documents (reading
// them and extracting their claims), which is what the archive spares. Run directly
// (`npx tsx scripts/bench-archive.ts`) it prints {"metrics":[...]}.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { openServices } from '../electron/services/container.ts';
import { InlineClaimsRunner } from '../electron/services/claims/claims-runner.ts';
import { zipToFile } from '../electron/services/interchange/zip.ts';
import { article } from './bench/corpus.ts';

export interface ArchiveMetric {
  name: string;
  value: number;
  unit: string;
  peer?: string;
  peer_value?: number;
}

const DOCUMENTS = 300;
const round = (value: number, digits = 0) => Number(value.toFixed(digits));
const open = (dir: string) => openServices({ libraryDir: dir, host: 'cli', version: 'bench', claims: new InlineClaimsRunner() });

export async function benchArchive(): Promise<ArchiveMetric[]> {
  const work = mkdtempSync(join(tmpdir(), 'dossier-bench-archive-'));
  try {
    const inbox = join(work, 'inbox');
    mkdirSync(inbox);
    for (let i = 0; i < DOCUMENTS; i++) writeFileSync(join(inbox, `report-${String(i).padStart(3, '0')}.txt`), article(5000 + i));
    const source = await open(join(work, 'a'));
    let started = performance.now();
    const results = await source.library.importPaths([inbox]);
    const importMs = performance.now() - started;
    for (const r of results) await source.handlers['notes:create']({ docId: r.id!, start: 0, end: 40, body: `Checked against the wire copy (${r.id}).` });

    const archive = join(work, 'library.dossier.zip');
    started = performance.now();
    await source.archive.exportToFile(null, archive);
    const exportMs = performance.now() - started;
    // The peer: the same document folders zipped as they are, with no manifest, hashing or checks.
    const files = readdirSync(join(work, 'a', 'docs')).flatMap((id) => readdirSync(join(work, 'a', 'docs', id)).map((name) => ({ name: `docs/${id}/${name}`, file: join(work, 'a', 'docs', id, name) })));
    started = performance.now();
    await zipToFile(files, join(work, 'plain.zip'));
    const plainZipMs = performance.now() - started;
    await source.close();

    const target = await open(join(work, 'b'));
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    started = performance.now();
    const report = await target.archive.importArchive(archive, archive);
    const restoreMs = performance.now() - started;
    clearInterval(sampler);
    if (report.documents.added !== DOCUMENTS || report.notes.added !== DOCUMENTS) throw new Error(`the archive restored ${report.documents.added} documents and ${report.notes.added} notes`);
    await target.close();
    return [
      { name: 'archive.export_300_docs_ms', value: round(exportMs), unit: 'ms', peer: 'yazl zip of the same document folders, no manifest', peer_value: round(plainZipMs) },
      { name: 'archive.import_300_docs_ms', value: round(restoreMs), unit: 'ms', peer: 'importing the same 300 files as documents', peer_value: round(importMs) },
      { name: 'archive.import_rss_mb', value: round((peak - rssBefore) / (1024 * 1024), 1), unit: 'MB extra', peer: 'archive size', peer_value: round(statSync(archive).size / (1024 * 1024), 1) },
    ];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(`${JSON.stringify({ metrics: await benchArchive() }, null, 2)}\n`);
}
