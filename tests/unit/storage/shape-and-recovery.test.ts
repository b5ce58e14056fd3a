// Library files that parse but hold the wrong shape are damaged files: set aside and restored, never
// backed up as healthy; backups are ordered by their sequence, not the clock; and what a killed run
// left behind (unfinished imports, temp files) is removed at open, with a line in the recovery log.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DocumentRecord } from '../../../shared/types/library.ts';
import { LibraryStore } from '../../../electron/services/storage/library-store.ts';
import { listBackups } from '../../../electron/services/storage/backups.ts';
import { openServices } from '../../../electron/services/container.ts';

function record(id: string, title = `Doc ${id}`): DocumentRecord {
  return {
    id,
    title,
    format: 'txt',
    sourcePath: `/tmp/${id}.txt`,
    contentHash: `hash-${id}`,
    importedAt: '2026-01-01T00:00:00.000Z',
    words: 3,
    chars: 15,
    originalFile: 'original.txt',
    author: null,
    outlet: null,
    published: null,
    url: null,
    lang: null,
    tags: [],
    deletedAt: null,
  };
}

const ids = Array.from({ length: 24 }, (_, i) => i.toString(16).padStart(12, 'b'));
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-shape-'));
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

async function openStore(): Promise<LibraryStore> {
  const store = new LibraryStore(dir);
  await store.open();
  return store;
}

/** A library with documents and one backup of them; returns the name of a shard that holds records. */
async function seeded(): Promise<string> {
  const store = await openStore();
  for (const id of ids) await store.add(record(id), { text: 'x', pages: null, original: new Uint8Array([120]) });
  store.close();
  (await openStore()).close(); // this open backs the records up
  const indexDir = join(dir, 'index');
  return readdirSync(indexDir).find((f) => f.startsWith('documents-') && Object.keys(JSON.parse(readFileSync(join(indexDir, f), 'utf8'))).length > 0)!;
}

describe('wrong-shape library files', () => {
  const shapes: Array<[string, (good: Record<string, unknown>) => string, RegExp]> = [
    ['an empty list', () => '[]', /holds a list/],
    ['null', () => 'null', /holds null/],
    ['a string', () => '"records"', /holds a string/],
    ['a null record', (good) => JSON.stringify({ ...good, [Object.keys(good)[0]!]: null }), /record .* is null/],
    ['a record missing its fields', (good) => JSON.stringify({ ...good, [Object.keys(good)[0]!]: { id: 3 } }), /not a well-formed record/],
  ];

  for (const [label, damage, reason] of shapes) {
    it(`set aside ${label} and restore it from the newest backup`, async () => {
      const victim = await seeded();
      const file = join(dir, 'index', victim);
      const good = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      writeFileSync(file, damage(good));
      const store = await openStore();
      expect(store.readOnly).toBe(false);
      expect(store.warnings.join('\n')).toMatch(reason);
      expect(store.warnings.join('\n')).toMatch(/restored from backup number \d+/);
      for (const id of Object.keys(good)) expect(store.get(id).title).toBe(`Doc ${id}`);
      expect(readdirSync(join(dir, 'corrupt'))).toHaveLength(1);
      // The backup this open took holds the restored, healthy file, not the damaged one.
      const [newest] = await listBackups(join(dir, 'backups'));
      expect(JSON.parse(readFileSync(join(dir, 'backups', newest!.folder, victim), 'utf8'))).toEqual(good);
      store.close();
    });
  }

  it('open read-only, with the reason, when a wrong-shape file has no healthy backup, so no write is dropped', async () => {
    const store = await openStore();
    await store.add(record(ids[0]!), { text: 'x', pages: null, original: new Uint8Array([120]) });
    store.close();
    rmSync(join(dir, 'backups'), { recursive: true, force: true });
    const victim = readdirSync(join(dir, 'index')).find((f) => readFileSync(join(dir, 'index', f), 'utf8').includes(ids[0]!))!;
    writeFileSync(join(dir, 'index', victim), '[]');
    const reopened = await openStore();
    expect(reopened.readOnly).toBe(true);
    expect(reopened.warnings.join('\n')).toMatch(new RegExp(`${victim}.*holds a list.*read-only`));
    await expect(reopened.add(record(ids[1]!), { text: 'y', pages: null, original: new Uint8Array([121]) })).rejects.toMatchObject({ code: 'read-only' });
    expect(readFileSync(join(dir, 'index', victim), 'utf8')).toBe('[]');
    reopened.close();
  });
});

