// The library archive against real libraries in temp folders: library → archive → new library gives the
// same documents, notes at the same passages, the same reviews and briefs; a partial overlap merges
// without duplicates (and re-anchors to the library's own copy of a text); a truncated, damaged,
// foreign or newer archive is refused with the reason and changes nothing.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Services } from '../../../electron/services/container.ts';
import { zipToFile } from '../../../electron/services/interchange/zip.ts';
import { buildLibrary, librariesIn, passage, snapshot, workDir, writeReports } from './helpers.ts';

let work: string;
const library = librariesIn(() => work);

/** What a reader of the library sees, without ids that may differ. */
async function view(services: Services) {
  const h = services.handlers;
  const docs = (await h['library:list']()).sort((a, b) => a.title.localeCompare(b.title));
  const byId = new Map(docs.map((d) => [d.id, d.title]));
  const notes = (await h['notes:list']({})).map((n) => ({ doc: n.docId ? byId.get(n.docId) : null, body: n.body, quote: n.anchor?.quote.exact ?? null, at: n.anchor?.position ?? null, attached: n.attached }));
  const reviewed = [];
  for (const d of docs) {
    for (const c of (await h['claims:list']({ id: d.id })).claims) if (c.review) reviewed.push({ doc: d.title, text: c.text, start: c.start, status: c.review.status, edited: c.review.edited, added: c.review.added, source: c.attribution?.source ?? null });
  }
  const collections = (await h['collections:list']()).map((c) => ({ name: c.name, count: c.count }));
  return {
    docs: docs.map((d) => ({ title: d.title, format: d.format, words: d.words, author: d.author, outlet: d.outlet, published: d.published, tags: d.tags, collections: d.collections.length })),
    texts: await Promise.all(docs.map(async (d) => (await h['library:get']({ id: d.id })).text)),
    notes: notes.sort((a, b) => a.body.localeCompare(b.body)),
    reviewed: reviewed.sort((a, b) => a.text.localeCompare(b.text)),
    collections,
  };
}

async function resolvedBriefs(services: Services) {
  const out = [];
  for (const brief of services.briefs.list()) {
    const { generatedAt: _at, ...resolved } = await services.briefs.resolve(brief);
    out.push(resolved);
  }
  return out;
}

