// `npm run bench`: measures speed and memory targets on generated data and prints one JSON object,
// {"metrics":[{name, value, unit, peer?, peer_value?}]}. Progress goes to stderr.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from '@playwright/test';
import { openServices, type Services } from '../electron/services/container.ts';
import { ClaimsRunner, InlineClaimsRunner } from '../electron/services/claims/claims-runner.ts';
import { ImportRunner } from '../electron/services/ingest/import-runner.ts';
import type { DocumentRecord } from '../shared/types/library.ts';
import { article, rng, story } from './bench/corpus.ts';
import { benchExtract } from './bench-extract.ts';
import { benchBrief } from './bench-brief.ts';
import { benchPdf } from './bench-pdf.ts';
import { benchHtml } from './bench-html.ts';
import { benchArchive } from './bench-archive.ts';
import { extractClaims, normalizeText } from '../electron/services/claims/engine.ts';
import { compareClaims } from '../electron/services/compare/compare-service.ts';

export interface Metric {
  name: string;
  value: number;
  unit: string;
  peer?: string;
  peer_value?: number;
}

const log = (message: string) => process.stderr.write(`bench: ${message}\n`);
const round = (value: number, digits = 2) => Number(value.toFixed(digits));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function open(libraryDir: string): Promise<Services> {
  return openServices({
    libraryDir,
    host: 'cli',
    version: 'bench',
    claims: new InlineClaimsRunner(),
  });
}

/** A library that imports as the app does: files read and claims extracted in the built workers. */
async function openWithWorkers(libraryDir: string): Promise<Services> {
  return openServices({
    libraryDir,
    host: 'cli',
    version: 'bench',
    claims: new ClaimsRunner({ workerFile: resolve('out/main/claims-worker.js') }),
    ingest: new ImportRunner({ workerFile: resolve('out/main/import-worker.js') }),
  });
}

