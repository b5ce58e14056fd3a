// Full-text search through the real services: ranking, snippets with highlights, phrases,
// filters, and an index kept on disk and reconciled at start-up.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openServices, type Services } from '../../../electron/services/container.ts';
import { encode, makeSnippet, parseQuery } from '../../../electron/services/search/search-service.ts';

let work: string;
let services: Services;
const open = () => openServices({ libraryDir: join(work, 'library'), host: 'cli', version: 'test' });

async function importTexts(texts: Record<string, string>): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const [name, text] of Object.entries(texts)) {
    writeFileSync(join(work, name), text);
    const [result] = await services.library.importPaths([join(work, name)]);
    ids[name] = result.id!;
  }
  return ids;
}

beforeEach(async () => {
  work = mkdtempSync(join(tmpdir(), 'dossier-search-'));
  services = await open();
});
afterEach(async () => {
  await services.close();
  rmSync(work, { recursive: true, force: true });
});

describe('search', () => {
  it('ranks title matches first and returns highlighted snippets with their offset', async () => {
    const ids = await importTexts({
      'floods.txt': 'Floods in the valley\n\nThe river broke its banks near the old mill, and 300 homes were flooded.',
      'budget.txt': 'Budget talks\n\nThe minister said the floods cost the region 40 million euros.',
    });
    const { hits } = await services.handlers['search:query']({ query: 'floods' });
    expect(hits.map((h) => h.docId)).toEqual([ids['floods.txt'], ids['budget.txt']]);
    const snippet = hits[1].snippet!;
    const [s, e] = snippet.highlights[0];
    expect(snippet.text.slice(s, e).toLowerCase()).toBe('floods');
    const text = (await services.library.get(ids['budget.txt'])).text;
    expect(text.slice(snippet.start, snippet.start + 10)).toBe(snippet.text.slice(0, 10));
  });

  it('requires every term, supports quoted phrases and prefix search on the last term', async () => {
    await importTexts({
      'a.txt': 'Harbour cranes were idle for three days after the strike.',
      'b.txt': 'The strike ended after three weeks; cranes resumed work.',
    });
    expect((await services.search.search({ query: 'cranes strike' }, (id) => services.store.documents.get(id))).hits).toHaveLength(2);
    expect((await services.search.search({ query: '"three days"' }, (id) => services.store.documents.get(id))).hits).toHaveLength(1);
    expect((await services.search.search({ query: 'harb' }, (id) => services.store.documents.get(id))).hits).toHaveLength(1);
    expect((await services.search.search({ query: '   ' }, (id) => services.store.documents.get(id))).hits).toHaveLength(0);
  });

  it('filters by tag, outlet, format and date range', async () => {
    const ids = await importTexts({ 'a.txt': 'Drought hits wheat farmers.', 'b.txt': 'Drought hits rice farmers.' });
    await services.library.update(ids['a.txt'], { tags: ['agri'], outlet: 'Farm Weekly', published: '2024-05-02' });
    const q = (extra: object) => services.handlers['search:query']({ query: 'drought', ...extra }).then((r) => r.hits.map((h) => h.docId));
    expect(await q({ tags: ['agri'] })).toEqual([ids['a.txt']]);
    expect(await q({ outlet: 'farm weekly' })).toEqual([ids['a.txt']]);
    expect(await q({ formats: ['pdf'] })).toEqual([]);
    expect(await q({ from: '2024-05-01', to: '2024-05-31' })).toEqual([ids['a.txt']]);
    expect(await q({ from: '2024-06-01' })).toEqual([]);
  });

  it('hides deleted documents and finds restored ones', async () => {
    const ids = await importTexts({ 'a.txt': 'Volcanic ash closed the airport.' });
    await services.library.delete(ids['a.txt']);
    expect((await services.handlers['search:query']({ query: 'volcanic' })).hits).toHaveLength(0);
    await services.library.restore(ids['a.txt']);
    expect((await services.handlers['search:query']({ query: 'volcanic' })).hits).toHaveLength(1);
  });

  it('keeps the index on disk and reconciles it with the library when reopened', async () => {
    const ids = await importTexts({ 'a.txt': 'Glaciers retreated 30 metres.', 'b.txt': 'Glaciers advanced in the north.' });
    await services.library.delete(ids['b.txt']);
    await services.close();
    expect(existsSync(join(work, 'library', 'search', 'index.json'))).toBe(true);
    // The text on disk changes behind the index's back: a reopened index that still finds the old
    // words was loaded from its file, not rebuilt from the documents.
    writeFileSync(join(work, 'library', 'docs', ids['a.txt'], 'text.txt'), 'Rewritten.');
    services = await open(); // b is purged on open; the stored index still has it until reconciled
    const { hits } = await services.handlers['search:query']({ query: 'glaciers' });
    expect(hits.map((h) => h.docId)).toEqual([ids['a.txt']]);
    expect((await services.handlers['search:query']({ query: 'metres' })).hits.map((h) => h.docId)).toEqual([ids['a.txt']]);
  });

  it('rebuilds the index from the documents when its file is truncated, null or of the wrong shape', async () => {
    const ids = await importTexts({ 'a.txt': 'Glaciers retreated 30 metres.', 'b.txt': 'Avalanches closed two passes.' });
    await services.close();
    const file = join(work, 'library', 'search', 'index.json');
    const whole = readFileSync(file, 'utf8');
    for (const damaged of [whole.slice(0, Math.floor(whole.length / 3)), 'null', '[]', '{"version":1}\n[1,2]', '']) {
      writeFileSync(file, damaged);
      services = await open();
      expect((await services.handlers['search:query']({ query: 'avalanches' })).hits.map((h) => h.docId)).toEqual([ids['b.txt']]);
      expect((await services.handlers['search:query']({ query: 'glaciers' })).hits.map((h) => h.docId)).toEqual([ids['a.txt']]);
      await services.close();
    }
    services = await open();
  });

  it('keeps documents imported while the stored index is still loading apart from the stored ones', async () => {
    const ids = await importTexts({ 'a.txt': 'Locusts swarmed over the northern farms.', 'b.txt': 'Hailstones damaged the vineyards.' });
    await services.close();
    services = await open();
    // Imported before anything has loaded the stored index: its slot must not collide with a stored one.
    const more = await importTexts({ 'c.txt': 'Wildfire smoke reached the northern valleys.' });
    const q = (query: string) => services.handlers['search:query']({ query }).then((r) => r.hits.map((h) => h.docId));
    expect(await q('locusts')).toEqual([ids['a.txt']]);
    expect(await q('hailstones')).toEqual([ids['b.txt']]);
    expect(await q('wildfire')).toEqual([more['c.txt']]);
    expect((await q('northern')).sort()).toEqual([ids['a.txt'], more['c.txt']].sort());
  });

  it('finds a document by the words of its notes, alone or together with its text', async () => {
    const ids = await importTexts({ 'port.txt': 'The port reopened on Monday after the storm.', 'mill.txt': 'The mill closed for good.' });
    const q = (query: string) => services.handlers['search:query']({ query }).then((r) => r.hits);
    expect(await q('ferry')).toEqual([]);
    const note = await services.notes.create({ docId: ids['port.txt'], body: 'Ask the ferry operator about the backlog.' });
    let hits = await q('ferry');
    expect(hits.map((h) => h.docId)).toEqual([ids['port.txt']]);
    expect(hits[0].fields).toContain('notes');
    // One word from the text and one from the note still make a match.
    expect((await q('storm backlog')).map((h) => h.docId)).toEqual([ids['port.txt']]);
    await services.notes.update(note.id, 'Called the harbour master instead.');
    expect(await q('ferry')).toEqual([]);
    expect((await q('harbour')).map((h) => h.docId)).toEqual([ids['port.txt']]);
    await services.notes.delete(note.id);
    expect(await q('harbour')).toEqual([]);
    await services.notes.restore(note.id);
    await services.notes.create({ docId: null, body: 'A loose note about the mill.' });
    await services.close();
    services = await open(); // notes are indexed again from the library when it opens
    hits = await q('harbour');
    expect(hits.map((h) => h.docId)).toEqual([ids['port.txt']]);
  });

  it('re-indexes an edited title, and tolerates a typo when nothing matches exactly', async () => {
    const ids = await importTexts({ 'a.txt': 'Evacuation of the coastal villages began at dawn.' });
    const q = (query: string) => services.handlers['search:query']({ query }).then((r) => r.hits.map((h) => h.docId));
    await services.library.update(ids['a.txt'], { title: 'Cyclone Freya response' });
    expect(await q('freya')).toEqual([ids['a.txt']]);
    expect(await q('evacuation dawn')).toEqual([ids['a.txt']]);
    await services.library.update(ids['a.txt'], { title: 'Storm response' });
    expect(await q('freya')).toEqual([]);
    expect(await q('evacuatoin')).toEqual([ids['a.txt']]);
    const [hit] = (await services.handlers['search:query']({ query: 'villgaes' })).hits;
    const [s, e] = hit.snippet!.highlights[0];
    expect(hit.snippet!.text.slice(s, e)).toBe('villages');
    expect(await q('zzzzzzz')).toEqual([]);
  });

  it('expands the last term to the words it begins, and counts every match', async () => {
    const texts: Record<string, string> = {};
    for (let i = 0; i < 30; i++) texts[`r${i}.txt`] = `Report ${i}\n\nThe ${i % 2 ? 'reservoir' : 'reserves'} level was checked by inspectors.`;
    await importTexts(texts);
    const result = await services.handlers['search:query']({ query: 'inspectors reser', limit: 5 });
    expect(result.total).toBe(30);
    expect(result.hits).toHaveLength(5);
    expect((await services.handlers['search:query']({ query: 'inspectors reservoir' })).total).toBe(15);
    expect(services.search.rawSearch('inspectors reser')).toBe(30);
  });

  it('stores a large term table in many short lines and loads every one back', async () => {
    const words = Array.from({ length: 40_000 }, (_, i) => `term${i.toString(36)}x`);
    const ids = await importTexts({ 'many.txt': `Glossary\n\n${words.join(' ')}` });
    await services.close();
    const lines = readFileSync(join(work, 'library', 'search', 'index.json'), 'utf8').split('\n');
    expect(lines.length).toBeGreaterThan(3);
    services = await open();
    for (const word of [words[0], words[20_000], words[39_999]]) {
      expect((await services.handlers['search:query']({ query: word })).hits.map((h) => h.docId)).toEqual([ids['many.txt']]);
    }
  });

  it('starts loading the index only once no request has been in progress for a while', async () => {
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    expect(services.search.loadStarted).toBe(false);
    await sleep(1000);
    await services.handlers['app:info']();
    await sleep(1000); // 2 s since opening, but only 1 s since the last request
    expect(services.search.loadStarted).toBe(false);
    await vi.waitFor(() => expect(services.search.loadStarted).toBe(true), { timeout: 5000 });
  });

  it('parses words, OR, exclusions and phrases, and builds snippets around the first match', () => {
    expect(parseQuery('"nowhere near" 3,000 troops')).toEqual({
      groups: [['nowhere'], ['near'], ['3000'], ['troops']],
      phrases: ['nowhere near'],
      excluded: [],
      excludedPhrases: [],
      terms: ['nowhere', 'near', '3,000', 'troops'],
      openEnd: true,
    });
    const parsed = parseQuery('pilots OR crew -tug -"photo credit" canal ');
    expect(parsed.groups).toEqual([['pilots', 'crew'], ['canal']]);
    expect(parsed.excluded).toEqual(['tug']);
    expect(parsed.excludedPhrases).toEqual(['photo credit']);
    expect(parsed.openEnd).toBe(false);
    const snippet = makeSnippet('One line.\n\nThe   figure was nowhere near 3,000 troops.', ['troops'], ['nowhere near'])!;
    expect(snippet.text).toContain('nowhere near 3,000 troops');
    expect(snippet.highlights.map(([s, e]) => snippet.text.slice(s, e))).toEqual(['nowhere near', 'troops']);
  });

  it('keeps numbers whole: separators, decimals and percent signs are part of the figure', async () => {
    expect(encode('Some 3,000 soldiers; 4.5 hours; 40% of ships; 12 per cent; section [3].1 and the 19th')).toEqual(
      ['some', '3000', 'soldiers', '4.5', 'hours', '40%', 'ships', '12', 'per', '12%', 'cent', 'section', '3', '1', '19th'],
    );
    const ids = await importTexts({
      'report.txt': 'Findings\n\nSection [3].1 lists 18,000 containers and 3 ports; 000 is a code.',
      'wire.txt': 'Troops\n\nSome 3,000 soldiers crossed the ridge, and 40 percent of the valley emptied.',
      'decimal.txt': 'Transit\n\nTransit times rose by 4.5 hours, or 45 minutes more than in 2020.',
    });
    const q = (query: string) => services.handlers['search:query']({ query }).then((r) => r.hits.map((h) => h.docId));
    expect(await q('3,000')).toEqual([ids['wire.txt']]);
    expect(await q('3000')).toEqual([ids['wire.txt']]);
    expect(await q('4.5')).toEqual([ids['decimal.txt']]);
    expect(await q('45')).toEqual([ids['decimal.txt']]);
    expect(await q('40%')).toEqual([ids['wire.txt']]);
    const [hit] = (await services.handlers['search:query']({ query: '3,000' })).hits;
    const [s, e] = hit.snippet!.highlights[0];
    expect(hit.snippet!.text.slice(s, e)).toBe('3,000');
    const [percent] = (await services.handlers['search:query']({ query: '40%' })).hits;
    expect(percent.snippet!.highlights.map(([a, b]) => percent.snippet!.text.slice(a, b))).toEqual(['40 percent']);
  });

  it('matches either word with OR, leaves out -words and -"phrases", and lists filtered documents without a query', async () => {
    const ids = await importTexts({
      'pilots.txt': 'Canal pilots\n\nCanal pilots guided the convoy at dawn.',
      'crew.txt': 'Crew safe\n\nThe canal crew were safe, the owners said. Photo credit: harbour office.',
      'tugs.txt': 'Tugs\n\nTugs and pilots worked through the night on the canal.',
    });
    const q = (query: string, extra: object = {}) => services.handlers['search:query']({ query, ...extra }).then((r) => r.hits.map((h) => h.docId).sort());
    expect(await q('pilots OR crew')).toEqual([ids['pilots.txt'], ids['crew.txt'], ids['tugs.txt']].sort());
    expect(await q('canal pilots OR crew -tugs')).toEqual([ids['pilots.txt'], ids['crew.txt']].sort());
    expect(await q('canal -"photo credit"')).toEqual([ids['pilots.txt'], ids['tugs.txt']].sort());
    expect(await q('"the night"')).toEqual([ids['tugs.txt']]);
    await services.library.update(ids['crew.txt'], { outlet: 'BBC News', published: '2021-03-29' });
    await services.library.update(ids['tugs.txt'], { outlet: 'Reuters', published: '2021-03-30' });
    // The outlet filter matches by the start of the outlet's words.
    expect(await q('canal', { outlet: 'BBC' })).toEqual([ids['crew.txt']]);
    expect(await q('canal', { outlet: 'news' })).toEqual([ids['crew.txt']]);
    expect(await q('canal', { outlet: 'bbc new' })).toEqual([ids['crew.txt']]);
    expect(await q('canal', { outlet: 'CNN' })).toEqual([]);
    // Filters alone list the documents they keep, newest first.
    const listed = await services.handlers['search:query']({ query: '', from: '2021-01-01' });
    expect(listed.hits.map((h) => h.docId)).toEqual([ids['tugs.txt'], ids['crew.txt']]);
    expect(listed.total).toBe(2);
    expect(listed.hits[0].snippet).toBeNull();
    expect((await services.handlers['search:query']({ query: '', formats: ['txt'] })).total).toBe(3);
    expect((await services.handlers['search:query']({ query: '' })).total).toBe(0);
  });
});