describe('library archive', () => {
  it('round-trips a library: same documents, notes at the same passages, same reviews and briefs', async () => {
    work = workDir('archive');
    const a = await library('a');
    await buildLibrary(a, join(work, 'inbox'));
    const file = join(work, 'all.dossier.zip');
    const exported = await a.archive.exportToFile(null, file);
    expect(exported.manifest).toMatchObject({ format: 'dossier-archive', version: 1, collection: null, counts: { documents: 3, notes: 3, reviews: 3, briefs: 1, collections: 1 } });

    const b = await library('b');
    const report = await b.handlers['library:importArchive']({ path: file });
    expect(report).toMatchObject({ documents: { added: 3, merged: 0 }, notes: { added: 3, skipped: 0 }, reviews: { added: 3, skipped: 0 }, briefs: { added: 1, skipped: 0 }, collections: { added: 1, merged: 0 }, unplaced: [] });
    expect(await view(b)).toEqual(await view(a));
    expect(await resolvedBriefs(b)).toEqual(await resolvedBriefs(a));
    // Search finds the imported documents and their notes.
    expect((await b.handlers['search:query']({ query: 'authority log' })).hits.map((h) => h.title)).toEqual(['Giant container ship blocks the Suez Canal']);

    // The same archive again adds nothing.
    const again = await b.handlers['library:importArchive']({ path: file });
    expect(again).toMatchObject({ documents: { added: 0, merged: 3 }, notes: { added: 0, skipped: 3 }, reviews: { added: 0, skipped: 3 }, briefs: { added: 0, skipped: 1 }, collections: { added: 0, merged: 1 } });
    expect(await view(b)).toEqual(await view(a));
  });

  it('archives one collection: its documents and the briefs citing only them', async () => {
    work = workDir('archive-collection');
    const a = await library('a');
    const built = await buildLibrary(a, join(work, 'inbox'));
    const { data, manifest } = await a.archive.exportToBuffer(a.collections.get(built.collectionId));
    expect(manifest.collection).toBe('Disasters 2021-23');
    expect(manifest.counts).toMatchObject({ documents: 2, collections: 1, briefs: 1, notes: 2 });
    const b = await library('b');
    const report = await b.handlers['library:importArchive']({ file: { name: 'story.dossier.zip', dataBase64: data.toString('base64') } });
    expect(report.documents.added).toBe(2);
    expect((await b.handlers['library:list']()).map((d) => d.title).sort()).toEqual(['Giant container ship blocks the Suez Canal', 'Tonga eruption sends ash plume to record height']);
    expect(await b.handlers['collections:list']()).toEqual([expect.objectContaining({ name: 'Disasters 2021-23', count: 2 })]);
  });

  it('merges into a library that already has some documents, without duplicates, re-anchoring to its own text', async () => {
    work = workDir('archive-merge');
    const a = await library('a');
    await buildLibrary(a, join(work, 'inbox'));
    const file = join(work, 'all.dossier.zip');
    await a.archive.exportToFile(null, file);

    // Library C has the canal report already (same file), with its own tag and collection of the same name.
    const c = await library('c');
    const [canalPath] = writeReports(join(work, 'inbox-c'), ['canal.txt']);
    const [mine] = await c.handlers['library:import']({ paths: [canalPath!] });
    const story = await c.handlers['collections:create']({ name: 'disasters 2021-23' });
    await c.handlers['library:update']({ id: mine!.id!, changes: { tags: ['mine'], collections: [story.id] } });
    // Its copy of the text differs from the archive's (a different extraction): the passages moved.
    const textFile = join(c.store.docDir(mine!.id!), 'text.txt');
    writeFileSync(textFile, `Filed from the newsroom.\n\n${readFileSync(textFile, 'utf8')}`);
    // It also holds one of the archive's notes already, written there under its own id.
    const own = await c.handlers['notes:create']({ docId: mine!.id!, ...(await passage(c, mine!.id!, 'More than 400 ships were waiting to pass')), body: 'Check the ship count against the **authority** log.' });

    const report = await c.handlers['library:importArchive']({ path: file });
    expect(report.documents).toEqual({ added: 2, merged: 1 });
    expect(report.collections).toEqual({ added: 0, merged: 1 });
    expect(report.notes).toEqual({ added: 2, skipped: 1 });
    expect(report.unplaced).toEqual([]);
    const docs = await c.handlers['library:list']();
    expect(docs).toHaveLength(3);
    const canal = docs.find((d) => d.id === mine!.id)!;
    expect(canal.tags.sort()).toEqual(['mine', 'shipping']);
    expect(canal.outlet).toBe('Harbour Wire');
    expect(canal.collections).toEqual([story.id]);
    // The notes sit on the same words, at their new offsets in this library's text.
    const notes = await c.handlers['notes:list']({ docId: mine!.id! });
    const waiting = await passage(c, mine!.id!, 'More than 400 ships were waiting to pass');
    expect(notes.find((n) => n.body.startsWith('Check the ship count'))?.anchor?.position).toEqual(waiting);
    expect(notes.every((n) => n.attached)).toBe(true);
    // The accepted claim is accepted here too, and the brief's claim resolves to the moved passage.
    const claims = await c.handlers['claims:list']({ id: mine!.id! });
    expect(claims.claims.find((x) => x.text.includes('400 ships'))?.review?.status).toBe('accepted');
    const [brief] = await resolvedBriefs(c);
    const claimItem = brief!.items.find((i) => i.type === 'claim') as { citation: { start: number; quote: string } };
    expect(claimItem.citation.start).toBe(waiting.start);
    // The brief's note is the library's own copy of it.
    expect(c.briefs.list()[0]!.items.find((i) => i.type === 'note')).toMatchObject({ noteId: own.id });
    expect(brief!.items.find((i) => i.type === 'note')).toMatchObject({ markdown: 'Check the ship count against the **authority** log.' });

    const again = await c.handlers['library:importArchive']({ path: file });
    expect(again.documents).toEqual({ added: 0, merged: 3 });
    expect(again.notes.added + again.reviews.added + again.briefs.added).toBe(0);
    expect(await c.handlers['notes:list']({})).toHaveLength(3);
  });

  it('refuses a truncated, damaged, foreign or newer archive and changes nothing', async () => {
    work = workDir('archive-bad');
    const a = await library('a');
    await buildLibrary(a, join(work, 'inbox'));
    const file = join(work, 'all.dossier.zip');
    await a.archive.exportToFile(null, file);
    const bytes = readFileSync(file);

    const b = await library('b');
    writeReports(join(work, 'inbox-b'), ['quake.txt']);
    await b.handlers['library:import']({ paths: [join(work, 'inbox-b', 'quake.txt')] });
    await b.handlers['notes:create']({ body: 'existing' });
    const before = snapshot(join(work, 'b'));
    const importBytes = (name: string, data: Buffer) => b.handlers['library:importArchive']({ file: { name, dataBase64: data.toString('base64') } });

    await expect(importBytes('cut.dossier.zip', bytes.subarray(0, Math.floor(bytes.length * 0.6)))).rejects.toThrow(/“cut\.dossier\.zip” cannot be imported: the file is cut short or is not a zip file\. Nothing was changed\./);
    // A flipped byte inside a document's compressed text: inflating fails, or the manifest's checksum catches it.
    const header = bytes.indexOf(Buffer.from('/text.txt'));
    expect(header).toBeGreaterThan(0);
    const local = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), header);
    const dataStart = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const damaged = Buffer.from(bytes);
    damaged[dataStart + 6] = damaged[dataStart + 6]! ^ 0x55;
    await expect(importBytes('damaged.dossier.zip', damaged)).rejects.toThrow(/damaged \(its checksum does not match the manifest\)|its data is damaged/);
    // A zip of something else, and an archive from a newer Dossier.
    const foreign = join(work, 'photos.zip');
    await zipToFile([{ name: 'holiday/notes.txt', data: 'not a dossier' }], foreign);
    await expect(b.handlers['library:importArchive']({ path: foreign })).rejects.toThrow(/not a Dossier archive \(it has no manifest\.json\)/);
    const newer = join(work, 'newer.dossier.zip');
    await zipToFile([{ name: 'manifest.json', data: JSON.stringify({ format: 'dossier-archive', version: 9, createdAt: '2030-01-01', app: { name: 'Dossier', version: '9' }, files: {} }) }], newer);
    await expect(b.handlers['library:importArchive']({ path: newer })).rejects.toThrow(/archive format 9 by a newer Dossier/);
    await expect(importBytes('not-a-zip.dossier.zip', Buffer.from('hello'))).rejects.toThrow(/cut short or is not a zip file/);

    expect(snapshot(join(work, 'b'))).toEqual(before);
    expect(await b.handlers['library:list']()).toHaveLength(1);
  });
});