/** Imports 1,000 documents through the library service, then grows the library to 10,000. */
async function libraryMetrics(work: string, libraryDir: string): Promise<Metric[]> {
  const sourceDir = join(work, 'sources');
  mkdirSync(sourceDir, { recursive: true });
  for (let i = 0; i < 1000; i++) writeFileSync(join(sourceDir, `article-${String(i).padStart(4, '0')}.txt`), article(i + 1));

  log('importing 1,000 generated documents (about 700 words each, claims extracted and indexed on import)');
  let services = await openWithWorkers(libraryDir);
  const started = performance.now();
  const results = await services.library.importPaths([sourceDir]);
  const importSeconds = (performance.now() - started) / 1000;
  const failed = results.filter((r) => r.status !== 'imported');
  if (failed.length) throw new Error(`bench import failed for ${failed.length} files: ${failed[0].error}`);

  // The other 9,000 documents get their records and text directly: what is measured below is listing,
  // search and saving in a 10,000-document library, not importing it.
  log('growing the library to 10,000 documents');
  const imported = [...services.store.documents.values()];
  const extra: Array<[string, DocumentRecord]> = [];
  for (let i = 0; extra.length < 9000; i++) {
    const base = imported[i % imported.length];
    const id = (0x100000000000 + i).toString(16).slice(-12);
    const text = article(10_000 + i);
    mkdirSync(services.store.docDir(id), { recursive: true });
    writeFileSync(join(services.store.docDir(id), 'text.txt'), text);
    extra.push([id, { ...base, id, contentHash: `${base.contentHash}-${i}`, title: `${text.slice(0, text.indexOf('\n'))} (${i})`, words: text.split(/\s+/).length, claimsVersion: null, claimCount: 0 }]);
  }
  await services.store.documents.putMany(extra);
  await services.close();

  log('opening the 10,000-document library (search index catches up with 9,000 new documents)');
  services = await open(libraryDir);
  await services.search.open();
  await services.close();

  const openStarted = performance.now();
  services = await open(libraryDir);
  const openMs = performance.now() - openStarted;
  const indexStarted = performance.now();
  await services.search.open();
  const indexLoadMs = performance.now() - indexStarted;

  const listSamples: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    const list = services.library.list();
    listSamples.push(performance.now() - t);
    if (list.length !== 10_000) throw new Error(`expected 10,000 documents, listed ${list.length}`);
  }

  log('searching');
  // Half the queries name a story's town, person or institute (as researchers mostly search), half
  // use the common words that every generated article shares (the worst case for the index).
  const random = rng(7);
  const vocabulary = ['evacuated', 'ministry', 'grain', 'residents', 'valley', 'repairs percent', 'independent inquiry', 'coastal province', 'voters', 'containers capital', '"scheduled to resume"', 'central bank', 'hospital', 'border region soldiers'];
  const queries = Array.from({ length: 200 }, (_, i) => {
    if (i % 2) return vocabulary[Math.floor(random() * vocabulary.length)];
    const about = story(Math.floor(random() * 10_000));
    return [about.town, about.person, about.body, `${about.town} residents`][Math.floor(random() * 4)];
  });
  const full: number[] = [];
  const raw: number[] = [];
  const lookup = (id: string) => services.store.documents.get(id);
  for (const query of queries) {
    let t = performance.now();
    await services.search.search({ query, limit: 20 }, lookup);
    full.push(performance.now() - t);
    t = performance.now();
    services.search.rawSearch(query.replace(/"/g, ''));
    raw.push(performance.now() - t);
  }

  log('saving notes');
  const [firstDoc] = services.library.list();
  const note = await services.notes.create({ docId: firstDoc.id, body: 'Draft' });
  for (let i = 0; i < 300; i++) await services.notes.create({ docId: null, body: `Background note ${i}` });
  const saves: number[] = [];
  const peers: number[] = [];
  const indexDir = join(libraryDir, 'index');
  const noteShard = readdirSync(indexDir).find((f) => f.startsWith('notes-') && readFileSync(join(indexDir, f), 'utf8').includes(note.id))!;
  const peerFile = join(work, 'peer-write.json');
  for (let i = 0; i < 200; i++) {
    const body = `Checked with the port authority, revision ${i}. `.repeat(8);
    const t = performance.now();
    await services.notes.update(note.id, body);
    saves.push(performance.now() - t);
    // The same bytes the save wrote (the note's whole shard), written raw.
    const bytes = readFileSync(join(indexDir, noteShard));
    const p = performance.now();
    await writeFile(peerFile, bytes);
    peers.push(performance.now() - p);
  }
  await services.close();

  return [
    { name: 'import.1000_docs_s', value: round(importSeconds), unit: 's' },
    { name: 'library.list_10k_ms', value: round(percentile(listSamples, 50)), unit: 'ms' },
    { name: 'library.open_10k_ms', value: round(openMs), unit: 'ms' },
    { name: 'search.index_load_10k_ms', value: round(indexLoadMs), unit: 'ms' },
    { name: 'search.p50_ms', value: round(percentile(full, 50)), unit: 'ms', peer: 'flexsearch query on the same index', peer_value: round(percentile(raw, 50)) },
    { name: 'search.p95_ms', value: round(percentile(full, 95)), unit: 'ms', peer: 'flexsearch query on the same index', peer_value: round(percentile(raw, 95)) },
    { name: 'note.save_p95_ms', value: round(percentile(saves, 95)), unit: 'ms', peer: 'fs.writeFile', peer_value: round(percentile(peers, 95)) },
  ];
}

interface RunningHost {
  url: string;
  pid: number;
  /** What the host printed, for an error report. */
  log(): string;
  alive(): boolean;
  stop(): Promise<void>;
}

/** The browser host as `npm start` runs it: the built command line, not the sources through tsx. */
async function serve(libraryDir: string): Promise<RunningHost> {
  const child = spawn(process.execPath, ['out/main/cli.js', 'serve', '--library', libraryDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr.on('data', (d) => (output += d));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d) => {
      output += d;
      const match = /Open (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`host exited ${code}: ${output}`)));
  });
  return {
    url,
    pid: child.pid!,
    log: () => output,
    alive: () => child.exitCode === null && child.signalCode === null,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** The browser host on the 10,000-document library, driven by Chromium: first screens and host memory. */
async function uiMetrics(work: string, libraryDir: string): Promise<Metric[]> {
  const bigFile = join(work, 'one-megabyte.txt');
  let big = '';
  for (let seed = 50_000; big.length < 1_000_000; seed++) big += `${article(seed)}\n`;
  writeFileSync(bigFile, big);
  const services = await open(libraryDir);
  const [imported] = await services.library.importPaths([bigFile]);
  await services.close();

  const host = await serve(libraryDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // Five loads, the first with a cold browser cache; on two shared cores one load can take twice another.
    const screens: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.goto(host.url.replace('#', `?run=${i}#`));
      await page.getByRole('listitem').first().waitFor();
      screens.push(await page.evaluate(() => performance.now()));
    }
    const openings: number[] = [];
    const longestTasks: number[] = [];
    for (let i = 0; i < 3; i++) {
      // The 1 MB document was imported last, so it heads the list.
      const open = page.getByRole('button', { name: `Open ${imported.title}`, exact: true });
      // In-page code as text: this script is type-checked without the DOM's types.
      await page.evaluate(`window.longTasks = []; new PerformanceObserver((list) => list.getEntries().forEach((e) => window.longTasks.push(e.duration))).observe({ type: 'longtask' })`);
      const started = await page.evaluate(() => performance.now());
      await open.click();
      await page.locator('.para').first().waitFor();
      openings.push((await page.evaluate(() => performance.now())) - started);
      // The text renders in slices after the first screen: wait until the paragraph count settles.
      // Polled from here: the page's CSP allows no string compiled inside it (waitForFunction with text).
      for (let last = -1, count = 0, tries = 0; tries < 120; last = count, tries++) {
        await new Promise((done) => setTimeout(done, 500));
        count = Number(await page.evaluate(`document.querySelectorAll('p.para').length`));
        if (count === last) break;
      }
      longestTasks.push(Number(await page.evaluate('Math.max(0, ...window.longTasks)')));
      await page.goto(host.url.replace('#', `?reopen=${i}#`));
      await page.getByRole('listitem').first().waitFor();
    }
    for (let i = 0; i < 20; i++) await page.request.post(new URL('/api/search:query', host.url).href, { headers: { authorization: `Bearer ${new URL(host.url).hash.slice(7)}` }, data: { query: 'ministry grain' } });
    return [
      { name: 'library.first_screen_ms', value: round(percentile(screens, 50)), unit: 'ms' },
      { name: 'reader.open_1mb_ms', value: round(percentile(openings, 50)), unit: 'ms' },
      { name: 'reader.open_1mb_longest_task_ms', value: round(percentile(longestTasks, 50)), unit: 'ms', peer: 'reader.open_1mb_ms (first screen)', peer_value: round(percentile(openings, 50)) },
      { name: 'host.rss_mb', value: round(rssMb(host.pid), 1), unit: 'MB' },
    ];
  } finally {
    await browser.close();
    await host.stop();
  }
}

