// Comparing library documents as the hosts do: the compare worker reads each document's stored claims
// from the library folder and merges the analyst's review decisions the host sends it, giving what an
// in-process comparison of the claims the Reader shows gives; claims that are missing or made by another
// engine version are brought up to date first; a comparison that outgrows the worker's heap stops with
// `too-large` and the next one runs.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../../electron/services/container.ts';
import { InlineClaimsRunner } from '../../../electron/services/claims/claims-runner.ts';
import { extractClaims, ENGINE_VERSION } from '../../../electron/services/claims/engine.ts';
import { CompareRunner } from '../../../electron/services/compare/compare-runner.ts';
import { compareClaims, type CompareInput } from '../../../electron/services/compare/compare-service.ts';
import { article } from '../../../scripts/bench/corpus.ts';

const WORKER = pathToFileURL(join(process.cwd(), 'electron/services/compare/worker.ts'));
const fixtures = join(process.cwd(), 'tests', 'fixtures', 'compare');

let work: string;
let services: Services;
let ids: string[];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'dossier-library-compare-'));
  const sources = join(work, 'sources');
  cpSync(fixtures, sources, { recursive: true });
  services = await openServices({
    libraryDir: join(work, 'library'),
    host: 'cli',
    version: 'test',
    claims: new InlineClaimsRunner(),
    compare: new CompareRunner({ workerFile: WORKER, execArgv: ['--import', 'tsx'] }),
  });
  await services.library.importPaths([sources]);
  ids = services.library.list().map((d) => d.id);
  await services.handlers['library:update']({ id: ids[0], changes: { outlet: 'Harbour Daily' } });
  // The analyst's decisions: a figure rejected, one corrected, a passage added as a claim.
  const first = await services.handlers['claims:list']({ id: ids[0] });
  const figures = first.claims.filter((c) => c.quantities.length);
  await services.handlers['claims:review']({ docId: ids[0], claimId: figures[0].id, status: 'rejected' });
  await services.handlers['claims:review']({ docId: ids[0], claimId: figures[1].id, edits: { quantities: [{ low: 290, high: 290, unit: figures[1].quantities[0].unit }] } });
  const second = await services.handlers['claims:list']({ id: ids[1] });
  await services.handlers['claims:add']({ docId: ids[1], start: second.claims[0].start, end: second.claims[0].end - 5 });
}, 60_000);
afterAll(async () => {
  await services.close();
  rmSync(work, { recursive: true, force: true });
});

/** The comparison made in-process from the claims the Reader shows, as the hosts once made it. */
async function inProcess(docIds: string[]) {
  const inputs: CompareInput[] = [];
  for (const id of docIds) {
    const record = services.store.get(id);
    inputs.push({ doc: id, docId: id, title: record.title, published: record.published, outlet: record.outlet ?? null, claims: await services.handlers['claims:list']({ id }) });
  }
  return compareClaims(inputs);
}

describe('comparing library documents in the compare worker', () => {
  it('reads the stored claims and merges the review decisions as the Reader shows them', async () => {
    const result = await services.handlers['compare:run']({ docIds: ids });
    expect(result.groups.length).toBeGreaterThan(2);
    // The rejected figure (31 killed) is left out, as the Reader leaves it out.
    expect(result.groups.flatMap((g) => g.members.map((m) => m.quantity.low))).not.toContain(31);
    expect(result.groups.flatMap((g) => g.members.map((m) => m.quantity.low))).toContain(22);
    expect(result).toEqual(await inProcess(ids));
    expect(await services.handlers['compare:run']({ docIds: [ids[2], ids[0]] })).toEqual(await inProcess([ids[2], ids[0]]));
  });

  it('brings claims that are missing or made by another engine version up to date first', async () => {
    const dir = (id: string) => join(work, 'library', 'docs', id);
    const stored = JSON.parse(readFileSync(join(dir(ids[0]), 'claims.json'), 'utf8'));
    writeFileSync(join(dir(ids[0]), 'claims.json'), JSON.stringify({ ...stored, engineVersion: 'an-older-engine' }));
    unlinkSync(join(dir(ids[1]), 'claims.json'));
    const result = await services.handlers['compare:run']({ docIds: ids });
    expect(JSON.parse(readFileSync(join(dir(ids[0]), 'claims.json'), 'utf8')).engineVersion).toBe(ENGINE_VERSION);
    expect(readdirSync(dir(ids[1]))).toContain('claims.json');
    expect(result).toEqual(await inProcess(ids));
  });

  it('extracts an out-of-date document once when two readers ask for it at once', async () => {
    const path = join(work, 'library', 'docs', ids[2], 'claims.json');
    const stored = JSON.parse(readFileSync(path, 'utf8'));
    writeFileSync(path, JSON.stringify({ ...stored, engineVersion: 'an-older-engine' }));
    const [first, second] = await Promise.all([services.library.claims(ids[2]), services.library.claims(ids[2])]);
    expect(second).toBe(first);
    expect(JSON.parse(readFileSync(path, 'utf8')).engineVersion).toBe(ENGINE_VERSION);
    // Once done, a later reader reads the file again rather than the finished extraction.
    expect(await services.library.claims(ids[2])).not.toBe(first);
  });

  it('stops a comparison that outgrows the worker’s heap with too-large, and runs the next', { timeout: 120_000 }, async () => {
    const runner = new CompareRunner({ workerFile: WORKER, execArgv: ['--import', 'tsx'], maxHeapMb: 24 });
    try {
      const docs: CompareInput[] = [];
      for (let i = 0; i < 150; i++) {
        const text = article(300_000 + i, 2_000);
        docs.push({ doc: `d${i}`, docId: null, title: `Report ${i}`, published: null, claims: { ...extractClaims(text), text } });
      }
      const request = { libraryDir: join(work, 'library'), engineVersion: null, docs, scope: 'all' as const };
      await expect(runner.compare(request)).rejects.toMatchObject({ code: 'too-large', message: /more than 24 MB of memory/ });
      const small = await runner.compare({ ...request, docs: docs.slice(0, 2) });
      expect('result' in small && small.result.groups.length).toBeGreaterThan(0);
    } finally {
      await runner.close();
    }
  });
});