describe('backups', () => {
  it('are numbered, kept and restored by sequence even after the clock ran years ahead and came back', async () => {
    const victim = await seeded();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-06-01T00:00:00Z'));
    for (let i = 0; i < 3; i++) (await openStore()).close();
    vi.setSystemTime(new Date('2026-06-01T00:00:00Z'));
    const store = await openStore();
    // A write made with the right clock, then one more open to back it up.
    await store.update({ ...store.documents.get(ids[0]!)!, title: 'Written after the clock was fixed' });
    store.close();
    (await openStore()).close();
    const backups = await listBackups(join(dir, 'backups'));
    expect(backups).toHaveLength(5);
    expect(backups.map((b) => b.sequence)).toEqual([7, 6, 5, 4, 3]);
    expect(backups[0]!.takenAt).toMatch(/^2026-06-01/);
    expect(backups[2]!.takenAt).toMatch(/^2031-06-01/);

    const shard = readdirSync(join(dir, 'index')).find((f) => readFileSync(join(dir, 'index', f), 'utf8').includes(ids[0]!))!;
    writeFileSync(join(dir, 'index', shard), '{"cut off');
    const recovered = await openStore();
    expect(recovered.warnings.join('\n')).toMatch(/restored from backup number 7, taken 2026-06-01/);
    expect(recovered.get(ids[0]!).title).toBe('Written after the clock was fixed');
    expect(victim).toMatch(/^documents-/);
    recovered.close();
  });
});

describe('recovery after a kill', () => {
  it('removes unfinished imports and temp files at open and writes each to the recovery log', async () => {
    const store = await openStore();
    await store.add(record(ids[0]!), { text: 'kept', pages: null, original: new Uint8Array([120]) });
    store.close();
    // What a kill -9 leaves: a document folder whose record was never written, and temp files.
    const orphan = join(dir, 'docs', ids[1]!);
    mkdirSync(orphan, { recursive: true });
    writeFileSync(join(orphan, 'text.txt'), 'half an import');
    writeFileSync(join(dir, 'index', '.documents-03.json.tmp'), '{"half":');
    mkdirSync(join(dir, 'search'), { recursive: true });
    writeFileSync(join(dir, 'search', 'index.json.123456789'), 'partial');
    const staleTemp = join(dir, 'docs', ids[0]!, 'claims.json.987654321');
    writeFileSync(staleTemp, '{"claims":');

    const reopened = await openStore();
    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(join(dir, 'index', '.documents-03.json.tmp'))).toBe(false);
    expect(existsSync(join(dir, 'search', 'index.json.123456789'))).toBe(false);
    expect(reopened.get(ids[0]!).id).toBe(ids[0]);
    expect(readFileSync(join(dir, 'docs', ids[0]!, 'text.txt'), 'utf8')).toBe('kept');
    expect(reopened.warnings.join('\n')).toMatch(/tidied up 3 leftovers.*recovery\.log/);
    expect(await reopened.removeStaleDocumentTemps(Date.now() + 1)).toEqual([staleTemp]);
    const log = readFileSync(reopened.recoveryLog, 'utf8').trim().split('\n');
    expect(log).toHaveLength(4);
    expect(log.join('\n')).toMatch(new RegExp(`removed .*${ids[1]}: an import that did not finish`));
    expect(log.join('\n')).toMatch(/claims\.json\.987654321: a temporary file/);
    reopened.close();

    const again = await openStore();
    expect(again.warnings).toEqual([]);
    again.close();
  });
});

describe('records checked against their collection schema', () => {
  it('set aside a notes file whose note has a number for its body, and restore the healthy copy', async () => {
    const open = () => openServices({ libraryDir: dir, host: 'cli', version: 'test' });
    let services = await open();
    const note = await services.handlers['notes:create']({ body: 'The survey counted 212 nesting pairs.' });
    await services.close();
    services = await open(); // this open backs the note up
    await services.close();
    const indexDir = join(dir, 'index');
    const shard = readdirSync(indexDir).find((f) => f.startsWith('notes-') && readFileSync(join(indexDir, f), 'utf8').includes(note.id))!;
    const good = JSON.parse(readFileSync(join(indexDir, shard), 'utf8'));
    writeFileSync(join(indexDir, shard), JSON.stringify({ ...good, [note.id]: { ...good[note.id], body: 5 } }));
    services = await open();
    try {
      expect(services.store.warnings.join('\n')).toMatch(new RegExp(`${shard}.*not a well-formed record.*restored from backup number`));
      expect((await services.handlers['notes:list']({})).map((n) => n.body)).toEqual(['The survey counted 212 nesting pairs.']);
    } finally {
      await services.close();
    }
  });
});