/**
 * Compare: 50 documents in-process next to extracting their claims; then 400 documents through the
 * browser host (compare in its worker), with the host's memory and how long it takes to answer other
 * requests meanwhile.
 */
async function compareMetrics(work: string): Promise<Metric[]> {
  const texts = Array.from({ length: 400 }, (_, i) => normalizeText(article(90_000 + i)));
  let started = performance.now();
  const sets = texts.slice(0, 50).map((t) => extractClaims(t));
  const extractMs = performance.now() - started;
  const inputs = sets.map((claims, i) => ({ doc: `d${i}`, docId: null, title: `d${i}`, published: null, claims }));
  started = performance.now();
  compareClaims(inputs);
  const compareMs = performance.now() - started;

  const sourceDir = join(work, 'compare-sources');
  const libraryDir = join(work, 'compare-library');
  mkdirSync(sourceDir, { recursive: true });
  texts.forEach((t, i) => writeFileSync(join(sourceDir, `report-${i}.txt`), t));
  const services = await open(libraryDir);
  await services.library.importPaths([sourceDir]);
  await services.close();

  const host = await serve(libraryDir);
  try {
    const token = new URL(host.url).hash.slice(7);
    const call = async (channel: string, data: unknown) => {
      const response = await fetch(new URL(`/api/${channel}`, host.url), { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(data) });
      return ((await response.json()) as { result: unknown }).result;
    };
    const docs = (await call('library:list', {})) as Array<{ id: string }>;
    // Warm the worker and the claim cache with a small comparison first.
    await call('compare:run', { docIds: docs.slice(0, 2).map((d) => d.id) });
    const baseline = rssMb(host.pid);
    let peak = baseline;
    let busy = true;
    const pings: number[] = [];
    const pinger = (async () => {
      while (busy) {
        const sent = performance.now();
        await call('app:info', undefined);
        pings.push(performance.now() - sent);
        peak = Math.max(peak, rssMb(host.pid));
        await new Promise((r) => setTimeout(r, 25));
      }
    })();
    started = performance.now();
    await call('compare:run', { docIds: docs.map((d) => d.id) });
    const compare400 = performance.now() - started;
    busy = false;
    await pinger;
    return [
      { name: 'compare.50_docs_ms', value: round(compareMs), unit: 'ms', peer: 'extract.50_docs_ms (claims of the same documents)', peer_value: round(extractMs) },
      { name: 'compare.400_docs_ms', value: round(compare400), unit: 'ms', peer: 'extract.50_docs_ms × 8', peer_value: round(extractMs * 8) },
      { name: 'compare.400_docs_rss_mb', value: round(peak - baseline, 1), unit: 'MB extra', peer: 'host RSS before', peer_value: round(baseline, 1) },
      { name: 'host.busy_p95_ms', value: round(percentile(pings, 95)), unit: 'ms', peer: 'requests answered during the 400-document comparison', peer_value: pings.length },
    ];
  } finally {
    await host.stop();
  }
}

