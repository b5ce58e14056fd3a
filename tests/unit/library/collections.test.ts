// Metadata edits and collections through the real services (real ingest, real lowdb in a temp folder):
// edits checked before any is saved, re-indexed for search at once, undone by writing the old values;
// collections made, renamed, deleted with undo, purged with their membership at the next opening.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../../electron/services/container.ts';
import { isIsoDate } from '../../../electron/services/library/library-service.ts';

const fixtures = join(process.cwd(), 'tests', 'fixtures');
let work: string;
let services: Services;
let a: string;
let b: string;

const open = () => openServices({ libraryDir: join(work, 'library'), host: 'cli', version: 'test' });

beforeEach(async () => {
  work = mkdtempSync(join(tmpdir(), 'dossier-collections-'));
  services = await open();
  const results = await services.library.importPaths([join(fixtures, 'briefing-aid.txt'), join(fixtures, 'harbor-report.md')]);
  [a, b] = results.map((r) => r.id!);
});
afterEach(async () => {
  await services.close();
  rmSync(work, { recursive: true, force: true });
});

describe('metadata edits', () => {
  it('saves, re-indexes for search and its filters, and survives reopening', async () => {
    const { handlers } = services;
    await handlers['library:update']({ id: a, changes: { title: 'Quayside relief tally', outlet: 'Relief Wire', published: '2024-05-02T09:30', tags: ['aid', 'Aid', ' ports '] } });
    const found = await handlers['search:query']({ query: 'quayside', outlet: 'relief wire', tags: ['aid'], from: '2024-05-01', to: '2024-05-31' });
    expect(found.hits.map((h) => h.docId)).toEqual([a]);
    expect((await handlers['search:query']({ query: 'quayside', from: '2024-06-01' })).hits).toEqual([]);
    await services.close();
    services = await open();
    expect(services.store.get(a)).toMatchObject({ title: 'Quayside relief tally', tags: ['aid', 'ports'], published: '2024-05-02T09:30' });
  });

  it('checks every change of a bulk edit before saving any', async () => {
    const before = services.store.get(b).outlet;
    await expect(
      services.handlers['library:updateMany']({ updates: [{ id: b, changes: { outlet: 'Port Gazette' } }, { id: a, changes: { published: '2024-13-40' } }] }),
    ).rejects.toMatchObject({ code: 'bad-request' });
    expect(services.store.get(b).outlet).toBe(before);
    await expect(services.handlers['library:update']({ id: a, changes: { deletedAt: 'x' } as never })).rejects.toMatchObject({ code: 'bad-request' });
    await expect(services.handlers['library:update']({ id: a, changes: { collections: ['nosuchcoll'] } })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('undoes by writing back the previous values', async () => {
    const old = services.store.get(a);
    await services.handlers['library:updateMany']({ updates: [{ id: a, changes: { outlet: 'Relief Wire', tags: ['aid'] } }, { id: b, changes: { outlet: 'Relief Wire' } }] });
    await services.handlers['library:updateMany']({ updates: [{ id: a, changes: { outlet: old.outlet, tags: old.tags } }, { id: b, changes: { outlet: null } }] });
    expect(services.store.get(a)).toMatchObject({ outlet: old.outlet, tags: old.tags });
    expect((await services.handlers['search:query']({ query: 'harbor', outlet: 'relief wire' })).hits).toEqual([]);
  });

  it('accepts the date forms the app stores and no others', () => {
    for (const ok of ['2018', '2018-05', '2018-05-29', '2018-05-29T14:05', '2018-05-29T14:05:09Z', '2018-05-29T14:05:09.5+02:00', '2024-02-29']) expect(isIsoDate(ok), ok).toBe(true);
    for (const bad of ['18-05-29', '2018-5-29', '2018-02-30', '2023-02-29', '2018-05-29T25:00', '29 May 2018', '']) expect(isIsoDate(bad), bad).toBe(false);
  });
});

describe('collections', () => {
  it('makes, renames and counts collections, and filters search by one', async () => {
    const { handlers } = services;
    const story = await handlers['collections:create']({ name: '  Harbour   story ' });
    expect(story.name).toBe('Harbour story');
    await expect(handlers['collections:create']({ name: 'harbour STORY' })).rejects.toMatchObject({ code: 'exists' });
    await expect(handlers['collections:create']({ name: ' ' })).rejects.toMatchObject({ code: 'bad-request' });
    await handlers['library:update']({ id: b, changes: { collections: [story.id] } });
    expect(await handlers['collections:list']()).toEqual([{ id: story.id, name: 'Harbour story', count: 1 }]);
    await handlers['collections:rename']({ id: story.id, name: 'Port expansion' });
    expect((await handlers['collections:list']())[0]!.name).toBe('Port expansion');
    const inIt = await handlers['search:query']({ query: 'harbor', collection: story.id });
    expect(inIt.hits.map((h) => h.docId)).toEqual([b]);
    const sources = await handlers['library:sources']({ format: 'csl-json', collection: 'port expansion' });
    expect(sources.count).toBe(1);
    expect(sources.fileName).toBe('Port-expansion.json');
  });

  it('deletes with undo, and forgets a deleted collection and its membership at the next opening', async () => {
    const { handlers } = services;
    const story = await handlers['collections:create']({ name: 'Aid' });
    await handlers['library:update']({ id: a, changes: { collections: [story.id] } });
    await handlers['collections:delete']({ id: story.id });
    expect(await handlers['collections:list']()).toEqual([]);
    await handlers['collections:restore']({ id: story.id });
    expect(await handlers['collections:list']()).toEqual([{ id: story.id, name: 'Aid', count: 1 }]);
    await handlers['collections:delete']({ id: story.id });
    await services.close();
    services = await open();
    expect(await services.handlers['collections:list']()).toEqual([]);
    expect(services.store.get(a).collections).toEqual([]);
    await expect(services.handlers['collections:restore']({ id: story.id })).rejects.toMatchObject({ code: 'not-found' });
  });
});