/** Sets the process's peak RSS (VmHWM) back to its current RSS, so the next peak is measured from here. */
function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** CPU seconds the process has used, all its threads. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime, in clock ticks (100 a second on Linux).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

const EXPORT_DOCS = 1000;

/**
 * Export at scale: every claim of 1,000 documents, in each format, through the browser host as the app
 * runs it (the comparison in its worker, the file fetched from the host afterwards), with the host's
 * extra memory and how fast it answers meanwhile. Next to reading every claim of the same documents,
 * and to comparing them, which every all-claims export includes.
 */
async function exportMetrics(work: string): Promise<Metric[]> {
  const sourceDir = join(work, 'export-sources');
  const libraryDir = join(work, 'export-library');
  mkdirSync(sourceDir, { recursive: true });
  for (let i = 0; i < EXPORT_DOCS; i++) writeFileSync(join(sourceDir, `report-${String(i).padStart(4, '0')}.txt`), article(200_000 + i));
  log(`importing ${EXPORT_DOCS} documents for the export benchmark`);
  let services = await openWithWorkers(libraryDir);
  const imported = await services.library.importPaths([sourceDir]);
  if (imported.some((r) => r.status !== 'imported')) throw new Error('bench: the export library did not import');
  await services.close();

  services = await open(libraryDir);
  const ids = services.library.list().map((d) => d.id);
  const started = performance.now();
  let claims = 0;
  for (const id of ids) claims += (await services.handlers['claims:list']({ id })).claims.length;
  const readMs = performance.now() - started;
  // A one-claim brief, exported first in each format so each host has loaded what that format needs.
  const first = (await services.handlers['claims:list']({ id: ids[0] })).claims[0];
  const warmBrief = await services.handlers['briefs:create']({ title: 'Warm-up', items: [await services.handlers['briefs:claimItem']({ docId: ids[0], claimId: first.id })] });
  await services.close();
  log(`${claims} claims in ${EXPORT_DOCS} documents`);

  /** Runs `work` against a fresh host, measuring its time, the host's extra memory and its answers meanwhile. */
  const measured = async (label: string, task: (call: (channel: string, data: unknown) => Promise<unknown>, host: RunningHost) => Promise<void>, warm: (call: (channel: string, data: unknown) => Promise<unknown>, host: RunningHost) => Promise<void>) => {
    const host = await serve(libraryDir);
    try {
      const token = new URL(host.url).hash.slice(7);
      const call = async (channel: string, data: unknown) => {
        const response = await fetch(new URL(`/api/${channel}`, host.url), { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(data) });
        const body = (await response.json()) as { result?: unknown; error?: { message: string } };
        if (!response.ok) throw new Error(`${channel}: ${body.error?.message ?? response.status}`);
        return body.result;
      };
      await warm(call, host);
      const idle: number[] = [];
      for (let i = 0; i < 40; i++) {
        const sent = performance.now();
        await call('app:info', undefined);
        idle.push(performance.now() - sent);
      }
      const exact = resetPeak(host.pid);
      const baseline = rssMb(host.pid);
      let peak = baseline;
      let busy = true;
      const pings: number[] = [];
      let failed = 0;
      const pinger = (async () => {
        while (busy) {
          const sent = performance.now();
          try {
            await call('app:info', undefined);
          } catch {
            // A request the host did not answer (a connection it reset) counts, with the time it took to fail.
            failed++;
          }
          pings.push(performance.now() - sent);
          if (host.alive()) peak = Math.max(peak, rssMb(host.pid));
          await new Promise((r) => setTimeout(r, 25));
        }
      })();
      log(label);
      const began = performance.now();
      const cpuBefore = cpuSeconds(host.pid);
      try {
        await task(call, host);
      } catch (error) {
        busy = false;
        await pinger.catch(() => {});
        throw host.alive() ? error : new Error(`the host stopped during ${label}: ${host.log().slice(-3000)}`);
      }
      const ms = performance.now() - began;
      const cpu = cpuSeconds(host.pid) - cpuBefore;
      busy = false;
      await pinger;
      if (exact) peak = Math.max(peak, peakRssMb(host.pid));
      return { ms, cpu, extraMb: peak - baseline, baseline, busyP95: percentile(pings, 95), busyMax: Math.max(...pings), idleP95: percentile(idle, 95), pings: pings.length, failed };
    } finally {
      await host.stop();
    }
  };

  const metrics: Metric[] = [];
  const compared = await measured(
    `comparing all ${EXPORT_DOCS} documents through the host`,
    async (call) => {
      await call('compare:run', { docIds: ids });
    },
    async (call) => {
      await call('compare:run', { docIds: ids.slice(0, 2) });
    },
  );
  metrics.push(
    { name: 'export.read_claims_1000_docs_ms', value: round(readMs), unit: 'ms', peer: 'claims read', peer_value: claims },
    { name: 'export.compare_1000_docs_ms', value: round(compared.ms), unit: 'ms', peer: 'export.read_claims_1000_docs_ms', peer_value: round(readMs) },
    { name: 'export.compare_1000_docs_host_cpu_s', value: round(compared.cpu, 1), unit: 's', peer: 'export.compare_1000_docs_ms / 1000 (wall)', peer_value: round(compared.ms / 1000, 1) },
    { name: 'export.compare_1000_docs_host_busy_p95_ms', value: round(compared.busyP95), unit: 'ms', peer: 'host idle p95 (ms), same request', peer_value: round(compared.idleP95) },
    { name: 'export.compare_1000_docs_rss_mb', value: round(compared.extraMb, 1), unit: 'MB extra', peer: 'host RSS before', peer_value: round(compared.baseline, 1) },
  );

  for (const format of ['md', 'html', 'pdf', 'docx'] as const) {
    let bytes = 0;
    const fetchFile = async (host: RunningHost, download: string) => {
      const response = await fetch(new URL(`/api/download/${download}`, host.url), { headers: { authorization: `Bearer ${new URL(host.url).hash.slice(7)}` } });
      if (!response.ok || !response.body) throw new Error(`download of the ${format} export failed: ${response.status}`);
      let size = 0;
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) size += chunk.length;
      return size;
    };
    const result = await measured(
      `exporting every claim of ${EXPORT_DOCS} documents as ${format}`,
      async (call, host) => {
        const exported = (await call('briefs:export', { allClaims: true, format })) as { download: string; bytes: number };
        bytes = await fetchFile(host, exported.download);
        if (bytes !== exported.bytes || bytes === 0) throw new Error(`the ${format} export sent ${bytes} of ${exported.bytes} bytes`);
      },
      async (call, host) => {
        await call('compare:run', { docIds: ids.slice(0, 2) });
        const exported = (await call('briefs:export', { id: warmBrief.id, format })) as { download: string };
        await fetchFile(host, exported.download);
      },
    );
    log(`${format}: ${(bytes / 1e6).toFixed(1)} MB in ${(result.ms / 1000).toFixed(1)} s (${result.cpu.toFixed(1)} s of host CPU), +${result.extraMb.toFixed(0)} MB`);
    metrics.push(
      { name: `export.1000_docs_${format}_ms`, value: round(result.ms), unit: 'ms', peer: 'export.compare_1000_docs_ms (included)', peer_value: round(compared.ms) },
      { name: `export.1000_docs_${format}_host_cpu_s`, value: round(result.cpu, 1), unit: 's', peer: 'export.compare_1000_docs_host_cpu_s (included)', peer_value: round(compared.cpu, 1) },
      { name: `export.1000_docs_${format}_rss_mb`, value: round(result.extraMb, 1), unit: 'MB extra', peer: 'export.compare_1000_docs_rss_mb (included)', peer_value: round(compared.extraMb, 1) },
      { name: `export.1000_docs_${format}_host_busy_p95_ms`, value: round(result.busyP95), unit: 'ms', peer: 'host idle p95 (ms), same request', peer_value: round(result.idleP95) },
      { name: `export.1000_docs_${format}_host_busy_max_ms`, value: round(result.busyMax), unit: 'ms', peer: 'requests not answered (connection reset)', peer_value: result.failed },
      { name: `export.1000_docs_${format}_file_mb`, value: round(bytes / 1e6, 1), unit: 'MB', peer: 'requests answered during the export', peer_value: result.pings },
    );
  }
  return metrics;
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'dossier-bench-'));
  const libraryDir = join(work, 'library');
  const metrics: Metric[] = [];
  log('building the app');
  // Build output goes to stderr: stdout carries only the JSON.
  const build = spawnSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], { stdio: ['ignore', 2, 2] });
  if (build.status !== 0) throw new Error('the build failed');
  // `npm run bench -- compare brief` runs only the sections named.
  const only = process.argv.slice(2);
  const wanted = (section: string) => !only.length || only.includes(section);
  try {
    if (wanted('library')) metrics.push(...(await libraryMetrics(work, libraryDir)));
    if (wanted('ui')) {
      log('browser host and Chromium');
      metrics.push(...(await uiMetrics(work, libraryDir)));
    }
    if (wanted('extract')) {
      log('claim engine throughput');
      metrics.push(...(await benchExtract()));
    }
    if (wanted('compare')) {
      log('compare');
      metrics.push(...(await compareMetrics(work)));
    }
    if (wanted('brief')) {
      log('brief export');
      metrics.push(...(await benchBrief()));
    }
    if (wanted('archive')) {
      log('library archive: 300 documents with notes, written and restored');
      metrics.push(...(await benchArchive()));
    }
    if (wanted('export')) {
      log(`export of every claim of ${EXPORT_DOCS} documents, in each format, through the browser host`);
      metrics.push(...(await exportMetrics(work)));
    }
    if (wanted('pdf')) {
      log('PDF import: layout analysis against pdf.js text extraction, 100 two-column pages');
      metrics.push(...(await benchPdf()));
    }
    if (wanted('html')) {
      log('HTML import: a generated news page against linkedom parsing it');
      metrics.push(...(await benchHtml()));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  process.stdout.write(`${JSON.stringify({ metrics }, null, 2)}\n`);
}

await main();
